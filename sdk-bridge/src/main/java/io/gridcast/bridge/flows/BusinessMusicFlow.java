package io.gridcast.bridge.flows;

import io.gridcast.bridge.Batch;
import io.gridcast.bridge.Flow;
import io.gridcast.bridge.RunContext;
import io.gridcast.bridge.Snapshot;
import io.gridcast.bridge.policy.PartnerDirectory;
import io.gridcast.bridge.state.LedgerEntry;
import io.gridcast.core.errors.NotFoundException;
import io.gridcast.spotify.SpotifyClient;
import io.gridcast.spotify.SpotifyId;
import io.gridcast.spotify.SpotifyUri;
import io.gridcast.spotify.model.Playlist;
import io.gridcast.tradinggrid.ListQuery;
import io.gridcast.tradinggrid.TradingGridClient;
import io.gridcast.tradinggrid.TradingGridId;
import io.gridcast.tradinggrid.model.EventType;
import io.gridcast.tradinggrid.model.PostCreate;
import io.gridcast.tradinggrid.model.Site;
import io.gridcast.tradinggrid.model.SiteRequest;
import io.gridcast.tradinggrid.model.SiteRequestStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Flow 7, business-music programmes, both ways: Trading Grid sites and site requests drive
 * per-site Spotify playlists, and what happens to those playlists flows back as service notices.
 *
 * <pre>{@code
 * BusinessMusicConfig config = BusinessMusicConfig.builder()
 *     .addProgramme("spotify:track:4uLU6hMCjMI75M1A2tKUQC", "spotify:track:7ouMYWpwJ422jRcDASZB7P")
 *     .putRegionalProgrammes("APAC", List.of("spotify:track:0VjIjW4GlUZAMYd2vXMi3b"))
 *     .build();
 * RunReport report = bridge.run(BusinessMusicFlow.create(spotify, tradingGrid, config));
 * log.info("{}", report.summary()); // or report.stage("playlists"), one per stage
 * }</pre>
 *
 * <p>Three stages, run in this order by one {@code bridge.run} (each has its ledger, lease, dead
 * letters and section of the report); a stage that stops early does not stop the next one:
 *
 * <ol>
 *   <li>requests ({@code <flowName>.requests}): every open site request is
 *       decided by {@link SiteRequestDecider}: accepted, left for people, or refused with exactly
 *       one comment saying why (an unknown site; a new site, or a playlist change, for a site
 *       without licence documents; a playlist change without valid instructions).
 *   <li>playlists ({@code <flowName>.playlists}): every managed site (licensed;
 *       live, paused, or planned with an accepted new-site request) gets its own playlist,
 *       adopted on the first sync when the site already names one of the current user's
 *       playlists or the user has one with the playlist's name, created otherwise, and then
 *       renamed, re-described, re-filled, re-ordered and re-covered as its
 *       {@link SitePlaylistMapper programme} changes, and made again (found by its marker first)
 *       when it is deleted on Spotify; the site is pointed at it, and the requests it carries
 *       out are marked done. By the run's clock, in the site's time zone: a planned site's
 *       playlist is prepared ahead of its {@code rolloutDate} while the site stays planned, and
 *       the first run on or after that date sets it live with a service notice saying so; a
 *       site whose {@code licenceValidUntil} has passed is paused (its playlist left as it is,
 *       the site set {@code paused}) with a notice saying why and what to do, and resumes with
 *       a notice once a renewed licence is set. Each of these notices is posted once.
 *   <li>notices ({@code <flowName>.notices}): each managed playlist's state on
 *       Spotify becomes one {@link io.gridcast.tradinggrid.model.PostKind#SERVICE_NOTICE service
 *       notice} per site, for the site's partners; a new snapshot (an edit on Spotify, or by the
 *       flow) updates the notice.
 * </ol>
 *
 * <p>Trading Grid is the source of truth for a playlist's content: an edit made on Spotify is
 * kept (and reported by a notice) until the site's programme changes in Trading Grid, when the
 * playlist is brought back to the programme. Once a day ({@code fullReadEvery}) every phase reads
 * every site, request and playlist; the runs between read the Trading Grid events since the
 * phase's cursor (its checkpoint) and only what they name: the requests stage the requests those
 * events name and the open requests of the sites they name, the playlist and notice stages
 * everything again when any site or request changed, nothing otherwise; the playlist stage also
 * reads everything at the first run on or after the next rollout date or licence expiry, which
 * no event announces. So a quiet run costs three events requests, and an edit made on Spotify is
 * noticed by the next whole read. The ledger's fingerprints skip what did not change, so a second
 * run writes nothing.
 */
public final class BusinessMusicFlow {

  private BusinessMusicFlow() {}

  /**
   * The flow for {@code config}; run it with {@code bridge.run}, plan it with {@code bridge.plan}.
   *
   * @throws NullPointerException if an argument is null
   */
  public static Flow<?, ?> create(SpotifyClient spotify, TradingGridClient tradingGrid, BusinessMusicConfig config) {
    Objects.requireNonNull(spotify, "spotify");
    Objects.requireNonNull(tradingGrid, "tradingGrid");
    Snapshot<PartnerDirectory> partners = PartnerDirectory.snapshot(tradingGrid); // one per run, for every stage
    return Flow.inStages(config.flowName(), List.of(requests(tradingGrid, config),
        playlists(spotify, tradingGrid, config, partners), notices(spotify, tradingGrid, config, partners)));
  }

  /** Stage 1: decides open site requests (source key {@code tradinggrid:site-request:<id>}). */
  static Flow<SiteRequestCase, SiteRequestDecision> requests(TradingGridClient tradingGrid,
      BusinessMusicConfig config) {
    String name = config.flowName() + ".requests";
    return Flow.<SiteRequestCase, SiteRequestDecision>builder(name)
        .source(new EventDrivenSource<>(tradingGrid, SITE_EVENTS, config.fullReadEvery(),
            run -> openRequests(tradingGrid, config),
            (run, named) -> namedOpenRequests(tradingGrid, config, named),
            key -> Optional.of(key).filter(k -> k.startsWith(REQUEST_KEY)).map(k -> k.substring(REQUEST_KEY.length()))))
        .key(SiteRequestCase::key)
        .mapper(config.requestDecider().orElseGet(() -> new SiteRequestDecider(config.templates())))
        .sink(new SiteRequestSink(tradingGrid, name, config.commentAuthor()))
        .lookup(key -> Optional.of(key)
            .filter(k -> k.startsWith(REQUEST_KEY))
            .map(k -> tradingGrid.siteRequests().get(k.substring(REQUEST_KEY.length())))
            .map(r -> new SiteRequestCase(r, site(tradingGrid, r.siteId()))))
        .caps(config.caps())
        .build();
  }

  /**
   * Stage 2: keeps each managed site's playlist (source key {@code tradinggrid:site:<id>}); the
   * stage's ledger ({@link io.gridcast.bridge.RunContext#recorded}) tells a playlist the flow made
   * and that is gone since from one it never made.
   */
  static Flow<SiteProgramme, SitePlaylistSpec> playlists(SpotifyClient spotify, TradingGridClient tradingGrid,
      BusinessMusicConfig config) {
    return playlists(spotify, tradingGrid, config, PartnerDirectory.snapshot(tradingGrid));
  }

  /**
   * Stage 2 with the run's partner snapshot (for the notices of sites that go live, pause or
   * resume). Besides Trading Grid events, the stage reads every site again at the first run on or
   * after the next rollout date or licence expiry among them ({@link SiteCalendar#nextChange}).
   */
  static Flow<SiteProgramme, SitePlaylistSpec> playlists(SpotifyClient spotify, TradingGridClient tradingGrid,
      BusinessMusicConfig config, Snapshot<PartnerDirectory> partners) {
    String name = config.flowName() + ".playlists";
    return Flow.<SiteProgramme, SitePlaylistSpec>builder(name)
        .source(EventDrivenSource.wholeOnChangeOrDue(tradingGrid, SITE_EVENTS, config.fullReadEvery(),
            run -> withPlaylists(spotify, run, managedSites(tradingGrid, config)),
            (run, items) -> items.stream().flatMap(p -> SiteCalendar.nextChange(p.site(), run.startedAt()).stream())
                .min(Comparator.naturalOrder())))
        .key(SiteProgramme::key)
        .mapper(new SitePlaylistMapper(config))
        .fingerprint(SitePlaylistSpec::fingerprint)
        .sink(new SitePlaylistSink(spotify, tradingGrid, config, partners))
        .lookup((key, run) -> withPlaylists(spotify, run, managedSites(tradingGrid, config).stream()
            .filter(s -> s.key().equals(key)).toList()).stream().findFirst())
        .caps(config.caps())
        .build();
  }

  /** Stage 3: a service notice per managed site playlist (source key {@code spotify:playlist:<id>}). */
  static Flow<SitePlaylistState, PostCreate> notices(SpotifyClient spotify, TradingGridClient tradingGrid,
      BusinessMusicConfig config, Snapshot<PartnerDirectory> partners) {
    return Flow.<SitePlaylistState, PostCreate>builder(config.flowName() + ".notices")
        .source(EventDrivenSource.wholeOnChange(tradingGrid, SITE_EVENTS, config.fullReadEvery(), run -> {
          run.snapshot(partners); // one snapshot per run that reads, before any item
          return playlistStates(spotify, tradingGrid, config);
        }))
        .key(SitePlaylistState::key)
        .mapper(config.noticeMapper().orElseGet(() -> new SitePlaylistNoticeMapper(config.noticeAudience(), partners, config.noticeTags(),
            config.templates())))
        .sink(new PostSink(tradingGrid))
        .lookup(key -> playlistStates(spotify, tradingGrid, config).stream().filter(s -> s.key().equals(key)).findFirst())
        .caps(config.caps())
        .build();
  }

  private static final String REQUEST_KEY = "tradinggrid:site-request:";

  /**
   * The events that may change a request's decision (its own, or its site's: a licence uploaded, a
   * move into a region in scope), a site's programme or its notice.
   */
  private static final Set<EventType> SITE_EVENTS = Set.of(EventType.SITE_CREATED, EventType.SITE_UPDATED,
      EventType.SITE_REQUEST_CREATED, EventType.SITE_REQUEST_UPDATED);

  /** Every open request in scope, oldest first. */
  private static List<SiteRequestCase> openRequests(TradingGridClient tradingGrid, BusinessMusicConfig config) {
    Map<String, Site> sites = sites(tradingGrid, List.of());
    List<SiteRequestCase> cases = new ArrayList<>();
    for (SiteRequest r : tradingGrid.siteRequests().list(ListQuery.create().with("status", SiteRequestStatus.OPEN.wireValue()))) {
      Optional<Site> site = Optional.ofNullable(sites.get(r.siteId())).or(() -> site(tradingGrid, r.siteId()));
      if (inScope(config, site)) {
        cases.add(new SiteRequestCase(r, site));
      }
    }
    cases.sort(Comparator.comparing(c -> c.request().createdAt()));
    return cases;
  }

  /**
   * The open requests in scope that the events name, or that belong to a site the events name,
   * oldest first; one gone since is left out.
   */
  private static List<SiteRequestCase> namedOpenRequests(TradingGridClient tradingGrid, BusinessMusicConfig config,
      EventDrivenSource.Named named) {
    Map<String, SiteRequestCase> cases = new LinkedHashMap<>();
    Set<String> sites = named.of(EventType.SITE_CREATED, EventType.SITE_UPDATED);
    if (!sites.isEmpty()) {
      for (SiteRequestCase c : openRequests(tradingGrid, config)) {
        if (sites.contains(c.request().siteId())) {
          cases.put(c.request().id(), c);
        }
      }
    }
    Set<String> requests = named.of(EventType.SITE_REQUEST_CREATED, EventType.SITE_REQUEST_UPDATED);
    requests.addAll(named.retrying());
    for (String id : requests) {
      if (cases.containsKey(id) || !TradingGridId.isValid(id)) {
        continue; // read already, or an event naming something that cannot be a request
      }
      SiteRequest r;
      try {
        r = tradingGrid.siteRequests().get(id);
      } catch (NotFoundException e) {
        continue;
      }
      if (r.status() == SiteRequestStatus.OPEN) {
        Optional<Site> site = site(tradingGrid, r.siteId());
        if (inScope(config, site)) {
          cases.put(id, new SiteRequestCase(r, site));
        }
      }
    }
    List<SiteRequestCase> out = new ArrayList<>(cases.values());
    out.sort(Comparator.comparing(c -> c.request().createdAt()));
    return out;
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
   * marker), and whether a playlist the flow made (per the ledger of the {@code run}'s stage) is gone,
   * so that a deleted playlist changes the item and the playlist phase makes it again.
   */
  private static List<SiteProgramme> withPlaylists(SpotifyClient spotify, RunContext run, List<SiteProgramme> programmes) {
    if (programmes.isEmpty()) {
      return programmes;
    }
    // an id the platform should never send is left to fail as its own item, not here
    Map<String, LedgerEntry> synced = run.recorded(programmes.stream()
        .filter(p -> TradingGridId.isValid(p.site().id())).map(SiteProgramme::key).toList());
    String me = spotify.me().id();
    List<SiteProgramme> out = new ArrayList<>(programmes.size());
    for (SiteProgramme p : programmes) {
      Optional<String> snapshot = p.site().playlistUri()
          .flatMap(uri -> ownedPlaylist(spotify, me, p.site().id(), uri))
          .map(Playlist::snapshotId);
      // a site paused before the flow made its playlist is recorded with its own id: no playlist to miss
      boolean made = Optional.ofNullable(synced.get(p.key())).filter(e -> SpotifyId.isValid(e.targetId())).isPresent();
      out.add(new SiteProgramme(p.site(), p.requests(), snapshot, made && snapshot.isEmpty()));
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
