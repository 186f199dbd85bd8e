package io.gridcast.bridge.flows;

import io.gridcast.bridge.Batch;
import io.gridcast.bridge.Bridge;
import io.gridcast.bridge.Flow;
import io.gridcast.bridge.PostSink;
import io.gridcast.bridge.RunReport;
import io.gridcast.bridge.policy.PartnerDirectory;
import io.gridcast.bridge.state.LedgerEntry;
import io.gridcast.bridge.state.StateStore;
import io.gridcast.core.errors.NotFoundException;
import io.gridcast.spotify.SpotifyClient;
import io.gridcast.spotify.SpotifyUri;
import io.gridcast.spotify.model.Playlist;
import io.gridcast.tradinggrid.ListQuery;
import io.gridcast.tradinggrid.TradingGridClient;
import io.gridcast.tradinggrid.TradingGridId;
import io.gridcast.tradinggrid.model.PostCreate;
import io.gridcast.tradinggrid.model.Site;
import io.gridcast.tradinggrid.model.SiteRequest;
import io.gridcast.tradinggrid.model.SiteRequestStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Flow 7, business-music programmes, both ways: Trading Grid sites and site requests drive
 * per-site Spotify playlists, and what happens to those playlists flows back as service notices.
 *
 * <pre>{@code
 * BusinessMusicConfig config = BusinessMusicConfig.builder()
 *     .addProgramme("spotify:track:4uLU6hMCjMI75M1A2tKUQC", "spotify:track:7ouMYWpwJ422jRcDASZB7P")
 *     .putRegionalProgrammes("APAC", List.of("spotify:track:0VjIjW4GlUZAMYd2vXMi3b"))
 *     .build();
 * BusinessMusicRun run = BusinessMusicFlow.run(bridge, config);
 * log.info("{}", run.combined().summary()); // or run.reports(), one per phase
 * }</pre>
 *
 * <p>Three phases, each a {@link Flow} run through the bridge (so each has its ledger, lease,
 * dead letters and report), in this order:
 *
 * <ol>
 *   <li>{@link #requests requests} ({@code <flowName>.requests}): every open site request is
 *       decided by {@link SiteRequestDecider}: accepted, left for people, or refused with exactly
 *       one comment saying why (an unknown site; a new site, or a playlist change, for a site
 *       without licence documents; a playlist change without valid instructions).
 *   <li>{@link #playlists playlists} ({@code <flowName>.playlists}): every managed site (licensed;
 *       live, or planned with an accepted new-site request) gets its own playlist, created once
 *       and then renamed, re-described, re-filled, re-ordered and re-covered as its
 *       {@link SitePlaylistMapper programme} changes, and made again (found by its marker first)
 *       when it is deleted on Spotify; the site is pointed at it and set live, and the requests
 *       it carries out are marked done.
 *   <li>{@link #notices notices} ({@code <flowName>.notices}): each managed playlist's state on
 *       Spotify becomes one {@link io.gridcast.tradinggrid.model.PostKind#SERVICE_NOTICE service
 *       notice} per site, for the site's partners; a new snapshot (an edit on Spotify, or by the
 *       flow) updates the notice.
 * </ol>
 *
 * <p>Trading Grid is the source of truth for a playlist's content: an edit made on Spotify is
 * kept (and reported by a notice) until the site's programme changes in Trading Grid, when the
 * playlist is brought back to the programme. Every phase re-reads its source on each run (no
 * checkpoints); the ledger's fingerprints skip what did not change, so a second run writes
 * nothing.
 */
public final class BusinessMusicFlow {

  private BusinessMusicFlow() {}

  /** Runs the three phases in order; a phase that stops early does not stop the next one. */
  public static BusinessMusicRun run(Bridge bridge, BusinessMusicConfig config) {
    return execute(bridge, config, bridge::run);
  }

  /** Plans the three phases: what {@link #run} would do, nothing written. */
  public static BusinessMusicRun plan(Bridge bridge, BusinessMusicConfig config) {
    return execute(bridge, config, bridge::plan);
  }

  private static BusinessMusicRun execute(Bridge bridge, BusinessMusicConfig config, Function<Flow<?, ?>, RunReport> how) {
    SpotifyClient spotify = bridge.spotify();
    TradingGridClient tradingGrid = bridge.tradingGrid();
    return new BusinessMusicRun(
        how.apply(requests(tradingGrid, config)),
        how.apply(playlists(spotify, tradingGrid, bridge.stateStore(), config)),
        how.apply(notices(spotify, tradingGrid, config)));
  }

  /** Phase 1: decides open site requests (source key {@code tradinggrid:site-request:<id>}). */
  public static Flow<SiteRequestCase, SiteRequestDecision> requests(TradingGridClient tradingGrid,
      BusinessMusicConfig config) {
    String name = config.flowName() + ".requests";
    return Flow.<SiteRequestCase, SiteRequestDecision>builder(name)
        .source(checkpoint -> {
          Map<String, Site> sites = sites(tradingGrid, List.of());
          List<SiteRequestCase> cases = new ArrayList<>();
          for (SiteRequest r : tradingGrid.siteRequests().list(ListQuery.create().with("status", SiteRequestStatus.OPEN.wireValue()))) {
            Optional<Site> site = Optional.ofNullable(sites.get(r.siteId())).or(() -> site(tradingGrid, r.siteId()));
            if (inScope(config, site)) {
              cases.add(new SiteRequestCase(r, site));
            }
          }
          cases.sort(Comparator.comparing(c -> c.request().createdAt()));
          return List.of(Batch.of(cases, null, (long) cases.size()));
        })
        .key(SiteRequestCase::key)
        .mapper(new SiteRequestDecider())
        .sink(new SiteRequestSink(tradingGrid, name, config.commentAuthor()))
        .lookup(key -> Optional.of(key)
            .filter(k -> k.startsWith("tradinggrid:site-request:"))
            .map(k -> tradingGrid.siteRequests().get(k.substring("tradinggrid:site-request:".length())))
            .map(r -> new SiteRequestCase(r, site(tradingGrid, r.siteId()))))
        .caps(config.caps())
        .build();
  }

  /**
   * Phase 2: keeps each managed site's playlist (source key {@code tradinggrid:site:<id>});
   * {@code store} is the bridge's, read to tell a playlist the flow made and that is gone since
   * from one it never made.
   */
  public static Flow<SiteProgramme, SitePlaylistSpec> playlists(SpotifyClient spotify, TradingGridClient tradingGrid,
      StateStore store, BusinessMusicConfig config) {
    String name = config.flowName() + ".playlists";
    return Flow.<SiteProgramme, SitePlaylistSpec>builder(name)
        .source(checkpoint -> {
          List<SiteProgramme> managed = withPlaylists(spotify, store, name, managedSites(tradingGrid, config));
          return List.of(Batch.of(managed, null, (long) managed.size()));
        })
        .key(SiteProgramme::key)
        .mapper(new SitePlaylistMapper(config))
        .fingerprint(SitePlaylistSpec::fingerprint)
        .sink(new SitePlaylistSink(spotify, tradingGrid, config))
        .lookup(key -> withPlaylists(spotify, store, name, managedSites(tradingGrid, config).stream()
            .filter(s -> s.key().equals(key)).toList()).stream().findFirst())
        .caps(config.caps())
        .build();
  }

  /** Phase 3: a service notice per managed site playlist (source key {@code spotify:playlist:<id>}). */
  public static Flow<SitePlaylistState, PostCreate> notices(SpotifyClient spotify, TradingGridClient tradingGrid,
      BusinessMusicConfig config) {
    AtomicReference<PartnerDirectory> partners = new AtomicReference<>();
    return Flow.<SitePlaylistState, PostCreate>builder(config.flowName() + ".notices")
        .source(checkpoint -> {
          partners.set(PartnerDirectory.load(tradingGrid)); // one snapshot per run
          List<SitePlaylistState> states = playlistStates(spotify, tradingGrid, config);
          return List.of(Batch.of(states, null, (long) states.size()));
        })
        .key(SitePlaylistState::key)
        .mapper(new SitePlaylistNoticeMapper(config.noticeAudience(), partners::get, config.noticeTags()))
        .sink(new PostSink(tradingGrid))
        .lookup(key -> {
          partners.compareAndSet(null, PartnerDirectory.load(tradingGrid));
          return playlistStates(spotify, tradingGrid, config).stream().filter(s -> s.key().equals(key)).findFirst();
        })
        .caps(config.caps())
        .build();
  }

  private static List<SiteProgramme> managedSites(TradingGridClient tradingGrid, BusinessMusicConfig config) {
    Map<String, List<SiteRequest>> requests = new LinkedHashMap<>();
    for (SiteRequest r : tradingGrid.siteRequests().list()) {
      requests.computeIfAbsent(r.siteId(), k -> new ArrayList<>()).add(r);
    }
    List<SiteProgramme> out = new ArrayList<>();
    for (Site site : sites(tradingGrid, List.copyOf(config.regions())).values()) {
      List<SiteRequest> mine = new ArrayList<>(requests.getOrDefault(site.id(), List.of()));
      mine.sort(Comparator.comparing(SiteRequest::createdAt).thenComparing(SiteRequest::id));
      SiteProgramme p = new SiteProgramme(site, mine, Optional.empty(), false);
      if (p.managed()) {
        out.add(p);
      }
    }
    return out;
  }

  /**
   * The programmes with their playlists' presence read from Spotify: the snapshot id of the
   * linked playlist when it exists and is the flow's (the current user's, with the site's
   * marker), and whether a playlist the flow made (per the ledger of phase {@code flow}) is gone,
   * so that a deleted playlist changes the item and the playlist phase makes it again.
   */
  private static List<SiteProgramme> withPlaylists(SpotifyClient spotify, StateStore store, String flow,
      List<SiteProgramme> programmes) {
    if (programmes.isEmpty()) {
      return programmes;
    }
    // an id the platform should never send is left to fail as its own item, not here
    Map<String, LedgerEntry> synced = store.findAll(flow, programmes.stream()
        .filter(p -> TradingGridId.isValid(p.site().id())).map(SiteProgramme::key).toList());
    String me = spotify.me().id();
    List<SiteProgramme> out = new ArrayList<>(programmes.size());
    for (SiteProgramme p : programmes) {
      Optional<String> snapshot = p.site().playlistUri()
          .flatMap(uri -> ownedPlaylist(spotify, me, p.site().id(), uri))
          .map(Playlist::snapshotId);
      out.add(new SiteProgramme(p.site(), p.requests(), snapshot, synced.containsKey(p.key()) && snapshot.isEmpty()));
    }
    return out;
  }

  private static boolean ours(Playlist playlist, String me, String siteId) {
    return playlist.owner().id().equals(me) && playlist.description().orElse("").contains(SitePlaylistSpec.marker(siteId));
  }

  /** The site's linked playlist when it exists, belongs to {@code me} and carries the site's marker. */
  private static Optional<Playlist> ownedPlaylist(SpotifyClient spotify, String me, String siteId, String playlistUri) {
    try {
      Playlist playlist = spotify.playlists().get(SpotifyUri.parse(playlistUri).id());
      return ours(playlist, me, siteId) ? Optional.of(playlist) : Optional.empty();
    } catch (NotFoundException | IllegalArgumentException e) {
      return Optional.empty(); // gone, or a link that is not a playlist: the playlist phase makes a new one
    }
  }

  private static List<SitePlaylistState> playlistStates(SpotifyClient spotify, TradingGridClient tradingGrid,
      BusinessMusicConfig config) {
    String me = spotify.me().id();
    List<SitePlaylistState> out = new ArrayList<>();
    for (SiteProgramme p : managedSites(tradingGrid, config)) {
      // skipped when not linked yet (the playlist phase did not get to it) or linked to a playlist
      // that is gone (the playlist phase sees it missing, makes a new one and links the site to it)
      p.site().playlistUri().flatMap(uri -> ownedPlaylist(spotify, me, p.site().id(), uri))
          .ifPresent(playlist -> out.add(new SitePlaylistState(p.site(), playlist)));
    }
    return out;
  }

  /** The sites (of the given regions, or all), by id, in id order. */
  private static Map<String, Site> sites(TradingGridClient tradingGrid, List<String> regions) {
    Map<String, Site> out = new java.util.TreeMap<>();
    for (Site s : tradingGrid.sites().list()) {
      if (regions.isEmpty() || regions.contains(s.region())) {
        out.put(s.id(), s);
      }
    }
    return out;
  }

  private static Optional<Site> site(TradingGridClient tradingGrid, String siteId) {
    try {
      return Optional.of(tradingGrid.sites().get(siteId));
    } catch (NotFoundException | IllegalArgumentException e) {
      return Optional.empty(); // no such site (or an id that cannot be one)
    }
  }

  /** Requests for an unknown site are always decided; others only in the configured regions. */
  private static boolean inScope(BusinessMusicConfig config, Optional<Site> site) {
    return site.isEmpty() || config.regions().isEmpty() || config.regions().contains(site.get().region());
  }
}
