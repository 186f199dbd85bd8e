package io.gridcast.tradinggrid;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridcast.core.GridcastJson;
import io.gridcast.core.Secret;
import io.gridcast.tradinggrid.model.Approval;
import io.gridcast.tradinggrid.model.ApprovalDecision;
import io.gridcast.tradinggrid.model.ApprovalStatus;
import io.gridcast.tradinggrid.model.Audience;
import io.gridcast.tradinggrid.model.ContentPackage;
import io.gridcast.tradinggrid.model.CursorPage;
import io.gridcast.tradinggrid.model.DecisionOutcome;
import io.gridcast.tradinggrid.model.Event;
import io.gridcast.tradinggrid.model.EventType;
import io.gridcast.tradinggrid.model.IssueStatus;
import io.gridcast.tradinggrid.model.IssueUpdate;
import io.gridcast.tradinggrid.model.Link;
import io.gridcast.tradinggrid.model.OnboardingStage;
import io.gridcast.tradinggrid.model.Partner;
import io.gridcast.tradinggrid.model.Post;
import io.gridcast.tradinggrid.model.PostCreate;
import io.gridcast.tradinggrid.model.PostKind;
import io.gridcast.tradinggrid.model.SiteRequest;
import io.gridcast.tradinggrid.model.SiteRequestComment;
import io.gridcast.tradinggrid.model.SiteRequestStatus;
import io.gridcast.tradinggrid.model.SiteRequestType;
import io.gridcast.tradinggrid.model.WebhookCreate;
import io.swagger.v3.parser.OpenAPIV3Parser;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the public models write is valid under the contract, as judged by an independent OpenAPI
 * validator, and the contract's own examples decode into the models.
 */
class ModelContractConformanceTest {

  private static final Instant T = Instant.parse("2026-05-04T09:15:00Z");
  private static final String BASE = "/communities/c_emea";

  private final ObjectMapper json = GridcastJson.newObjectMapper();
  private final OpenApiInteractionValidator validator =
      OpenApiInteractionValidator.createForSpecificationUrl(
              ActiveCommunityContract.openApiResource().toString())
          .build();

  @Test
  void aPostIsAValidResponseOfGetPost() throws Exception {
    Post post =
        Post.builder()
            .id("p_1")
            .kind(PostKind.ANNOUNCEMENT)
            .title("New episode")
            .body("Listen **now**")
            .addLinks(Link.of("listen", "https://open.spotify.com/episode/4rOoJ6Egrf8K2IrywzwOMk"))
            .putMetadata("spotifyShowId", "5CfCWKI5pZ28U0uOzXkDHe")
            .audience(Audience.ofGroups(List.of("g_emea")))
            .externalRef("spotify:episode:4rOoJ6Egrf8K2IrywzwOMk")
            .version(1)
            .createdAt(T)
            .updatedAt(T)
            .build();
    assertValidResponse(Request.Method.GET, BASE + "/posts/p_1", 200, post);
  }

  @Test
  void aPostCreateIsAValidRequestAndTheContractExampleDecodes() throws Exception {
    Object exampleValue =
        new OpenAPIV3Parser()
            .read(ActiveCommunityContract.openApiResource().toString())
            .getComponents()
            .getExamples()
            .get("EpisodeAnnouncementCreate")
            .getValue();
    JsonNode example = json.valueToTree(exampleValue);
    assertThat(example.path("externalRef").asText()).startsWith("spotify:episode:");
    PostCreate create = json.treeToValue(example, PostCreate.class);
    assertThat(create.kind()).isEqualTo(PostKind.ANNOUNCEMENT);
    assertThat(create.audience().groupIds()).containsExactly("g_emea_retail", "g_na_retail");
    assertValidRequest(Request.Method.POST, BASE + "/posts", create, "Idempotency-Key", "k-1");
  }

  @Test
  void aPageOfPartnersIsAValidListResponse() throws Exception {
    Partner partner =
        Partner.builder()
            .id("pa_1")
            .accountId("TGMS-4471-2209")
            .name("Northwind Traders")
            .region("EMEA")
            .onboardingStage(OnboardingStage.ONBOARDING)
            .addGroupIds("g_emea")
            .contactEmail("edi@northwind.example")
            .version(2)
            .createdAt(T)
            .updatedAt(T)
            .build();
    assertValidResponse(Request.Method.GET, BASE + "/partners", 200, CursorPage.of(List.of(partner), "c2"));
    assertValidResponse(Request.Method.GET, BASE + "/partners", 200, CursorPage.of(List.of(partner), null));
  }

  @Test
  void anIssueUpdateIsAValidPatchRequest() throws Exception {
    IssueUpdate update =
        IssueUpdate.builder()
            .status(IssueStatus.RESOLVED)
            .resolutionSummary("Mapping corrected.")
            .correctiveActions(List.of("Validate SSCC codes."))
            .build();
    assertValidRequest(Request.Method.PATCH, BASE + "/issues/i_1", update, "If-Match", "3");
  }

  @Test
  void anApprovalIsAValidResponseOfADecision() throws Exception {
    Approval approval =
        Approval.builder()
            .id("a_1")
            .title("Episode 42")
            .contentPackage(
                ContentPackage.builder()
                    .scriptDocumentId("d_s")
                    .artworkDocumentId("d_a")
                    .releaseNotesDocumentId("d_r")
                    .audioDocumentId("d_au")
                    .build())
            .addRequiredRoles("legal")
            .status(ApprovalStatus.APPROVED)
            .addDecisions(
                ApprovalDecision.builder()
                    .role("legal")
                    .decision(DecisionOutcome.APPROVE)
                    .decidedBy("j.doe@acme.example")
                    .decidedAt(T)
                    .build())
            .version(2)
            .createdAt(T)
            .updatedAt(T)
            .completedAt(T)
            .build();
    assertValidResponse(Request.Method.GET, BASE + "/approvals/a_1", 200, approval);
  }

  @Test
  void aSiteRequestAndAnEventPageAreValidResponses() throws Exception {
    SiteRequest request =
        SiteRequest.builder()
            .id("sr_1")
            .siteId("s_1")
            .type(SiteRequestType.PLAYLIST_CHANGE)
            .status(SiteRequestStatus.OPEN)
            .details("More upbeat in the mornings.")
            .addComments(
                SiteRequestComment.builder().id("src_1").author("store112").body("Noted").createdAt(T).build())
            .version(2)
            .createdAt(T)
            .updatedAt(T)
            .build();
    assertValidResponse(Request.Method.GET, BASE + "/site-requests/sr_1", 200, request);
    Event event =
        Event.builder()
            .id("ev_1")
            .type(EventType.SITE_REQUEST_CREATED)
            .occurredAt(T)
            .resourceType("site_request")
            .resourceId("sr_1")
            .data(json.valueToTree(request))
            .build();
    assertValidResponse(Request.Method.GET, BASE + "/events", 200, CursorPage.of(List.of(event), "ev_1"));
  }

  @Test
  void aWebhookCreateIsAValidRequest() throws Exception {
    WebhookCreate create =
        WebhookCreate.builder()
            .url("https://hooks.acme.example/tg")
            .addEventTypes(EventType.ISSUE_RESOLVED)
            .secret(Secret.of("whsec_0123456789abcdef"))
            .build();
    assertValidRequest(Request.Method.POST, BASE + "/webhooks", create, "Idempotency-Key", "k-2");
  }

  @Test
  void theValidatorRejectsBodiesThatBreakTheContract() throws Exception {
    // Guards the tests above: a body missing a required field must be reported.
    ValidationReport report =
        validator.validateResponse(
            BASE + "/posts/p_1",
            Request.Method.GET,
            SimpleResponse.Builder.ok()
                .withContentType("application/json")
                .withHeader("X-Request-Id", "req_1")
                .withBody("{\"id\":\"p_1\",\"kind\":\"announcement\"}")
                .build());
    assertThat(report.hasErrors()).isTrue();
  }

  private void assertValidResponse(Request.Method method, String path, int status, Object body)
      throws Exception {
    ValidationReport report =
        validator.validateResponse(
            path,
            method,
            SimpleResponse.Builder.status(status)
                .withContentType("application/json")
                .withHeader("X-Request-Id", "req_1")
                .withBody(json.writeValueAsString(body))
                .build());
    assertThat(report.getMessages()).as(method + " " + path).isEmpty();
  }

  private void assertValidRequest(
      Request.Method method, String path, Object body, String header, String value) throws Exception {
    SimpleRequest request =
        new SimpleRequest.Builder(method, path)
            .withContentType("application/json")
            .withAuthorization("Bearer token")
            .withHeader(header, value)
            .withBody(json.writeValueAsString(body))
            .build();
    assertThat(validator.validateRequest(request).getMessages()).as(method + " " + path).isEmpty();
  }
}
