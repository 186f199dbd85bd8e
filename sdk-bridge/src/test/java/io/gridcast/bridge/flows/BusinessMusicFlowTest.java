package io.gridcast.bridge.flows;

import io.gridcast.bridge.RunContext;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridcast.bridge.Bridge;
import io.gridcast.bridge.Fingerprints;
import io.gridcast.bridge.Flow;
import io.gridcast.bridge.RunReport;
import io.gridcast.bridge.Sink;
import io.gridcast.bridge.WriteResult;
import io.gridcast.bridge.state.InMemoryStateStore;
import io.gridcast.bridge.state.LedgerEntry;
import io.gridcast.bridge.testing.SandboxAssertions;
import io.gridcast.bridge.testing.Sandboxes;
import io.gridcast.spotify.SpotifyUri;
import io.gridcast.spotify.model.Playlist;
import io.gridcast.spotify.model.PlaylistItem;
import io.gridcast.spotify.model.SimplifiedPlaylist;
import io.gridcast.testkit.FaultProfile;
import io.gridcast.testkit.MutableClock;
import io.gridcast.testkit.SpotifyDemoData;
import io.gridcast.testkit.TradingGridDemoData;
import io.gridcast.testkit.TradingGridResource;
import io.gridcast.tradinggrid.model.Audience;
import io.gridcast.tradinggrid.model.Post;
import io.gridcast.tradinggrid.model.PostCreate;
import io.gridcast.tradinggrid.model.PostKind;
import io.gridcast.tradinggrid.model.Site;
import io.gridcast.tradinggrid.model.SiteRequest;
import io.gridcast.tradinggrid.model.SiteRequestCommentCreate;
import io.gridcast.tradinggrid.model.SiteRequestStatus;
import io.gridcast.tradinggrid.model.SiteRequestType;
import io.gridcast.tradinggrid.model.SiteStatus;
import java.time.Instant;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BusinessMusicFlowTest {

  /** The demo's licensed live sites: the ones managed from the first run. */
  private static final List<String> MANAGED = List.of("s_austin_330", "s_manchester_041", "s_rotterdam_112",
      "s_singapore_052", "s_toronto_015");
  private static final String ROTTERDAM = TradingGridDemoData.SITE_ROTTERDAM;
  private static final String DENVER = "s_denver_118";

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
  }

  @AfterEach
  void stop() {
    sandboxes.close();
  }

  private static String track(int n) {
    return "spotify:track:" + SpotifyDemoData.trackId(n);
  }

  private static BusinessMusicConfig config() {
    return BusinessMusicConfig.builder().addProgramme(track(1), track(2), track(3)).build();
  }

  private RunReport run() {
    return bridge.run(BusinessMusicFlow.create(sandboxes.spotify, sandboxes.tradingGrid, config()));
  }

  private JsonNode tg(TradingGridResource type, String id) {
    return sandboxes.tradingGridSandbox.resource(type, id).orElseThrow();
  }

  /** Site id → number of the current user's playlists carrying its marker. */
  private Map<String, Integer> markedPlaylists() {
    Map<String, Integer> out = new TreeMap<>();
    for (SimplifiedPlaylist p : sandboxes.spotify.playlists().mine()) {
      String d = p.description().orElse("");
      int at = d.indexOf("[gridcast:site:");
      if (at >= 0) {
        out.merge(d.substring(at + "[gridcast:site:".length(), d.indexOf(']', at)), 1, Integer::sum);
      }
    }
    return out;
  }

  private Playlist playlistOf(String siteId) {
    String uri = tg(TradingGridResource.SITES, siteId).path("playlistUri").asText();
    return sandboxes.spotify.playlists().get(SpotifyUri.parse(uri).id());
  }

  private List<String> itemsOf(String siteId) {
    List<String> out = new ArrayList<>();
    for (PlaylistItem i : sandboxes.spotify.playlists().items(playlistOf(siteId).id(), null)) {
      i.track().ifPresent(t -> out.add(t.uri()));
    }
    return out;
  }

  private Map<String, Integer> notices() {
    return SandboxAssertions.postsByExternalRef(sandboxes.tradingGridSandbox, "spotify:playlist:");
  }

  private JsonNode raise(String siteId, String type, String details) {
    return sandboxes.tradingGridSandbox.raiseSiteRequest(siteId, type, details);
  }

  /** Runs once more and asserts that this one run created and updated nothing. */
  private void assertNothingWrittenByAnotherRun() {
    RunReport again = run();
    assertThat(again.created()).isZero();
    assertThat(again.updated()).isZero();
    assertThat(again.failed()).isZero();
  }

  private void assertFinalStateOfTheDemo() {
    assertThat(markedPlaylists()).containsOnlyKeys(MANAGED).allSatisfy((site, n) -> assertThat(n).isEqualTo(1));
    for (String site : MANAGED) {
      assertThat(itemsOf(site)).containsExactly(track(1), track(2), track(3));
      assertThat(tg(TradingGridResource.SITES, site).path("status").asText()).isEqualTo("live");
    }
    assertThat(notices()).hasSize(MANAGED.size()).allSatisfy((ref, n) -> assertThat(n).isEqualTo(1));
  }

  @Test
  void theFirstRunGivesEveryLicensedLiveSiteOnePlaylistLinkedToTheSiteAndOneServiceNotice() {
    RunReport run = run();

    assertThat(run.stage("playlists").created()).isEqualTo(MANAGED.size());
    assertThat(run.stage("notices").created()).isEqualTo(MANAGED.size());
    assertThat(run.failed()).isZero();
    assertThat(run.flow()).isEqualTo("business-music");
    assertFinalStateOfTheDemo();
    Playlist rotterdam = playlistOf(ROTTERDAM);
    assertThat(rotterdam.name()).isEqualTo("In-store music · H&P Store 112, Rotterdam");
    assertThat(rotterdam.publicStatus()).contains(false);
  }

  @Test
  void aServiceNoticeIsForTheSitesPartnerAndRegion() {
    run();

    Playlist rotterdam = playlistOf(ROTTERDAM);
    JsonNode post = sandboxes.tradingGridSandbox.resources(TradingGridResource.POSTS).stream()
        .filter(p -> p.path("externalRef").asText().equals(rotterdam.uri())).findFirst().orElseThrow();
    assertThat(post.path("kind").asText()).isEqualTo("service_notice");
    assertThat(post.path("metadata").path("siteId").asText()).isEqualTo(ROTTERDAM);
    assertThat(post.path("metadata").path("snapshotId").asText()).isEqualTo(rotterdam.snapshotId());
    assertThat(post.path("links").get(0).path("url").asText()).contains(rotterdam.id());
    List<String> audience = new ArrayList<>();
    post.path("audience").path("partnerIds").forEach(p -> audience.add(p.asText()));
    assertThat(audience).contains(tg(TradingGridResource.SITES, ROTTERDAM).path("partnerId").asText());
    for (String partner : audience) {
      String region = tg(TradingGridResource.PARTNERS, partner).path("region").asText();
      assertThat(region.equals("EMEA") || partner.equals(tg(TradingGridResource.SITES, ROTTERDAM).path("partnerId").asText()))
          .isTrue();
    }
  }

  @Test
  void aSecondRunChangesNothing() {
    run();
    String snapshot = playlistOf(ROTTERDAM).snapshotId();
    int posts = sandboxes.tradingGridSandbox.resources(TradingGridResource.POSTS).size();

    RunReport again = run();

    RunReport all = again;
    assertThat(all.created() + all.updated() + all.failed()).isZero();
    // the playlists stage hears of its own links to the playlists (site.updated) and reads the sites again
    assertThat(again.stage("playlists").unchanged()).isEqualTo(MANAGED.size());
    assertThat(again.stage("requests").seen()).isZero(); // its own comments name requests no longer open
    assertThat(again.stage("notices").seen()).as("nothing changed since the notices were read").isZero();
    assertThat(playlistOf(ROTTERDAM).snapshotId()).isEqualTo(snapshot);
    assertThat(sandboxes.tradingGridSandbox.resources(TradingGridResource.POSTS)).hasSize(posts);
    assertFinalStateOfTheDemo();
  }

  @Test
  void aNewSiteWithoutLicenceDocumentsIsRefusedWithExactlyOneCommentSayingWhy() {
    run();
    run();

    JsonNode request = tg(TradingGridResource.SITE_REQUESTS, TradingGridDemoData.SITE_REQUEST_LYON);
    assertThat(request.path("status").asText()).isEqualTo("refused");
    assertThat(request.path("comments")).hasSize(1);
    assertThat(request.path("comments").get(0).path("body").asText()).contains("licence documents");
    assertThat(tg(TradingGridResource.SITES, TradingGridDemoData.SITE_LYON).path("status").asText()).isEqualTo("planned");
    assertThat(markedPlaylists()).doesNotContainKey(TradingGridDemoData.SITE_LYON);
  }

  /** Gives Denver (planned, rollout date 2027-02-02 in America/Denver) its licence and a new-site request. */
  private String licenceDenverAndAskToOpenIt() {
    JsonNode licence = sandboxes.tradingGridSandbox.uploadDocument("licence-denver.pdf", "application/pdf",
        "%PDF-1.4 licence".getBytes(StandardCharsets.UTF_8));
    ObjectNode patch = new ObjectMapper().createObjectNode();
    patch.putArray("licenceDocumentIds").add(licence.path("id").asText());
    sandboxes.tradingGridSandbox.update(TradingGridResource.SITES, DENVER, patch);
    return raise(DENVER, "new_site", "Open Denver on 2 February.").path("id").asText();
  }

  /** The posts with this {@code externalRef}. */
  private List<JsonNode> postsWithRef(String externalRef) {
    return sandboxes.tradingGridSandbox.resources(TradingGridResource.POSTS).stream()
        .filter(p -> p.path("externalRef").asText().equals(externalRef)).toList();
  }

  private static List<String> partnersOf(JsonNode post) {
    List<String> out = new ArrayList<>();
    post.path("audience").path("partnerIds").forEach(p -> out.add(p.asText()));
    return out;
  }

  private RunReport runAt(Bridge clocked) {
    return clocked.run(BusinessMusicFlow.create(sandboxes.spotify, sandboxes.tradingGrid, config()));
  }

  @Test
  void aPlannedSiteGetsItsPlaylistAheadAndGoesLiveOnItsRolloutDateWithOneServiceNotice() {
    String requestId = licenceDenverAndAskToOpenIt();
    MutableClock clock = new MutableClock(Instant.parse("2027-01-20T12:00:00Z"));
    Bridge daily = Bridge.builder().stateStore(new InMemoryStateStore(clock)).clock(clock).build();
    String liveRef = "tradinggrid:site:" + DENVER + "#live:2027-02-02";

    RunReport ahead = runAt(daily);

    assertThat(ahead.failed()).isZero();
    JsonNode denver = tg(TradingGridResource.SITES, DENVER);
    assertThat(denver.path("status").asText()).as("pending until its rollout date").isEqualTo("planned");
    assertThat(itemsOf(DENVER)).containsExactly(track(1), track(2), track(3));
    assertThat(playlistOf(DENVER).name()).isEqualTo("In-store music · H&P Store 118, Denver");
    assertThat(tg(TradingGridResource.SITE_REQUESTS, requestId).path("status").asText()).isEqualTo("accepted");
    assertThat(postsWithRef(liveRef)).isEmpty();

    clock.set(Instant.parse("2027-02-02T06:59:00Z")); // 23:59 on 1 February in Denver
    runAt(daily);
    assertThat(tg(TradingGridResource.SITES, DENVER).path("status").asText()).isEqualTo("planned");
    assertThat(postsWithRef(liveRef)).isEmpty();

    clock.set(Instant.parse("2027-02-02T07:00:00Z")); // midnight in Denver: no event, only the date
    RunReport rollout = runAt(daily);

    assertThat(rollout.failed()).isZero();
    JsonNode live = tg(TradingGridResource.SITES, DENVER);
    assertThat(live.path("status").asText()).isEqualTo("live");
    assertThat(live.path("playlistUri").asText()).isEqualTo(playlistOf(DENVER).uri());
    assertThat(itemsOf(DENVER)).containsExactly(track(1), track(2), track(3));
    assertThat(tg(TradingGridResource.SITE_REQUESTS, requestId).path("status").asText()).isEqualTo("done");
    assertThat(postsWithRef(liveRef)).singleElement().satisfies(post -> {
      assertThat(post.path("kind").asText()).isEqualTo("service_notice");
      assertThat(post.path("title").asText()).isEqualTo("Now live: H&P Store 118, Denver");
      assertThat(post.path("body").asText()).contains("**H&amp;P Store 118, Denver** (NA) went live on Feb 2, 2027, its rollout date")
          .contains(playlistOf(DENVER).id());
      assertThat(post.path("metadata").path("siteId").asText()).isEqualTo(DENVER);
      assertThat(partnersOf(post)).contains(live.path("partnerId").asText());
    });
    assertThat(markedPlaylists()).containsEntry(DENVER, 1);

    clock.advance(Duration.ofDays(2)); // a whole read again
    RunReport after = runAt(daily);
    assertThat(after.created() + after.updated() + after.failed()).isZero();
    assertThat(postsWithRef(liveRef)).hasSize(1);
  }

  @Test
  void aRunThatStoppedAfterPostingTheGoLiveNoticeSetsTheSiteLiveWithoutASecondNotice() {
    licenceDenverAndAskToOpenIt();
    MutableClock clock = new MutableClock(Instant.parse("2027-01-20T12:00:00Z"));
    Bridge daily = Bridge.builder().stateStore(new InMemoryStateStore(clock)).clock(clock).build();
    runAt(daily);
    String liveRef = "tradinggrid:site:" + DENVER + "#live:2027-02-02";
    // a run on the rollout date posted the notice and stopped before setting the site live
    Post posted = sandboxes.tradingGrid.posts().create(PostCreate.builder().kind(PostKind.SERVICE_NOTICE)
        .title("Now live: H&P Store 118, Denver").body("Denver went live.").audience(Audience.ofPartners(List.of(
            tg(TradingGridResource.SITES, DENVER).path("partnerId").asText()))).externalRef(liveRef).build(), "crashed-run");
    clock.set(Instant.parse("2027-02-02T08:00:00Z"));

    RunReport healed = runAt(daily);

    assertThat(healed.failed()).isZero();
    assertThat(tg(TradingGridResource.SITES, DENVER).path("status").asText()).isEqualTo("live");
    assertThat(postsWithRef(liveRef)).singleElement()
        .satisfies(post -> assertThat(post.path("id").asText()).isEqualTo(posted.id()));
  }

  @Test
  void anExpiredLicencePausesTheProgrammeWithANoticeSayingWhyAndARenewedOneResumesIt() {
    ObjectNode expiring = new ObjectMapper().createObjectNode().put("licenceValidUntil", "2026-12-10");
    sandboxes.tradingGridSandbox.update(TradingGridResource.SITES, ROTTERDAM, expiring);
    MutableClock clock = new MutableClock(Instant.parse("2026-12-10T12:00:00Z"));
    Bridge daily = Bridge.builder().stateStore(new InMemoryStateStore(clock)).clock(clock).build();
    runAt(daily);
    String playlist = playlistOf(ROTTERDAM).id();
    String pausedRef = "tradinggrid:site:" + ROTTERDAM + "#licence-expired:2026-12-10";
    clock.set(Instant.parse("2026-12-10T22:59:00Z")); // 23:59 in Amsterdam: still valid
    runAt(daily);
    assertThat(tg(TradingGridResource.SITES, ROTTERDAM).path("status").asText()).isEqualTo("live");

    clock.set(Instant.parse("2026-12-10T23:00:00Z")); // midnight in Amsterdam: expired, with no event
    RunReport expired = runAt(daily);

    assertThat(expired.failed()).isZero();
    JsonNode pausedSite = tg(TradingGridResource.SITES, ROTTERDAM);
    assertThat(pausedSite.path("status").asText()).isEqualTo("paused");
    assertThat(postsWithRef(pausedRef)).singleElement().satisfies(post -> {
      assertThat(post.path("kind").asText()).isEqualTo("service_notice");
      assertThat(post.path("title").asText()).isEqualTo("Music paused: H&P Store 112, Rotterdam");
      assertThat(post.path("body").asText())
          .contains("**H&amp;P Store 112, Rotterdam** (EMEA) is paused: its public-performance licence was valid until Dec 10, 2026")
          .contains("upload the renewed licence").contains("`licenceValidUntil`");
      assertThat(partnersOf(post)).contains(pausedSite.path("partnerId").asText());
    });
    // while paused, an accepted change waits and the playlist is left as it is
    String requestId = raise(ROTTERDAM, "playlist_change", "add " + track(5)).path("id").asText();
    clock.advance(Duration.ofHours(1));
    RunReport paused = runAt(daily);
    assertThat(paused.failed()).isZero();
    assertThat(tg(TradingGridResource.SITE_REQUESTS, requestId).path("status").asText()).isEqualTo("accepted");
    assertThat(itemsOf(ROTTERDAM)).containsExactly(track(1), track(2), track(3));
    assertThat(tg(TradingGridResource.SITES, ROTTERDAM).path("status").asText()).isEqualTo("paused");
    assertThat(postsWithRef(pausedRef)).hasSize(1);

    JsonNode renewed = sandboxes.tradingGridSandbox.uploadDocument("licence-rotterdam-2027.pdf", "application/pdf",
        "%PDF-1.4 renewed licence".getBytes(StandardCharsets.UTF_8));
    ObjectNode renewal = new ObjectMapper().createObjectNode().put("licenceValidUntil", "2027-12-31");
    renewal.putArray("licenceDocumentIds").add(pausedSite.path("licenceDocumentIds").get(0).asText())
        .add(renewed.path("id").asText());
    sandboxes.tradingGridSandbox.update(TradingGridResource.SITES, ROTTERDAM, renewal);
    clock.advance(Duration.ofHours(1));
    RunReport resumed = runAt(daily);

    assertThat(resumed.failed()).isZero();
    assertThat(tg(TradingGridResource.SITES, ROTTERDAM).path("status").asText()).isEqualTo("live");
    assertThat(playlistOf(ROTTERDAM).id()).isEqualTo(playlist);
    assertThat(itemsOf(ROTTERDAM)).containsExactly(track(1), track(2), track(3), track(5));
    assertThat(tg(TradingGridResource.SITE_REQUESTS, requestId).path("status").asText()).isEqualTo("done");
    assertThat(postsWithRef("tradinggrid:site:" + ROTTERDAM + "#licence-renewed:2027-12-31")).singleElement()
        .satisfies(post -> assertThat(post.path("body").asText())
            .contains("**H&amp;P Store 112, Rotterdam** (EMEA) has resumed: its licence was renewed and is valid until Dec 31, 2027"));
    assertThat(postsWithRef(pausedRef)).hasSize(1);
    clock.advance(Duration.ofDays(1));
    RunReport again = runAt(daily);
    assertThat(again.created() + again.updated() + again.failed()).isZero();
  }

  @Test
  void aSiteWhoseLicenceExpiredBeforeTheFirstRunIsPausedAndGetsItsPlaylistOnceRenewed() {
    ObjectNode expired = new ObjectMapper().createObjectNode().put("licenceValidUntil", "2026-01-31");
    sandboxes.tradingGridSandbox.update(TradingGridResource.SITES, ROTTERDAM, expired);
    String requestId = raise(ROTTERDAM, "licence", "Our licence ran out in January.").path("id").asText();

    RunReport first = run();

    assertThat(first.failed()).isZero();
    assertThat(tg(TradingGridResource.SITE_REQUESTS, requestId).path("status").asText()).as("left open").isEqualTo("open");
    assertThat(tg(TradingGridResource.SITES, ROTTERDAM).path("status").asText()).isEqualTo("paused");
    assertThat(markedPlaylists()).doesNotContainKey(ROTTERDAM);
    assertThat(postsWithRef("tradinggrid:site:" + ROTTERDAM + "#licence-expired:2026-01-31")).hasSize(1);

    ObjectNode renewal = new ObjectMapper().createObjectNode().put("licenceValidUntil", "2099-12-31");
    sandboxes.tradingGridSandbox.update(TradingGridResource.SITES, ROTTERDAM, renewal);
    RunReport renewed = run();

    assertThat(renewed.failed()).isZero();
    assertThat(tg(TradingGridResource.SITES, ROTTERDAM).path("status").asText()).isEqualTo("live");
    assertThat(itemsOf(ROTTERDAM)).containsExactly(track(1), track(2), track(3));
    assertThat(tg(TradingGridResource.SITE_REQUESTS, requestId).path("status").asText()).isEqualTo("done");
    assertThat(postsWithRef("tradinggrid:site:" + ROTTERDAM + "#licence-renewed:2099-12-31")).hasSize(1);
    assertFinalStateOfTheDemo();
    assertNothingWrittenByAnotherRun();
  }

  /** A playlist of the current user with these items, as a store team made it before Gridcast. */
  private Playlist playlistOfTheStoreTeam(String name, String... tracks) {
    Playlist made = sandboxes.spotify.playlists().create(name, "Our shop-floor music.", false, false);
    List<SpotifyUri> uris = new ArrayList<>();
    for (String t : tracks) {
      uris.add(SpotifyUri.parse(t));
    }
    sandboxes.spotify.playlists().addItems(made.id(), uris, null);
    return made;
  }

  /** Item URI → when it was added, of a playlist. */
  private Map<String, String> addedAt(String playlistId) {
    Map<String, String> out = new TreeMap<>();
    for (PlaylistItem i : sandboxes.spotify.playlists().items(playlistId, null)) {
      i.track().ifPresent(t -> out.put(t.uri(), i.addedAt().map(Instant::toString).orElse("")));
    }
    return out;
  }

  private LedgerEntry ledgerEntryOf(String siteId) {
    String stage = BusinessMusicFlow.playlists(sandboxes.spotify, sandboxes.tradingGrid, config()).name();
    return store.entries(stage).stream().filter(e -> e.sourceKey().equals("tradinggrid:site:" + siteId)).findFirst().orElseThrow();
  }

  @Test
  void aPlaylistTheSiteAlreadyNamesIsAdoptedAndBroughtToTheProgrammeWithTheFewestChanges() throws Exception {
    Playlist theirs = playlistOfTheStoreTeam("Rotterdam shop floor", track(2), track(9), track(1));
    Map<String, String> before = addedAt(theirs.id());
    Thread.sleep(5); // so that an item added again would carry another added_at
    ObjectNode link = new ObjectMapper().createObjectNode().put("playlistUri", theirs.uri());
    sandboxes.tradingGridSandbox.update(TradingGridResource.SITES, ROTTERDAM, link);

    RunReport run = run();

    assertThat(run.failed()).isZero();
    assertThat(tg(TradingGridResource.SITES, ROTTERDAM).path("playlistUri").asText()).isEqualTo(theirs.uri());
    assertThat(ledgerEntryOf(ROTTERDAM).targetId()).isEqualTo(theirs.id());
    Playlist adopted = playlistOf(ROTTERDAM);
    assertThat(adopted.id()).isEqualTo(theirs.id());
    assertThat(adopted.name()).isEqualTo("In-store music · H&P Store 112, Rotterdam");
    assertThat(adopted.description().orElse("")).contains("[gridcast:site:" + ROTTERDAM + "]");
    assertThat(itemsOf(ROTTERDAM)).containsExactly(track(1), track(2), track(3));
    Map<String, String> after = addedAt(theirs.id());
    assertThat(after.get(track(1))).as("kept, not added again").isEqualTo(before.get(track(1)));
    assertThat(after.get(track(2))).as("kept, not added again").isEqualTo(before.get(track(2)));
    assertThat(markedPlaylists()).containsOnlyKeys(MANAGED).allSatisfy((site, n) -> assertThat(n).isEqualTo(1));
    assertThat(SandboxAssertions.postsByExternalRef(sandboxes.tradingGridSandbox, theirs.uri())).containsEntry(theirs.uri(), 1);
    assertNothingWrittenByAnotherRun();
  }

  @Test
  void theUsersPlaylistWithTheExpectedNameIsAdopted() {
    Playlist theirs = playlistOfTheStoreTeam("In-store music · H&P Store 41, Manchester", track(3), track(1));

    run();

    assertThat(tg(TradingGridResource.SITES, "s_manchester_041").path("playlistUri").asText()).isEqualTo(theirs.uri());
    assertThat(ledgerEntryOf("s_manchester_041").targetId()).isEqualTo(theirs.id());
    assertThat(itemsOf("s_manchester_041")).containsExactly(track(1), track(2), track(3));
    assertThat(markedPlaylists()).containsOnlyKeys(MANAGED).allSatisfy((site, n) -> assertThat(n).isEqualTo(1));
    assertNothingWrittenByAnotherRun();
  }

  @Test
  void aPlaylistOfAnotherUserIsNotAdoptedAndTheSiteGetsItsOwn() {
    String editorial = "spotify:playlist:" + SpotifyDemoData.PLAYLIST_EDITORIAL;
    ObjectNode link = new ObjectMapper().createObjectNode().put("playlistUri", editorial);
    sandboxes.tradingGridSandbox.update(TradingGridResource.SITES, ROTTERDAM, link);
    List<String> editorialItems = new ArrayList<>();
    sandboxes.spotify.playlists().items(SpotifyDemoData.PLAYLIST_EDITORIAL, null)
        .forEach(i -> editorialItems.add(i.track().map(t -> t.uri()).orElse("")));

    RunReport run = run();

    assertThat(run.failed()).isZero();
    Playlist own = playlistOf(ROTTERDAM);
    assertThat(own.id()).isNotEqualTo(SpotifyDemoData.PLAYLIST_EDITORIAL);
    assertThat(own.owner().id()).isEqualTo(SpotifyDemoData.CURRENT_USER_ID);
    assertThat(itemsOf(ROTTERDAM)).containsExactly(track(1), track(2), track(3));
    List<String> editorialAfter = new ArrayList<>();
    sandboxes.spotify.playlists().items(SpotifyDemoData.PLAYLIST_EDITORIAL, null)
        .forEach(i -> editorialAfter.add(i.track().map(t -> t.uri()).orElse("")));
    assertThat(editorialAfter).isEqualTo(editorialItems);
  }

  @Test
  void aRequestForAnUnknownSiteIsRefused() {
    SiteRequest request = SiteRequest.builder().id("sr_ghost").siteId("s_closed_999").type(SiteRequestType.PLAYLIST_CHANGE)
        .status(SiteRequestStatus.OPEN).details("add " + track(1)).version(1)
        .createdAt(Instant.parse("2026-06-01T00:00:00Z")).updatedAt(Instant.parse("2026-06-01T00:00:00Z")).build();

    SiteRequestDecision decision = new SiteRequestDecider(io.gridcast.bridge.text.PostTemplates.english()).map(new SiteRequestCase(request, Optional.empty()), RunContext.detached("test", java.time.Clock.systemUTC()));

    assertThat(decision.verdict()).isEqualTo(SiteRequestDecision.Verdict.REFUSE);
    assertThat(decision.comment()).contains("s_closed_999").contains("does not exist");
  }

  @Test
  void aNewSiteWhoseLicenceExpiredIsRefusedWithOneCommentSayingHowToRenewIt() {
    String requestId = licenceDenverAndAskToOpenIt();
    ObjectNode expired = new ObjectMapper().createObjectNode().put("licenceValidUntil", "2026-01-31");
    sandboxes.tradingGridSandbox.update(TradingGridResource.SITES, DENVER, expired);

    run();
    run();

    JsonNode request = tg(TradingGridResource.SITE_REQUESTS, requestId);
    assertThat(request.path("status").asText()).isEqualTo("refused");
    assertThat(request.path("comments")).singleElement().satisfies(c -> assertThat(c.path("body").asText())
        .isEqualTo("Refused: H&amp;P Store 118, Denver cannot go live: its licence was valid until Jan 31, 2026. Upload the"
            + " renewed public-performance licence to the site and set its new end date (`licenceValidUntil`), then raise a new request."));
    assertThat(tg(TradingGridResource.SITES, DENVER).path("status").asText()).isEqualTo("planned");
    assertThat(markedPlaylists()).doesNotContainKey(DENVER);
  }

  @Test
  void aSiteWithATimeZoneThatIsNotOneFailsSayingWhatToFix() {
    Site site = Site.builder().id("s_nowhere_001").name("Store 1").region("EMEA").timezone("Europe/Atlantis")
        .addLicenceDocumentIds("d_licence").status(SiteStatus.PLANNED).rolloutDate(java.time.LocalDate.of(2027, 2, 2))
        .version(1).createdAt(Instant.parse("2026-06-01T00:00:00Z")).updatedAt(Instant.parse("2026-06-01T00:00:00Z")).build();
    SiteProgramme programme = new SiteProgramme(site, List.of(), Optional.empty(), false);

    assertThatThrownBy(() -> new SitePlaylistMapper(config()).map(programme,
        RunContext.detached("test", java.time.Clock.systemUTC())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("s_nowhere_001").hasMessageContaining("Europe/Atlantis").hasMessageContaining("IANA time zone");
  }

  @Test
  void aRequestWhoseSiteWasRemovedGetsExactlyOneCommentSayingWhy() throws Exception {
    String requestId = raise(DENVER, "support", "The player is silent.").path("id").asText();
    sandboxes.close();
    removeSiteFromTheSandboxState(DENVER); // an administrator deregistered the site
    sandboxes = Sandboxes.start(dir);
    bridge = sandboxes.bridge(store);

    run();
    run();

    JsonNode request = tg(TradingGridResource.SITE_REQUESTS, requestId);
    assertThat(request.path("comments")).hasSize(1);
    assertThat(request.path("comments").get(0).path("body").asText()).contains(DENVER).contains("does not exist");
    assertThat(request.path("status").asText()).isEqualTo("refused");
  }

  @Test
  void aPlaylistChangeRequestAddsRemovesMovesAndRenamesThenIsDone() {
    run();
    String requestId = raise(ROTTERDAM, "playlist_change", String.join("\n",
        "Please update our programme:", "add " + track(5), "remove " + track(2), "move " + track(5) + " to 1",
        "rename Rotterdam mornings")).path("id").asText();

    RunReport run = run();

    assertThat(tg(TradingGridResource.SITE_REQUESTS, requestId).path("status").asText()).isEqualTo("done");
    assertThat(itemsOf(ROTTERDAM)).containsExactly(track(5), track(1), track(3));
    assertThat(playlistOf(ROTTERDAM).name()).isEqualTo("Rotterdam mornings");
    assertThat(run.stage("playlists").updated()).isEqualTo(1);
    assertThat(run.stage("notices").updated()).isEqualTo(1);
    assertThat(markedPlaylists()).containsEntry(ROTTERDAM, 1);
    assertThat(notices()).hasSize(MANAGED.size()).allSatisfy((ref, n) -> assertThat(n).isEqualTo(1));
    assertNothingWrittenByAnotherRun();
  }

  @Test
  void aPlaylistDeletedOnSpotifyIsMadeAgainAndTheSiteLinkedToIt() {
    run();
    Playlist deleted = playlistOf(ROTTERDAM);
    sandboxes.spotifySandbox.deletePlaylist(deleted.id());

    RunReport run = run();

    assertThat(run.stage("playlists").updated()).isEqualTo(1);
    assertThat(run.failed()).isZero();
    Playlist again = playlistOf(ROTTERDAM);
    assertThat(again.id()).isNotEqualTo(deleted.id());
    assertThat(again.owner().id()).isEqualTo(SpotifyDemoData.CURRENT_USER_ID);
    assertThat(itemsOf(ROTTERDAM)).containsExactly(track(1), track(2), track(3));
    assertThat(markedPlaylists()).containsOnlyKeys(MANAGED).allSatisfy((site, n) -> assertThat(n).isEqualTo(1));
    assertThat(SandboxAssertions.postsByExternalRef(sandboxes.tradingGridSandbox, again.uri())).containsEntry(again.uri(), 1);
    // the next run settles the ledger on the present playlist without writing, then all is unchanged
    String snapshot = again.snapshotId();
    assertThat(run().created()).isZero();
    assertThat(playlistOf(ROTTERDAM).snapshotId()).isEqualTo(snapshot);
    assertNothingWrittenByAnotherRun();
  }

  @Test
  void aRefusalWhoseTextChangedAfterACrashIsCommentedAnewAndRefusedNotDeadLettered() {
    String lyonRequest = TradingGridDemoData.SITE_REQUEST_LYON; // refused: Lyon has no licence documents
    String flow = BusinessMusicFlow.requests(sandboxes.tradingGrid, config()).name();
    String oldText = refusalOf(lyonRequest);
    // a run crashed after posting the refusal (keyed by the step only, as before) and before refusing
    sandboxes.tradingGrid.siteRequests().comment(lyonRequest,
        SiteRequestCommentCreate.builder().author("gridcast-business-music").body(oldText).build(),
        Fingerprints.idempotencyKey(flow, "tradinggrid:site-request:" + lyonRequest + "#refusal"));
    ObjectNode rename = new ObjectMapper().createObjectNode().put("name", "H&P Store 207, Lyon Part-Dieu");
    sandboxes.tradingGridSandbox.update(TradingGridResource.SITES, TradingGridDemoData.SITE_LYON, rename);
    String newText = refusalOf(lyonRequest);
    assertThat(newText).isNotEqualTo(oldText).contains("Lyon Part-Dieu");

    RunReport run = run();

    assertThat(run.stage("requests").failed()).isZero();
    assertThat(store.deadLetters(flow)).isEmpty();
    JsonNode request = tg(TradingGridResource.SITE_REQUESTS, lyonRequest);
    assertThat(request.path("status").asText()).isEqualTo("refused");
    List<String> bodies = new ArrayList<>();
    request.path("comments").forEach(c -> bodies.add(c.path("body").asText()));
    assertThat(bodies).containsExactly(oldText, newText);
  }

  private String refusalOf(String requestId) {
    SiteRequest request = sandboxes.tradingGrid.siteRequests().get(requestId);
    return new SiteRequestDecider(io.gridcast.bridge.text.PostTemplates.english()).map(new SiteRequestCase(request, Optional.of(sandboxes.tradingGrid.sites().get(request.siteId()))), RunContext.detached("test", java.time.Clock.systemUTC()))
        .comment();
  }

  @Test
  void aMalformedPlaylistChangeIsRefusedNamingTheLine() {
    String requestId = raise(ROTTERDAM, "playlist_change", "add spotify:album:" + SpotifyDemoData.trackId(1)).path("id").asText();

    run();

    JsonNode request = tg(TradingGridResource.SITE_REQUESTS, requestId);
    assertThat(request.path("status").asText()).isEqualTo("refused");
    assertThat(request.path("comments").get(0).path("body").asText()).contains("line 1").contains("tracks and episodes");
  }

  @Test
  void aChangeMadeOnSpotifyIsKeptAndUpdatesTheSitesServiceNotice() {
    BusinessMusicConfig everyRun = BusinessMusicConfig.builder().from(config()).fullReadEvery(Duration.ZERO).build();
    bridge.run(BusinessMusicFlow.create(sandboxes.spotify, sandboxes.tradingGrid, everyRun));
    Playlist before = playlistOf(ROTTERDAM);
    sandboxes.spotify.playlists().addItems(before.id(), List.of(SpotifyUri.parse(track(9))), null);

    RunReport run = bridge.run(BusinessMusicFlow.create(sandboxes.spotify, sandboxes.tradingGrid, everyRun));

    assertThat(run.stage("playlists").unchanged()).isEqualTo(MANAGED.size());
    assertThat(run.stage("notices").updated()).isEqualTo(1);
    assertThat(itemsOf(ROTTERDAM)).containsExactly(track(1), track(2), track(3), track(9));
    JsonNode post = sandboxes.tradingGridSandbox.resources(TradingGridResource.POSTS).stream()
        .filter(p -> p.path("externalRef").asText().equals(before.uri())).findFirst().orElseThrow();
    assertThat(post.path("metadata").path("snapshotId").asText()).isEqualTo(playlistOf(ROTTERDAM).snapshotId())
        .isNotEqualTo(before.snapshotId());
    assertThat(post.path("metadata").path("items").asText()).isEqualTo("4");
    assertThat(notices()).hasSize(MANAGED.size()).allSatisfy((ref, n) -> assertThat(n).isEqualTo(1));
  }

  @Test
  void withTheDefaultsAChangeMadeOnSpotifyIsNoticedByTheNextWholeReadAndQuietRunsReadOnlyTheEvents() {
    MutableClock clock = new MutableClock(Instant.parse("2026-12-01T08:00:00Z"));
    InMemoryStateStore clocked = new InMemoryStateStore(clock);
    Bridge daily = Bridge.builder().stateStore(clocked).clock(clock).build();
    daily.run(BusinessMusicFlow.create(sandboxes.spotify, sandboxes.tradingGrid, config()));
    daily.run(BusinessMusicFlow.create(sandboxes.spotify, sandboxes.tradingGrid, config())); // hears of its own writes
    Playlist before = playlistOf(ROTTERDAM);
    sandboxes.spotify.playlists().addItems(before.id(), List.of(SpotifyUri.parse(track(9))), null);

    clock.advance(Duration.ofHours(2));
    RunReport quiet = daily.run(BusinessMusicFlow.create(sandboxes.spotify, sandboxes.tradingGrid, config()));
    assertThat(quiet.stages()).allSatisfy(stage -> assertThat(stage.seen()).isZero());
    assertThat(noticeOf(before).path("metadata").path("snapshotId").asText()).isEqualTo(before.snapshotId());

    clock.advance(Duration.ofHours(22)); // a day after the first whole read
    RunReport whole = daily.run(BusinessMusicFlow.create(sandboxes.spotify, sandboxes.tradingGrid, config()));
    assertThat(whole.stage("notices").seen()).isEqualTo(MANAGED.size());
    assertThat(whole.stage("notices").updated()).isEqualTo(1);
    assertThat(noticeOf(before).path("metadata").path("snapshotId").asText()).isEqualTo(playlistOf(ROTTERDAM).snapshotId());
    assertThat(itemsOf(ROTTERDAM)).contains(track(9)); // the edit made on Spotify is kept

    JsonNode request = sandboxes.tradingGridSandbox.raiseSiteRequest("s_manchester_041", "playlist_change", "add " + track(4));
    RunReport woken = daily.run(BusinessMusicFlow.create(sandboxes.spotify, sandboxes.tradingGrid, config()));
    assertThat(woken.stage("requests").seen()).as("only the request the event names is read").isEqualTo(1);
    assertThat(tg(TradingGridResource.SITE_REQUESTS, request.path("id").asText()).path("status").asText()).isNotEqualTo("open");
  }

  private JsonNode noticeOf(Playlist playlist) {
    return sandboxes.tradingGridSandbox.resources(TradingGridResource.POSTS).stream()
        .filter(p -> p.path("externalRef").asText().equals(playlist.uri())).findFirst().orElseThrow();
  }

  @Test
  void aCoverIsUploadedOnceAndNotAgainOnTheNextRun() {
    byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, (byte) 0xFF, (byte) 0xD9};
    BusinessMusicConfig withCover = BusinessMusicConfig.builder().from(config()).coverJpeg(jpeg).build();
    bridge.run(BusinessMusicFlow.create(sandboxes.spotify, sandboxes.tradingGrid, withCover));
    String snapshot = playlistOf(ROTTERDAM).snapshotId();

    RunReport again = bridge.run(BusinessMusicFlow.create(sandboxes.spotify, sandboxes.tradingGrid, withCover));

    assertThat(playlistOf(ROTTERDAM).images()).hasSize(1);
    assertThat(again.stage("playlists").unchanged()).isEqualTo(MANAGED.size());
    assertThat(playlistOf(ROTTERDAM).snapshotId()).isEqualTo(snapshot);
  }

  @Test
  void aCrashAfterCreatingPlaylistsButBeforeLinkingTheSitesIsHealedWithoutDuplicates() {
    Flow<SiteProgramme, SitePlaylistSpec> real = BusinessMusicFlow.playlists(sandboxes.spotify, sandboxes.tradingGrid, config());
    Sink<SitePlaylistSpec> crashing = new Sink<>() {
      @Override
      public WriteResult create(String key, SitePlaylistSpec item, String idempotencyKey, String externalRef, RunContext run) {
        // Spotify works, Trading Grid goes down: the playlist exists, the site never learns of it
        sandboxes.tradingGridSandbox.faults(FaultProfile.builder().serverErrorRate(1.0).exemptPath("/tenants/").build());
        return real.sink().create(key, item, idempotencyKey, externalRef, run);
      }

      @Override
      public WriteResult update(LedgerEntry existing, SitePlaylistSpec item, RunContext run) {
        return real.sink().update(existing, item, run);
      }

      @Override
      public Optional<WriteResult> findByExternalRef(String externalRef, RunContext run) {
        return real.sink().findByExternalRef(externalRef, run);
      }
    };
    Flow<SiteProgramme, SitePlaylistSpec> crashingFlow = Flow.<SiteProgramme, SitePlaylistSpec>builder(real.name())
        .source(real.source()).key(real::keyOf).mapper(real.mapper()).sink(crashing).build();

    RunReport crashed = bridge.run(crashingFlow);
    sandboxes.tradingGridSandbox.faults(FaultProfile.none());
    assertThat(crashed.stoppedBecause()).isPresent();
    // the writes in flight when Trading Grid went down made their playlists too; none is recorded
    assertThat(markedPlaylists()).isNotEmpty();
    assertThat(store.entries(real.name())).isEmpty();

    RunReport healed = run();

    assertThat(healed.failed()).isZero();
    assertFinalStateOfTheDemo();
  }

  @Test
  void aCrashBetweenTheRemoteWritesAndTheLedgerIsHealedWithoutDuplicates() {
    Flow<SiteProgramme, SitePlaylistSpec> real = BusinessMusicFlow.playlists(sandboxes.spotify, sandboxes.tradingGrid, config());
    Bridge crashingLedger = sandboxes.bridge(new LedgerThatFailsToRecord(store, real.name()));
    RunReport crashed = crashingLedger.run(real);
    assertThat(crashed.stoppedBecause()).hasValueSatisfying(r -> assertThat(r).contains("disk full"));
    // the batch's writes all happened before its one ledger transaction failed
    assertThat(markedPlaylists()).hasSize(MANAGED.size());

    RunReport healed = run();

    assertThat(healed.failed()).isZero();
    assertFinalStateOfTheDemo();
    assertNothingWrittenByAnotherRun();
  }

  @Test
  void withFivePercentServerErrorsAndRateLimitsTheStateEndsExact() {
    String refusedId = TradingGridDemoData.SITE_REQUEST_LYON;
    sandboxes.faults(Sandboxes.flaky(11));

    for (int i = 0; i < 4; i++) {
      RunReport r = run();
      if (r.stoppedBecause().isEmpty() && r.failed() == 0
          && r.created() + r.updated() == 0) {
        break;
      }
    }
    sandboxes.faults(FaultProfile.none());

    assertFinalStateOfTheDemo();
    JsonNode request = tg(TradingGridResource.SITE_REQUESTS, refusedId);
    assertThat(request.path("status").asText()).isEqualTo("refused");
    assertThat(request.path("comments")).hasSize(1);
  }

  @Test
  void aProgrammeIsRequiredAndMustHoldTracksOrEpisodes() {
    assertThatThrownBy(() -> BusinessMusicConfig.builder().build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("programme");
    assertThatThrownBy(() -> BusinessMusicConfig.builder().addProgramme("spotify:show:" + SpotifyDemoData.SHOW_ARCHIVE_SESSIONS).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("programme").hasMessageContaining("tracks and episodes");
    assertThatThrownBy(() -> BusinessMusicConfig.builder().from(config()).coverJpeg(new byte[] {1, 2, 3}).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("coverJpeg");
  }

  @Test
  void aPlanWritesNothing() {
    RunReport plan = bridge.plan(BusinessMusicFlow.create(sandboxes.spotify, sandboxes.tradingGrid, config()));

    assertThat(plan.stage("playlists").created()).isEqualTo(MANAGED.size());
    assertThat(markedPlaylists()).isEmpty();
    assertThat(tg(TradingGridResource.SITE_REQUESTS, TradingGridDemoData.SITE_REQUEST_LYON).path("status").asText())
        .isEqualTo("open");
  }

  /** Deletes a site from the stopped Trading Grid sandbox's state file, leaving its requests. */
  private void removeSiteFromTheSandboxState(String siteId) throws Exception {
    Path file = dir.resolve("tradinggrid").resolve("tradinggrid-sandbox-state.json");
    ObjectMapper json = new ObjectMapper();
    JsonNode root = json.readTree(file.toFile());
    for (JsonNode community : root.path("communities")) {
      ArrayNode sites = (ArrayNode) community.path("collections").path("sites");
      for (int i = 0; i < sites.size(); i++) {
        if (sites.get(i).path("json").path("id").asText().equals(siteId)) {
          sites.remove(i);
          break;
        }
      }
    }
    Files.writeString(file, json.writeValueAsString(root));
  }
}
