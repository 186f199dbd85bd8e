package io.gridcast.bridge.flows;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridcast.bridge.Bridge;
import io.gridcast.bridge.RunReport;
import io.gridcast.bridge.policy.ConflictPolicy;
import io.gridcast.bridge.policy.ConflictPolicy.Side;
import io.gridcast.bridge.state.InMemoryStateStore;
import io.gridcast.bridge.testing.SandboxAssertions;
import io.gridcast.bridge.testing.Sandboxes;
import io.gridcast.spotify.SpotifyUri;
import io.gridcast.spotify.model.Playlist;
import io.gridcast.spotify.model.PlaylistItem;
import io.gridcast.spotify.model.SimplifiedPlaylist;
import io.gridcast.testkit.FaultProfile;
import io.gridcast.testkit.SpotifyDemoData;
import io.gridcast.testkit.TradingGridDemoData;
import io.gridcast.testkit.TradingGridResource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CampaignCoordinationFlowTest {

  private static final String CAMPAIGN = TradingGridDemoData.CAMPAIGN_SUMMER_SOUNDS;
  private static final String SHOW = SpotifyDemoData.SHOW_ARCHIVE_SESSIONS;
  private static final String TRAILER = "spotify:episode:" + SpotifyDemoData.episodeId(SHOW, 0);
  private static final String LAUNCH = "spotify:episode:" + SpotifyDemoData.episodeId(SHOW, 1);
  private static final String NOT_YET = "spotify:episode:0000000000000000000000";
  private static final String PREFIX = "tradinggrid:campaign:" + CAMPAIGN + ":milestone:";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  private Sandboxes sandboxes;
  private InMemoryStateStore store;
  private Bridge bridge;

  @BeforeEach
  void start() {
    sandboxes = Sandboxes.start(dir);
    store = new InMemoryStateStore();
    bridge = sandboxes.bridge(store);
    // the campaign team links the sponsored show and the episodes its milestones will deliver
    ObjectNode patch = JSON.createObjectNode();
    patch.putArray("spotifyRefs").add("spotify:show:" + SHOW);
    patch.set("milestones", milestonesWith(Map.of("trailer", TRAILER, "launch", LAUNCH, "wrap_report", NOT_YET)));
    sandboxes.tradingGridSandbox.update(TradingGridResource.CAMPAIGNS, CAMPAIGN, patch);
  }

  /** The campaign's milestones with the given milestone ids pointing at the given Spotify URIs. */
  private ArrayNode milestonesWith(Map<String, String> uris) {
    ArrayNode milestones = JSON.createArrayNode();
    for (JsonNode m : campaign().path("milestones")) {
      ObjectNode copy = m.deepCopy();
      String uri = uris.get(m.path("id").asText());
      if (uri != null) {
        copy.put("spotifyUri", uri);
      }
      milestones.add(copy);
    }
    return milestones;
  }

  private void pointMilestones(Map<String, String> uris) {
    ObjectNode patch = JSON.createObjectNode();
    patch.set("milestones", milestonesWith(uris));
    sandboxes.tradingGridSandbox.update(TradingGridResource.CAMPAIGNS, CAMPAIGN, patch);
  }

  /** Runs once more and asserts that this one run created and updated nothing. */
  private void assertNothingWrittenByAnotherRun() {
    RunReport again = run();
    assertThat(again.created()).isZero();
    assertThat(again.updated()).isZero();
    assertThat(again.failed()).isZero();
  }

  @AfterEach
  void stop() {
    sandboxes.close();
  }

  private JsonNode campaign() {
    return sandboxes.tradingGridSandbox.resource(TradingGridResource.CAMPAIGNS, CAMPAIGN).orElseThrow();
  }

  /** The conflicts settled by the last {@link #run}. */
  private final List<SettledConflict> conflicts = new java.util.concurrent.CopyOnWriteArrayList<>();

  private RunReport run(ConflictPolicy policy) {
    conflicts.clear();
    return bridge.run(CampaignCoordinationFlow.create(sandboxes.spotify, sandboxes.tradingGrid,
        CampaignCoordinationConfig.builder().conflictPolicy(policy).build(), conflicts::add));
  }

  private RunReport run() {
    return run(ConflictPolicy.lastWriterWins());
  }

  private List<SimplifiedPlaylist> campaignPlaylists() {
    List<SimplifiedPlaylist> out = new ArrayList<>();
    for (SimplifiedPlaylist p : sandboxes.spotify.playlists().mine()) {
      if (p.description().orElse("").contains("[gridcast:campaign:" + CAMPAIGN + "]")) {
        out.add(p);
      }
    }
    return out;
  }

  private Playlist playlist() {
    assertThat(campaignPlaylists()).hasSize(1);
    return sandboxes.spotify.playlists().get(campaignPlaylists().get(0).id());
  }

  private List<String> items() {
    List<String> out = new ArrayList<>();
    for (PlaylistItem i : sandboxes.spotify.playlists().items(playlist().id(), null)) {
      i.episode().ifPresent(e -> out.add(e.uri()));
    }
    return out;
  }

  private String milestoneStatus(String id) {
    for (JsonNode m : campaign().path("milestones")) {
      if (m.path("id").asText().equals(id)) {
        return m.path("status").asText();
      }
    }
    throw new AssertionError("no milestone " + id);
  }

  private Map<String, Integer> partnerPosts() {
    return SandboxAssertions.postsByExternalRef(sandboxes.tradingGridSandbox, PREFIX);
  }

  private void rename(String spotifyName, String campaignName) {
    if (spotifyName != null) {
      sandboxes.spotify.playlists().changeDetails(playlist().id(), spotifyName, null, null, null);
    }
    if (campaignName != null) {
      sandboxes.tradingGridSandbox.update(TradingGridResource.CAMPAIGNS, CAMPAIGN,
          JSON.createObjectNode().put("name", campaignName));
    }
  }

  private void assertSyncedState() {
    assertThat(items()).containsExactly(TRAILER, LAUNCH);
    assertThat(campaign().path("spotifyRefs").toString()).contains(playlist().uri());
    assertThat(milestoneStatus("trailer")).isEqualTo("done");
    assertThat(milestoneStatus("launch")).isEqualTo("done");
    assertThat(milestoneStatus("wrap_report")).isEqualTo("planned");
    // one post per partner for each milestone still to come or live: trailer and launch live, wrap-up before launch
    assertThat(partnerPosts()).hasSize(9).allSatisfy((ref, n) -> assertThat(n).isEqualTo(1));
  }

  @Test
  void theFirstRunMakesOnePlaylistOfTheReleasedMilestonesMarksThemDoneAndPostsToEachPartnerOnce() {
    RunReport run = run();

    assertThat(run.failed()).isZero();
    assertThat(playlist().name()).isEqualTo(campaign().path("name").asText());
    assertSyncedState();
    assertThat(conflicts).isEmpty();
  }

  @Test
  void eachPartnerPostIsForThatPartnerOnlyWithTheirInstructionsAndTheLink() {
    run();

    for (JsonNode instruction : campaign().path("partnerInstructions")) {
      String partner = instruction.path("partnerId").asText();
      JsonNode post = sandboxes.tradingGridSandbox.resources(TradingGridResource.POSTS).stream()
          .filter(p -> p.path("externalRef").asText().equals(PREFIX + "launch:partner:" + partner))
          .findFirst().orElseThrow();
      assertThat(post.path("audience").path("partnerIds")).hasSize(1);
      assertThat(post.path("audience").path("partnerIds").get(0).asText()).isEqualTo(partner);
      assertThat(post.path("audience").path("groupIds")).isEmpty();
      assertThat(post.path("body").asText()).contains(instruction.path("instructions").asText());
      assertThat(post.path("links").get(0).path("url").asText()).contains(SpotifyUri.parse(LAUNCH).id());
    }
  }

  @Test
  void aSecondRunChangesNothing() {
    run();
    int posts = sandboxes.tradingGridSandbox.resources(TradingGridResource.POSTS).size();
    String snapshot = playlist().snapshotId();

    RunReport again = run();

    assertThat(again.created() + again.updated() + again.failed()).isZero();
    assertThat(sandboxes.tradingGridSandbox.resources(TradingGridResource.POSTS)).hasSize(posts);
    assertThat(playlist().snapshotId()).isEqualTo(snapshot);
  }

  @Test
  void aMilestoneReleasedLaterIsMarkedDoneAndAddedToThePlaylist() {
    run();
    String third = "spotify:episode:" + SpotifyDemoData.episodeId(SHOW, 2);
    ObjectNode patch = JSON.createObjectNode();
    ArrayNode milestones = patch.putArray("milestones");
    for (JsonNode m : campaign().path("milestones")) {
      ObjectNode copy = m.deepCopy();
      if (m.path("id").asText().equals("wrap_report")) {
        copy.put("spotifyUri", third); // now published
      }
      milestones.add(copy);
    }
    sandboxes.tradingGridSandbox.update(TradingGridResource.CAMPAIGNS, CAMPAIGN, patch);

    RunReport run = run();

    assertThat(run.stage("releases").created()).isZero();
    assertThat(run.stage("releases").updated()).isEqualTo(1); // the partners' before-launch posts get the link
    assertThat(milestoneStatus("wrap_report")).isEqualTo("done");
    assertThat(items()).containsExactly(TRAILER, LAUNCH, third);
    assertThat(partnerPosts()).hasSize(9).allSatisfy((ref, n) -> assertThat(n).isEqualTo(1));
  }

  @Test
  void aRenameOnSpotifyOnlyIsCarriedToTheCampaignWithoutAConflict() {
    run();
    rename("Summer Sounds · in store", null);

    RunReport run = run();

    assertThat(conflicts).isEmpty();
    assertThat(campaign().path("name").asText()).isEqualTo("Summer Sounds · in store");
    assertThat(run().updated()).isZero();
  }

  @Test
  void aNameChangedOnBothSidesIsSettledForTradingGridByLastWriterWinsAndReported() {
    run();
    rename("Summer Sounds (Spotify edit)", "Summer Sounds 2027");

    RunReport run = run(ConflictPolicy.lastWriterWins());

    assertThat(conflicts).singleElement().satisfies(c -> {
      assertThat(c.field()).isEqualTo("name");
      assertThat(c.winner()).isEqualTo(Side.TRADING_GRID);
      assertThat(c.spotifyValue()).isEqualTo("Summer Sounds (Spotify edit)");
      assertThat(c.tradingGridValue()).isEqualTo("Summer Sounds 2027");
    });
    assertThat(playlist().name()).isEqualTo("Summer Sounds 2027");
    assertThat(campaign().path("name").asText()).isEqualTo("Summer Sounds 2027");
    RunReport again = run(ConflictPolicy.lastWriterWins());
    assertThat(conflicts).isEmpty();
    assertThat(again.updated()).isZero();
  }

  @Test
  void aNameChangedOnBothSidesIsSettledForSpotifyWhenSpotifyIsTheSourceOfTruthAndReported() {
    run();
    rename("Summer Sounds (Spotify edit)", "Summer Sounds 2027");
    ConflictPolicy spotifyOwnsNames = ConflictPolicy.sourceOfTruth(Map.of("name", Side.SPOTIFY), Side.TRADING_GRID);

    RunReport run = run(spotifyOwnsNames);

    assertThat(conflicts).singleElement().satisfies(c -> {
      assertThat(c.winner()).isEqualTo(Side.SPOTIFY);
      assertThat(c.reason()).contains("name is owned by SPOTIFY");
    });
    assertThat(playlist().name()).isEqualTo("Summer Sounds (Spotify edit)");
    assertThat(campaign().path("name").asText()).isEqualTo("Summer Sounds (Spotify edit)");
    assertThat(run(spotifyOwnsNames).updated()).isZero();
  }

  @Test
  void aCrashBetweenTheRemoteWritesAndTheLedgerIsHealedWithoutDuplicates() {
    CampaignCoordinationConfig config = CampaignCoordinationConfig.builder().build();
    Bridge crashing = sandboxes.bridge(new LedgerThatFailsToRecord(store, "campaign-coordination.releases"));
    RunReport crashed = crashing.run(CampaignCoordinationFlow.releases(sandboxes.spotify, sandboxes.tradingGrid, config));
    assertThat(crashed.stoppedBecause()).isPresent();
    Bridge crashingPlaylists = sandboxes.bridge(new LedgerThatFailsToRecord(store, "campaign-coordination.playlists"));
    crashingPlaylists.run(CampaignCoordinationFlow.playlists(sandboxes.spotify, sandboxes.tradingGrid, config, c -> { }));

    RunReport healed = run();

    assertThat(healed.failed()).isZero();
    assertSyncedState();
    assertNothingWrittenByAnotherRun();
  }

  @Test
  void twoMilestonesNamingTheSameEpisodePutItInThePlaylistOnce() {
    pointMilestones(Map.of("wrap_report", LAUNCH)); // the wrap-up report re-uses the launch episode

    RunReport run = run();

    assertThat(run.stage("playlists").failed()).isZero();
    assertThat(store.deadLetters("campaign-coordination.playlists")).isEmpty();
    assertThat(items()).containsExactly(TRAILER, LAUNCH);
    assertNothingWrittenByAnotherRun();
  }

  @Test
  void aPlaylistDeletedOnSpotifyIsMadeAgainAndTheCampaignLinkedToIt() {
    run();
    Playlist deleted = playlist();
    sandboxes.spotifySandbox.deletePlaylist(deleted.id());

    RunReport run = run();

    assertThat(run.stage("playlists").updated()).isEqualTo(1);
    assertThat(run.failed()).isZero();
    Playlist again = playlist();
    assertThat(again.id()).isNotEqualTo(deleted.id());
    assertThat(again.name()).isEqualTo(campaign().path("name").asText());
    assertSyncedState();
    assertThat(campaign().path("spotifyRefs").toString()).doesNotContain(deleted.uri());
    // the next run settles the ledger on the present playlist without writing, then all is unchanged
    String snapshot = again.snapshotId();
    assertThat(run().created()).isZero();
    assertThat(playlist().snapshotId()).isEqualTo(snapshot);
    assertNothingWrittenByAnotherRun();
  }

  @Test
  void whenNoMilestoneIsReleasedAnyMoreThePlaylistIsEmptied() {
    run();
    assertThat(items()).containsExactly(TRAILER, LAUNCH);
    pointMilestones(Map.of("trailer", NOT_YET, "launch", NOT_YET));

    RunReport run = run();

    assertThat(run.stage("playlists").updated()).isEqualTo(1);
    assertThat(items()).isEmpty();
    assertNothingWrittenByAnotherRun();
  }

  @Test
  void aMarkedPlaylistOfAnotherUserIsNotAdoptedTheCampaignGetsItsOwn() throws Exception {
    run();
    Playlist theirs = playlist();
    sandboxes.close();
    giveThePlaylistToAnotherUser(theirs.id(), SpotifyDemoData.EDITORIAL_USER_ID);
    sandboxes = Sandboxes.start(dir);
    bridge = sandboxes.bridge(new InMemoryStateStore()); // a new installation: no ledger to go by
    String third = "spotify:episode:" + SpotifyDemoData.episodeId(SHOW, 2);
    pointMilestones(Map.of("wrap_report", third)); // so the playlist needs a write

    RunReport run = run();

    assertThat(run.failed()).isZero();
    assertThat(run.stoppedBecause()).isEmpty();
    List<SimplifiedPlaylist> marked = campaignPlaylists();
    assertThat(marked).hasSize(2);
    SimplifiedPlaylist ours = marked.stream().filter(p -> p.owner().id().equals(SpotifyDemoData.CURRENT_USER_ID))
        .findFirst().orElseThrow();
    assertThat(ours.id()).isNotEqualTo(theirs.id());
    assertThat(campaign().path("spotifyRefs").toString()).contains(ours.uri());
    List<String> ourItems = new ArrayList<>();
    sandboxes.spotify.playlists().items(ours.id(), null).forEach(i -> i.episode().ifPresent(e -> ourItems.add(e.uri())));
    assertThat(ourItems).containsExactly(TRAILER, LAUNCH, third);
    assertThat(sandboxes.spotify.playlists().get(theirs.id()).snapshotId()).isEqualTo(theirs.snapshotId());
  }

  /** Rewrites the stopped Spotify sandbox's state so that another user owns the playlist (public, still followed). */
  private void giveThePlaylistToAnotherUser(String playlistId, String userId) throws Exception {
    Path file = dir.resolve("spotify").resolve("spotify-sandbox-state.json");
    JsonNode root = JSON.readTree(file.toFile());
    boolean found = false;
    for (JsonNode p : root.path("playlists")) {
      if (p.path("id").asText().equals(playlistId)) {
        ((ObjectNode) p).put("ownerId", userId).put("public", true); // public: others' private playlists are not visible
        found = true;
      }
    }
    assertThat(found).as("playlist in the sandbox state").isTrue();
    Files.writeString(file, JSON.writeValueAsString(root));
  }

  @Test
  void withFivePercentServerErrorsAndRateLimitsTheStateEndsExact() {
    sandboxes.faults(Sandboxes.flaky(5));

    for (int i = 0; i < 4; i++) {
      RunReport r = run();
      if (r.stoppedBecause().isEmpty() && r.failed() == 0 && r.created() + r.updated() == 0) {
        break;
      }
    }
    sandboxes.faults(FaultProfile.none());

    assertSyncedState();
  }
}
