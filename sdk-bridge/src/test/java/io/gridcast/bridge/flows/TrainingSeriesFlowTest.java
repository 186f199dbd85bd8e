package io.gridcast.bridge.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridcast.bridge.Bridge;
import io.gridcast.bridge.RunReport;
import io.gridcast.bridge.testing.Sandboxes;
import io.gridcast.testkit.FaultProfile;
import io.gridcast.testkit.SpotifyDemoData;
import io.gridcast.testkit.TradingGridDemoData;
import io.gridcast.testkit.TradingGridResource;
import io.gridcast.tradinggrid.model.PostCreate;
import io.gridcast.tradinggrid.model.PostKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingSeriesFlowTest {

  private static final String SHOW = SpotifyDemoData.SHOW_PARTNER_ACADEMY;
  /** The two newest academy episodes. */
  private static final List<String> EPISODE_IDS = List.of(SpotifyDemoData.episodeId(SHOW, 9), SpotifyDemoData.episodeId(SHOW, 8));

  @TempDir
  Path docs;

  private Sandboxes sandboxes;
  private Bridge bridge;

  @BeforeEach
  void start() throws IOException {
    sandboxes = Sandboxes.start();
    bridge = sandboxes.bridge();
    Files.writeString(docs.resolve("asn-checklist.md"), "# ASN checklist\n\n1. SSCC on every pallet\n2. Send before the truck leaves\n");
    Files.writeString(docs.resolve("faq.txt"), "Q: Who do I call?\nA: Partner operations, +31 10 555 0100\n");
    Files.createDirectories(docs.resolve(EPISODE_IDS.get(0)));
    Files.writeString(docs.resolve(EPISODE_IDS.get(0)).resolve("slides.md"), "# Slides of the newest episode\n");
  }

  @AfterEach
  void stop() {
    sandboxes.close();
  }

  private TrainingSeriesConfig config() {
    return TrainingSeriesConfig.builder()
        .addShowIds(SHOW)
        .maxEpisodesPerShow(2)
        .documentsFolder(docs)
        .addDocumentIds(TradingGridDemoData.DOCUMENT_ASN_CHECKLIST)
        .putFaqs("Is the training mandatory?", "Yes, before your EDI certification.")
        .dueAfterDays(21)
        .build();
  }

  @Test
  void firstRunPublishesTrainingPostsWithDocumentsAndAssignsEveryOnboardingPartner() {
    RunReport report = bridge.run(TrainingSeriesFlow.create(sandboxes.spotify, sandboxes.tradingGrid, config()));

    List<String> onboarding = partnersAt("onboarding");
    assertThat(report.failed()).isZero();
    assertThat(report.created()).isEqualTo(2 + 2 * onboarding.size());
    for (String id : EPISODE_IDS) {
      JsonNode post = post(id);
      assertThat(sandboxes.tradingGridSandbox.countPostsByExternalRef(ref(id))).isEqualTo(1);
      assertThat(post.path("kind").asText()).isEqualTo("training");
      assertThat(post.path("body").asText()).contains("### FAQ").contains("**Is the training mandatory?**");
      List<String> files = new ArrayList<>();
      for (JsonNode d : post.path("attachments")) {
        files.add(sandboxes.tradingGridSandbox.resource(TradingGridResource.DOCUMENTS, d.asText()).orElseThrow().path("fileName").asText());
      }
      assertThat(post.path("attachments").get(0).asText()).isEqualTo(TradingGridDemoData.DOCUMENT_ASN_CHECKLIST);
      assertThat(files.subList(1, files.size())).containsExactlyElementsOf(
          id.equals(EPISODE_IDS.get(0)) ? List.of("asn-checklist.md", "faq.txt", "slides.md") : List.of("asn-checklist.md", "faq.txt"));
      List<JsonNode> assignments = assignments(post);
      assertThat(assignments).extracting(a -> a.path("target").path("id").asText()).containsExactlyInAnyOrderElementsOf(onboarding);
      assertThat(assignments).allSatisfy(a -> {
        assertThat(a.path("status").asText()).isEqualTo("assigned");
        assertThat(a.path("reason").asText()).isEqualTo("Partner training series");
        assertThat(a.path("target").path("type").asText()).isEqualTo("partner");
      });
    }
    // the shared files are uploaded once, though both posts carry them
    long shared = sandboxes.tradingGridSandbox.resources(TradingGridResource.DOCUMENTS).stream()
        .filter(d -> d.path("fileName").asText().equals("asn-checklist.md")).count();
    assertThat(shared).isEqualTo(1);
  }

  @Test
  void anEpisodesOwnFaqSheetFollowsTheSharedQuestionsOnItsPostOnlyAndIsNotAttached() throws IOException {
    Files.writeString(docs.resolve(EPISODE_IDS.get(0)).resolve("faq.md"),
        "## Which *ASN* fields are new?\n\nThe **SSCC** and the carrier code.\n\n## Where do I test?\nIn the [sandbox](https://tg.example/sandbox).\n");

    RunReport report = bridge.run(TrainingSeriesFlow.create(sandboxes.spotify, sandboxes.tradingGrid, config()));

    assertThat(report.failed()).isZero();
    assertThat(post(EPISODE_IDS.get(0)).path("body").asText()).endsWith("### FAQ\n\n"
        + "**Is the training mandatory?**\n\nYes, before your EDI certification.\n\n"
        + "**Which \\*ASN\\* fields are new?**\n\nThe **SSCC** and the carrier code.\n\n"
        + "**Where do I test?**\n\nIn the [sandbox](https://tg.example/sandbox).");
    assertThat(post(EPISODE_IDS.get(1)).path("body").asText()).doesNotContain("ASN* fields");
    assertThat(sandboxes.tradingGridSandbox.resources(TradingGridResource.DOCUMENTS))
        .noneMatch(d -> d.path("fileName").asText().equals("faq.md"));
  }

  @Test
  void aFaqSheetWithTextBeforeItsFirstQuestionFailsThatEpisodeNamingTheLine() throws IOException {
    Files.writeString(docs.resolve(EPISODE_IDS.get(0)).resolve("faq.md"), "Questions:\n## Why?\nBecause.\n");

    RunReport report = bridge.run(TrainingSeriesFlow.create(sandboxes.spotify, sandboxes.tradingGrid, config()));

    assertThat(report.stage("training-series.posts").failed()).isEqualTo(1);
    assertThat(sandboxes.tradingGridSandbox.countPostsByExternalRef(ref(EPISODE_IDS.get(0)))).isZero();
    assertThat(sandboxes.tradingGridSandbox.countPostsByExternalRef(ref(EPISODE_IDS.get(1)))).isEqualTo(1);
    assertThat(report.stage("training-series.posts").failures().get(0).reason()).contains("faq.md:1").contains("'## '");
  }

  @Test
  void aCustomMapperWritesThePostAndTheFlowStillAttachesTheDocuments() {
    TrainingSeriesConfig custom = TrainingSeriesConfig.builder().from(config())
        .mapper((episode, run) -> PostCreate.builder().kind(PostKind.TRAINING).title("Module: " + episode.episode().name())
            .body("Watch it before Friday.").audience(io.gridcast.tradinggrid.model.Audience.ofGroups(List.of(TradingGridDemoData.GROUP_EMEA))).build())
        .build();

    RunReport report = bridge.run(TrainingSeriesFlow.create(sandboxes.spotify, sandboxes.tradingGrid, custom));

    assertThat(report.failed()).as("%s", report.stage("training-series.posts").failures()).isZero();
    JsonNode post = post(EPISODE_IDS.get(0));
    assertThat(post.path("title").asText()).isEqualTo("Module: " + sandboxes.spotify.episodes().get(EPISODE_IDS.get(0)).name());
    assertThat(post.path("body").asText()).isEqualTo("Watch it before Friday.");
    assertThat(post.path("attachments")).hasSize(4); // the existing document, the two shared files and the episode's slides
  }

  @Test
  void assignmentsAreDueTheConfiguredDaysAfterRelease() {
    bridge.run(TrainingSeriesFlow.create(sandboxes.spotify, sandboxes.tradingGrid, config()));

    JsonNode post = post(EPISODE_IDS.get(0));
    String release = sandboxes.spotify.episodes().get(EPISODE_IDS.get(0)).releaseDate().firstDay().plusDays(21).toString();
    assertThat(assignments(post)).allSatisfy(a -> assertThat(a.path("dueDate").asText()).isEqualTo(release));
  }

  @Test
  void rerunWithoutChangesCreatesNothing() {
    bridge.run(TrainingSeriesFlow.create(sandboxes.spotify, sandboxes.tradingGrid, config()));
    int assignments = sandboxes.tradingGridSandbox.resources(TradingGridResource.ASSIGNMENTS).size();
    int documents = sandboxes.tradingGridSandbox.resources(TradingGridResource.DOCUMENTS).size();

    RunReport again = bridge.run(TrainingSeriesFlow.create(sandboxes.spotify, sandboxes.tradingGrid, config()));

    assertThat(again.created() + again.updated()).isZero();
    assertThat(sandboxes.tradingGridSandbox.resources(TradingGridResource.ASSIGNMENTS)).hasSize(assignments);
    assertThat(sandboxes.tradingGridSandbox.resources(TradingGridResource.DOCUMENTS)).hasSize(documents);
  }

  @Test
  void aPartnerMovingIntoTheStageGetsItsAssignmentOnceAndARerunCreatesNothing() {
    bridge.run(TrainingSeriesFlow.create(sandboxes.spotify, sandboxes.tradingGrid, config()));
    String mover = partnersAt("invited").get(0);

    sandboxes.tradingGridSandbox.movePartnerToStage(mover, "onboarding");
    RunReport moved = bridge.run(TrainingSeriesFlow.create(sandboxes.spotify, sandboxes.tradingGrid, config()));
    RunReport again = bridge.run(TrainingSeriesFlow.create(sandboxes.spotify, sandboxes.tradingGrid, config()));

    for (String id : EPISODE_IDS) {
      assertThat(assignments(post(id)).stream().filter(a -> a.path("target").path("id").asText().equals(mover)))
          .singleElement().satisfies(a -> assertThat(a.path("status").asText()).isEqualTo("assigned"));
    }
    assertThat(moved.created()).isEqualTo(2);
    assertThat(again.created() + again.updated()).isZero();
  }

  @Test
  void aPartnerMovingOutOfTheStageHasItsAssignmentCancelledAndRestoredWhenItReturns() {
    bridge.run(TrainingSeriesFlow.create(sandboxes.spotify, sandboxes.tradingGrid, config()));
    String leaver = partnersAt("onboarding").get(0);
    int total = sandboxes.tradingGridSandbox.resources(TradingGridResource.ASSIGNMENTS).size();

    sandboxes.tradingGridSandbox.movePartnerToStage(leaver, "certified");
    bridge.run(TrainingSeriesFlow.create(sandboxes.spotify, sandboxes.tradingGrid, config()));
    assertThat(assignmentsOf(leaver)).hasSize(2).allSatisfy(a -> assertThat(a.path("status").asText()).isEqualTo("cancelled"));

    sandboxes.tradingGridSandbox.movePartnerToStage(leaver, "onboarding");
    bridge.run(TrainingSeriesFlow.create(sandboxes.spotify, sandboxes.tradingGrid, config()));
    assertThat(assignmentsOf(leaver)).hasSize(2).allSatisfy(a -> assertThat(a.path("status").asText()).isEqualTo("assigned"));
    assertThat(sandboxes.tradingGridSandbox.resources(TradingGridResource.ASSIGNMENTS)).hasSize(total);
  }

  @Test
  void assignedByRegionEveryPartnerOfTheRegionIsAssignedAndAPartnerWhoRelocatesFollows() {
    TrainingSeriesConfig apac = TrainingSeriesConfig.builder().from(config())
        .assignTo(io.gridcast.bridge.policy.RoutingPolicy.regions("APAC")).build();
    bridge.run(TrainingSeriesFlow.create(sandboxes.spotify, sandboxes.tradingGrid, apac));

    List<String> inApac = partnersIn("APAC");
    assertThat(inApac).isNotEmpty();
    for (String id : EPISODE_IDS) {
      assertThat(assignments(post(id))).extracting(a -> a.path("target").path("id").asText())
          .containsExactlyInAnyOrderElementsOf(inApac);
    }

    String arriving = partnersIn("EMEA").get(0);
    String leaving = inApac.get(0);
    sandboxes.tradingGridSandbox.movePartnerToRegion(arriving, "APAC");
    sandboxes.tradingGridSandbox.movePartnerToRegion(leaving, "NA");
    RunReport moved = bridge.run(TrainingSeriesFlow.create(sandboxes.spotify, sandboxes.tradingGrid, apac));

    assertThat(assignmentsOf(arriving)).hasSize(2).allSatisfy(a -> assertThat(a.path("status").asText()).isEqualTo("assigned"));
    assertThat(assignmentsOf(leaving)).hasSize(2).allSatisfy(a -> assertThat(a.path("status").asText()).isEqualTo("cancelled"));
    assertThat(moved.failed()).isZero();
    assertThat(bridge.run(TrainingSeriesFlow.create(sandboxes.spotify, sandboxes.tradingGrid, apac)).created()).isZero();
  }

  @Test
  void aChangedDocumentUpdatesThePostsWithANewDocumentAndNoSecondPost() throws IOException {
    bridge.run(TrainingSeriesFlow.create(sandboxes.spotify, sandboxes.tradingGrid, config()));
    List<String> before = ids(post(EPISODE_IDS.get(1)).path("attachments"));
    Files.writeString(docs.resolve("faq.txt"), "Q: Who do I call?\nA: Partner operations, +31 10 555 0199 (new number)\n");

    RunReport report = bridge.run(TrainingSeriesFlow.create(sandboxes.spotify, sandboxes.tradingGrid, config()));

    assertThat(report.updated()).isEqualTo(2);
    for (String id : EPISODE_IDS) {
      assertThat(sandboxes.tradingGridSandbox.countPostsByExternalRef(ref(id))).isEqualTo(1);
    }
    List<String> after = ids(post(EPISODE_IDS.get(1)).path("attachments"));
    assertThat(after).hasSameSizeAs(before).isNotEqualTo(before);
    assertThat(new String(sandboxes.tradingGridSandbox.documentContent(after.get(2)).orElseThrow())).contains("0199");
    assertThat(sandboxes.tradingGridSandbox.resource(TradingGridResource.DOCUMENTS, before.get(2))).isPresent();
  }

  @Test
  void flakyPlatformsStillEndWithOnePostPerEpisodeAndOneAssignmentPerPartner() {
    sandboxes.faults(Sandboxes.flaky(2));
    for (int i = 0; i < 5; i++) {
      RunReport r = bridge.run(TrainingSeriesFlow.create(sandboxes.spotify, sandboxes.tradingGrid, config()));
      if (r.failed() == 0 && r.stoppedBecause().isEmpty()) {
        break;
      }
      bridge.replayDeadLetters(TrainingSeriesFlow.create(sandboxes.spotify, sandboxes.tradingGrid, config())); // both stages
    }
    sandboxes.faults(FaultProfile.none());

    List<String> onboarding = partnersAt("onboarding");
    for (String id : EPISODE_IDS) {
      assertThat(sandboxes.tradingGridSandbox.countPostsByExternalRef(ref(id))).isEqualTo(1);
      assertThat(assignments(post(id))).extracting(a -> a.path("target").path("id").asText())
          .containsExactlyInAnyOrderElementsOf(onboarding);
    }
    assertThat(sandboxes.tradingGridSandbox.resources(TradingGridResource.DOCUMENTS).stream()
        .filter(d -> d.path("fileName").asText().equals("faq.txt")).count()).isEqualTo(1);
    RunReport last = bridge.run(TrainingSeriesFlow.create(sandboxes.spotify, sandboxes.tradingGrid, config()));
    assertThat(last.created()).isZero();
  }

  @Test
  void aPlaylistIsASourceToo() {
    TrainingSeriesConfig config = TrainingSeriesConfig.builder().playlistId(SpotifyDemoData.PLAYLIST_TRAINING_QUEUE)
        .assignTo(io.gridcast.bridge.policy.RoutingPolicy.groups(TradingGridDemoData.GROUP_ONBOARDING)).build();

    RunReport report = bridge.run(TrainingSeriesFlow.create(sandboxes.spotify, sandboxes.tradingGrid, config));

    assertThat(report.failed()).isZero();
    assertThat(sandboxes.tradingGridSandbox.countPostsByExternalRef(ref(SpotifyDemoData.episodeId(SHOW, 0)))).isEqualTo(1);
    assertThat(assignments(post(SpotifyDemoData.episodeId(SHOW, 0)))).singleElement()
        .satisfies(a -> assertThat(a.path("target").path("type").asText()).isEqualTo("group"));
  }

  @Test
  void aConfigNeedsExactlyOneSource() {
    assertThatThrownBy(() -> TrainingSeriesConfig.builder().build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("showIds").hasMessageContaining("playlistId");
    assertThatThrownBy(() -> TrainingSeriesConfig.builder().addShowIds(SHOW).playlistId(SpotifyDemoData.PLAYLIST_TRAINING_QUEUE).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not both");
  }

  @Test
  void aNegativeDueDateOffsetIsRefused() {
    assertThatThrownBy(() -> TrainingSeriesConfig.builder().addShowIds(SHOW).dueAfterDays(-1).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dueAfterDays");
  }

  @Test
  void aDocumentsFolderThatIsNoFolderIsRefused() {
    assertThatThrownBy(() -> TrainingSeriesConfig.builder().addShowIds(SHOW).documentsFolder(docs.resolve("missing")).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("documentsFolder");
  }

  private static String ref(String episodeId) {
    return TrainingPostMapper.postRef("spotify:episode:" + episodeId);
  }

  private JsonNode post(String episodeId) {
    return sandboxes.tradingGridSandbox.resources(TradingGridResource.POSTS).stream()
        .filter(p -> p.path("externalRef").asText().equals(ref(episodeId))).findFirst().orElseThrow();
  }

  private List<JsonNode> assignments(JsonNode post) {
    return sandboxes.tradingGridSandbox.resources(TradingGridResource.ASSIGNMENTS).stream()
        .filter(a -> a.path("postId").asText().equals(post.path("id").asText())).toList();
  }

  private List<JsonNode> assignmentsOf(String partnerId) {
    return sandboxes.tradingGridSandbox.resources(TradingGridResource.ASSIGNMENTS).stream()
        .filter(a -> a.path("target").path("id").asText().equals(partnerId)).toList();
  }

  private List<String> partnersIn(String region) {
    return sandboxes.tradingGridSandbox.resources(TradingGridResource.PARTNERS).stream()
        .filter(p -> p.path("region").asText().equals(region)).map(p -> p.path("id").asText()).sorted().toList();
  }

  private List<String> partnersAt(String stage) {
    return sandboxes.tradingGridSandbox.resources(TradingGridResource.PARTNERS).stream()
        .filter(p -> p.path("onboardingStage").asText().equals(stage)).map(p -> p.path("id").asText()).sorted().toList();
  }

  private static List<String> ids(JsonNode array) {
    List<String> ids = new ArrayList<>();
    array.forEach(n -> ids.add(n.asText()));
    return ids;
  }
}
