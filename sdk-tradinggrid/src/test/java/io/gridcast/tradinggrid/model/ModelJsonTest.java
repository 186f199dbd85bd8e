package io.gridcast.tradinggrid.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridcast.core.GridcastJson;
import io.gridcast.core.Secret;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The models decode the contract's JSON and encode exactly what the contract expects. */
class ModelJsonTest {

  private final ObjectMapper json = GridcastJson.newObjectMapper();

  @Test
  void decodesAPostWithEveryField() throws Exception {
    Post post =
        json.readValue(
            """
            {"id":"p_1","kind":"audio_update","title":"ASN fix explained",
             "body":"Listen **now**.",
             "links":[{"rel":"listen","title":"Listen on Spotify","url":"https://open.spotify.com/episode/4rOo"},
                      {"rel":"docs","url":"https://docs.example/asn"}],
             "metadata":{"spotifyShowId":"5CfC","durationMs":"1432000"},
             "audience":{"groupIds":["g_emea"],"partnerIds":["pa_7"]},
             "attachments":["d_1","d_2"],"tags":["asn"],
             "externalRef":"spotify:episode:4rOo","version":4,
             "createdAt":"2026-05-04T09:15:00Z","updatedAt":"2026-05-05T10:00:00Z"}
            """,
            Post.class);
    assertThat(post.kind()).isEqualTo(PostKind.AUDIO_UPDATE);
    assertThat(post.links()).containsExactly(
        Link.builder().rel("listen").title("Listen on Spotify").url("https://open.spotify.com/episode/4rOo").build(),
        Link.of("docs", "https://docs.example/asn"));
    assertThat(post.links().get(1).title()).isEmpty();
    assertThat(post.metadata()).containsEntry("durationMs", "1432000").hasSize(2);
    assertThat(post.audience().groupIds()).containsExactly("g_emea");
    assertThat(post.audience().partnerIds()).containsExactly("pa_7");
    assertThat(post.attachments()).containsExactly("d_1", "d_2");
    assertThat(post.externalRef()).contains("spotify:episode:4rOo");
    assertThat(post.version()).isEqualTo(4);
    assertThat(post.updatedAt()).isEqualTo(Instant.parse("2026-05-05T10:00:00Z"));
  }

  @Test
  void absentOptionalFieldsAreEmptyAndAbsentListsAreEmpty() throws Exception {
    Partner partner =
        json.readValue(
            """
            {"id":"pa_1","accountId":"TGMS-1","name":"Northwind","region":"EMEA",
             "onboardingStage":"certified","version":1,
             "createdAt":"2026-01-01T00:00:00Z","updatedAt":"2026-01-01T00:00:00Z"}
            """,
            Partner.class);
    assertThat(partner.contactEmail()).isEmpty();
    assertThat(partner.externalRef()).isEmpty();
    assertThat(partner.groupIds()).isEmpty();
    assertThat(partner.onboardingStage()).isEqualTo(OnboardingStage.CERTIFIED);
  }

  @Test
  void aMissingRequiredFieldFailsNamingIt() {
    assertThatThrownBy(
            () ->
                json.readValue(
                    "{\"id\":\"t_1\",\"createdAt\":\"2026-01-01T00:00:00Z\"}", Thread.class))
        .hasMessageContaining("title");
  }

  @Test
  void unknownEnumValuesAndUnknownFieldsDecodeWithoutFailing() throws Exception {
    Post post =
        json.readValue(
            """
            {"id":"p_1","kind":"podcast_digest","title":"t","body":"b",
             "audience":{"groupIds":[],"partnerIds":[]},"version":1,"sentiment":"positive",
             "createdAt":"2026-01-01T00:00:00Z","updatedAt":"2026-01-01T00:00:00Z"}
            """,
            Post.class);
    assertThat(post.kind()).isEqualTo(PostKind.UNKNOWN);
    Event event =
        json.readValue(
            """
            {"id":"ev_1","type":"invoice.paid","occurredAt":"2026-01-01T00:00:00Z",
             "resourceType":"invoice","resourceId":"inv_1","data":{"amount":12}}
            """,
            Event.class);
    assertThat(event.type()).isEqualTo(EventType.UNKNOWN);
    assertThat(event.data().get("amount").asInt()).isEqualTo(12);
  }

  @Test
  void enumsTravelAsTheirLowercaseWireValues() throws Exception {
    assertThat(json.writeValueAsString(PostKind.SERVICE_NOTICE)).isEqualTo("\"service_notice\"");
    assertThat(json.writeValueAsString(EventType.THREAD_MESSAGE_CREATED))
        .isEqualTo("\"thread.message_created\"");
    assertThat(json.writeValueAsString(SiteRequestType.PLAYLIST_CHANGE)).isEqualTo("\"playlist_change\"");
    assertThat(IssueStatus.IN_PROGRESS).hasToString("in_progress");
    assertThat(DecisionOutcome.fromWireValue("request_changes")).isEqualTo(DecisionOutcome.REQUEST_CHANGES);
    assertThat(DecisionOutcome.fromWireValue("veto")).isEqualTo(DecisionOutcome.UNKNOWN);
    assertThat(json.readValue("\"changes_requested\"", ApprovalStatus.class))
        .isEqualTo(ApprovalStatus.CHANGES_REQUESTED);
  }

  @Test
  void anApprovalCarriesItsContentPackageUnderTheContractsNamePackage() throws Exception {
    Approval approval =
        json.readValue(
            """
            {"id":"a_1","title":"Episode 42","status":"pending","version":2,
             "package":{"scriptDocumentId":"d_s","artworkDocumentId":"d_a",
                        "releaseNotesDocumentId":"d_r","audioDocumentId":"d_au"},
             "requiredRoles":["legal","compliance"],
             "decisions":[{"role":"legal","decision":"approve","decidedBy":"j.doe@acme.example",
                           "decidedAt":"2026-01-02T00:00:00Z"}],
             "createdAt":"2026-01-01T00:00:00Z","updatedAt":"2026-01-02T00:00:00Z"}
            """,
            Approval.class);
    assertThat(approval.contentPackage().audioDocumentId()).isEqualTo("d_au");
    assertThat(approval.decisions()).singleElement().satisfies(d -> {
      assertThat(d.decision()).isEqualTo(DecisionOutcome.APPROVE);
      assertThat(d.comment()).isEmpty();
    });
    assertThat(approval.completedAt()).isEmpty();

    JsonNode written = json.valueToTree(
        ApprovalCreate.builder()
            .title("Episode 42")
            .contentPackage(approval.contentPackage())
            .addRequiredRoles("legal", "partner_operations")
            .build());
    assertThat(written.has("package")).isTrue();
    assertThat(written.has("contentPackage")).isFalse();
  }

  @Test
  void updatesWriteOnlyTheFieldsThatChange() throws Exception {
    IssueUpdate update =
        IssueUpdate.builder()
            .status(IssueStatus.RESOLVED)
            .resolutionSummary("Mapping corrected.")
            .correctiveActions(List.of())
            .build();
    assertThat(json.readTree(json.writeValueAsString(update)))
        .isEqualTo(
            json.readTree(
                "{\"status\":\"resolved\",\"resolutionSummary\":\"Mapping corrected.\",\"correctiveActions\":[]}"));
    assertThatThrownBy(() -> IssueUpdate.builder().build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("set at least one field");
  }

  @Test
  void requestBodiesRefuseTheUnknownConstant() {
    assertThatThrownBy(
            () ->
                PostCreate.builder()
                    .kind(PostKind.UNKNOWN)
                    .title("t")
                    .body("b")
                    .audience(Audience.ofGroups(List.of("g_1")))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("kind");
    assertThatThrownBy(() -> SiteUpdate.builder().status(SiteStatus.UNKNOWN).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("status");
  }

  @Test
  void aChoiceFieldNeedsChoices() {
    assertThatThrownBy(
            () -> FormField.builder().key("topic").label("Topic").type(FormFieldType.CHOICE).required(true).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("topic");
  }

  @Test
  void aWebhookRegistrationSendsItsSecretButNeverPrintsIt() throws Exception {
    WebhookCreate create =
        WebhookCreate.builder()
            .url("https://hooks.acme.example/tg")
            .addEventTypes(EventType.ISSUE_RESOLVED, EventType.FORM_SUBMITTED)
            .secret(Secret.of("whsec_0123456789abcdef"))
            .build();
    String body = json.writeValueAsString(create);
    assertThat(json.readTree(body).get("secret").asText()).isEqualTo("whsec_0123456789abcdef");
    assertThat(json.readTree(body).get("eventTypes").get(0).asText()).isEqualTo("issue.resolved");
    assertThat(create.toString()).doesNotContain("whsec_0123456789abcdef").contains("redacted");
    assertThat(json.readValue(body, WebhookCreate.class)).isEqualTo(create);
    assertThatThrownBy(
            () -> WebhookCreate.builder().from(create).secret(Secret.of("xq7pz9")).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("secret")
        .message()
        .doesNotContain("xq7pz9");
  }

  @Test
  void cursorPagesDecodeItemsAndTheNextCursor() throws Exception {
    TypeReference<CursorPage<Site>> pageOfSites = new TypeReference<>() {};
    String site =
        """
        {"id":"s_1","name":"Store 112","region":"EMEA","timezone":"Europe/Amsterdam",
         "playlistUri":"spotify:playlist:37i9","licenceDocumentIds":["d_l"],"status":"live",
         "rolloutDate":"2026-03-01","licenceValidUntil":"2027-02-28","version":5,
         "createdAt":"2026-01-01T00:00:00Z","updatedAt":"2026-02-01T00:00:00Z"}
        """;
    CursorPage<Site> more = json.readValue("{\"items\":[" + site + "],\"nextCursor\":\"c2\"}", pageOfSites);
    assertThat(more.items()).singleElement().satisfies(s -> {
      assertThat(s.rolloutDate()).contains(LocalDate.of(2026, 3, 1));
      assertThat(s.licenceValidUntil()).contains(LocalDate.of(2027, 2, 28));
      assertThat(s.status()).isEqualTo(SiteStatus.LIVE);
    });
    assertThat(more.nextCursor()).contains("c2");
    assertThat(more.hasNextPage()).isTrue();

    CursorPage<Site> last = json.readValue("{\"items\":[],\"nextCursor\":null}", pageOfSites);
    assertThat(last.items()).isEmpty();
    assertThat(last.hasNextPage()).isFalse();
    JsonNode lastWritten = json.valueToTree(CursorPage.of(List.of(), null));
    assertThat(lastWritten.get("items").isArray()).isTrue();
    assertThat(lastWritten.get("nextCursor").isNull()).isTrue();
  }

  @Test
  void campaignsKeepTheirCalendarAndInstructions() throws Exception {
    Campaign campaign =
        json.readValue(
            """
            {"id":"c_1","name":"Spring launch","type":"sponsorship","sponsor":"Acme Tea","brief":"# Brief","status":"active","version":3,
             "approvalDocumentIds":["d_1"],
             "milestones":[{"id":"launch","title":"Launch","dueDate":"2026-04-01","status":"done",
                            "spotifyUri":"spotify:episode:4rOo"},
                           {"id":"recap","title":"Recap","dueDate":"2026-05-01","status":"planned"}],
             "partnerInstructions":[{"partnerId":"pa_1","instructions":"Share in stores."}],
             "spotifyRefs":["spotify:show:5CfC"],
             "createdAt":"2026-01-01T00:00:00Z","updatedAt":"2026-04-01T00:00:00Z"}
            """,
            Campaign.class);
    assertThat(campaign.type()).isEqualTo(CampaignType.SPONSORSHIP);
    assertThat(campaign.sponsor()).contains("Acme Tea");
    assertThat(campaign.milestones()).extracting(Milestone::status)
        .containsExactly(MilestoneStatus.DONE, MilestoneStatus.PLANNED);
    assertThat(campaign.milestones().get(1).spotifyUri()).isEmpty();
    assertThat(campaign.milestones().get(0).dueDate()).isEqualTo(LocalDate.of(2026, 4, 1));
    assertThat(campaign.partnerInstructions()).containsExactly(
        PartnerInstruction.builder().partnerId("pa_1").instructions("Share in stores.").build());
  }

  @Test
  void submissionsKeepTheirAnswers() throws Exception {
    Submission submission =
        json.readValue(
            """
            {"id":"sb_1","formId":"f_1","partnerId":"pa_1",
             "answers":{"usefulness":"4","comment":"More examples please."},
             "submittedAt":"2026-05-06T12:00:00Z"}
            """,
            Submission.class);
    assertThat(submission.answers()).containsExactlyInAnyOrderEntriesOf(
        Map.of("usefulness", "4", "comment", "More examples please."));
  }

  @Test
  void modelsRoundTripAndCopyWithChanges() throws Exception {
    Assignment assignment =
        Assignment.builder()
            .id("as_1")
            .postId("p_1")
            .target(AssignmentTarget.group("g_onboarding"))
            .dueDate(LocalDate.of(2026, 6, 1))
            .reason("onboarding stage onboarding")
            .status(AssignmentStatus.ASSIGNED)
            .version(1)
            .createdAt(Instant.parse("2026-05-01T00:00:00Z"))
            .updatedAt(Instant.parse("2026-05-01T00:00:00Z"))
            .build();
    Assignment decoded = json.readValue(json.writeValueAsString(assignment), Assignment.class);
    assertThat(decoded).isEqualTo(assignment);
    assertThat(json.readTree(json.writeValueAsString(assignment)).get("target").get("type").asText())
        .isEqualTo("group");
    Assignment completed = Assignment.builder().from(assignment).status(AssignmentStatus.COMPLETED).build();
    assertThat(completed.status()).isEqualTo(AssignmentStatus.COMPLETED);
    assertThat(completed.postId()).isEqualTo("p_1");
  }
}
