package io.gridcast.bridge.flows;

import io.gridcast.bridge.RunContext;
import io.gridcast.bridge.Snapshot;
import io.gridcast.bridge.policy.PartnerDirectory;
import io.gridcast.spotify.SpotifyId;
import io.gridcast.tradinggrid.model.PostCreate;
import java.time.LocalDate;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridcast.bridge.Sink;
import io.gridcast.bridge.WriteResult;
import io.gridcast.bridge.state.LedgerEntry;
import io.gridcast.core.GridcastJson;
import io.gridcast.core.LogSafe;
import io.gridcast.core.errors.NotFoundException;
import io.gridcast.spotify.SpotifyClient;
import io.gridcast.spotify.SpotifyUri;
import io.gridcast.spotify.model.Playlist;
import io.gridcast.spotify.model.PlaylistBase;
import io.gridcast.spotify.model.SimplifiedPlaylist;
import io.gridcast.tradinggrid.TradingGridClient;
import io.gridcast.tradinggrid.model.Site;
import io.gridcast.tradinggrid.model.SiteRequestStatus;
import io.gridcast.tradinggrid.model.SiteRequestUpdate;
import io.gridcast.tradinggrid.model.SiteStatus;
import io.gridcast.tradinggrid.model.SiteUpdate;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a site's Spotify playlist to its {@link SitePlaylistSpec} and records it on the site.
 *
 * <p>Steps, each comparing with the current state first so that a repeat writes nothing: find
 * the playlist (the ledger's, else the site's {@code playlistUri} or a playlist of the current
 * user whose description carries the site's {@link SitePlaylistSpec#marker}, else create one:
 * Spotify's create has no idempotency key, so the marker is what lets a run that crashed right
 * after creating find it again) → rename / describe (which adds the marker to an adopted one) → remove, add and reorder items → upload the
 * cover when the playlist is new or the cover's hash differs from the one kept in the ledger
 * entry's attributes (a playlist deleted on Spotify is made again the same way) → point the
 * site at the playlist → for a live spec, post the {@linkplain SiteStatusNoticeMapper notice}
 * that a planned site went live, or that a paused one resumed, then set it live
 * ({@code If-Match}); a pending site stays planned → mark the carried-out requests done.
 *
 * <p>A paused spec (the licence expired) leaves the playlist alone: it posts the notice saying
 * why and what to do, then sets a live site paused; the ledger entry's attributes remember the
 * pause, so the update that resumes the site posts the notice that it resumed. Each notice is
 * looked up by its {@code externalRef} before it is posted with a step idempotency key, and is
 * posted before the site's status changes, so a run that stops between the two finishes the job
 * without a second notice.
 *
 * <p>A site's first sync adopts a playlist that is already there rather than making another:
 * the playlist the site names, or else the current user's playlist with the name the spec
 * gives, when the current user owns it and it carries no other site's marker (a playlist of
 * someone else cannot be changed, so the site then gets a new one). The ledger records the
 * adopted playlist, and its items are brought to the spec with the fewest writes
 * ({@link PlaylistSync#items}): items already there stay where they can, with their
 * {@code added_at}. Thread-safe.
 */
final class SitePlaylistSink implements Sink<SitePlaylistSpec> {

  private static final Logger LOG = LoggerFactory.getLogger(SitePlaylistSink.class);
  private static final ObjectMapper JSON = GridcastJson.newObjectMapper();
  private static final String KEY_PREFIX = "tradinggrid:site:";

  private final SpotifyClient spotify;
  private final TradingGridClient tradingGrid;
  private final BusinessMusicConfig config;
  private final CurrentUser me;
  private final Snapshot<PartnerDirectory> partners;
  private final SiteStatusNoticeMapper notices;
  private final String stepFlow;

  SitePlaylistSink(SpotifyClient spotify, TradingGridClient tradingGrid, BusinessMusicConfig config,
      Snapshot<PartnerDirectory> partners) {
    this.spotify = spotify;
    this.tradingGrid = tradingGrid;
    this.config = config;
    this.me = new CurrentUser(spotify);
    this.partners = partners;
    this.notices = new SiteStatusNoticeMapper(config.noticeAudience(), config.noticeTags(), config.templates());
    this.stepFlow = config.flowName() + ".playlists";
  }

  @Override
  public WriteResult create(String sourceKey, SitePlaylistSpec item, String idempotencyKey, String externalRef, RunContext run) {
    // the bridge calls create only after findByExternalRef found nothing (or on a first sync, when
    // nothing was looked for): adopt what the site names or what has the playlist's name, else create
    return apply(null, item, Attributes.NONE, true, run);
  }

  @Override
  public WriteResult update(LedgerEntry existing, SitePlaylistSpec item, RunContext run) {
    return apply(existing.targetId(), item, Attributes.of(existing.attributes()), true, run);
  }

  @Override
  public Optional<WriteResult> findByExternalRef(String externalRef, RunContext run) {
    if (!externalRef.startsWith(KEY_PREFIX)) {
      return Optional.empty();
    }
    String siteId = externalRef.substring(KEY_PREFIX.length());
    Optional<String> linked = tradingGrid.sites().get(siteId).playlistUri();
    return findOwned(siteId, linked.orElse(null), null).map(p -> WriteResult.found(p.id(), null, null));
  }

  private WriteResult apply(String knownTarget, SitePlaylistSpec spec, Attributes previous, boolean search, RunContext run) {
    if (spec.status() == SitePlaylistSpec.Status.PAUSED) {
      return pause(knownTarget, spec, previous, run);
    }
    // a site paused before the flow ever made its playlist is recorded with its own id as the target
    boolean playlistKnown = knownTarget != null && SpotifyId.isValid(knownTarget);
    PlaylistBase playlist = playlistKnown ? readOwned(knownTarget, spec.siteId()).orElse(null) : null;
    if (playlist == null && search) {
      playlist = findOwned(spec.siteId(), spec.linkedPlaylistUri(), spec.name()).orElse(null);
      if (playlist != null && !playlist.description().orElse("").contains(SitePlaylistSpec.marker(spec.siteId()))) {
        LOG.info("adopting playlist {} for site {}", playlist.id(), spec.siteId());
      }
    }
    String id = PlaylistSync.details(spotify, playlist, spec.name(), spec.description(), config.publicPlaylists());
    boolean created = playlist == null;
    if (created) {
      LOG.info("created playlist {} for site {}", id, spec.siteId());
    }
    PlaylistSync.items(spotify, id, spec.items());
    String cover = spec.coverSha256();
    if (cover != null && (created || !cover.equals(previous.cover()))) {
      spotify.playlists().uploadCover(id, config.coverJpeg().orElseThrow());
    }
    Site site = tradingGrid.sites().get(spec.siteId());
    boolean goLive = spec.status() == SitePlaylistSpec.Status.LIVE;
    if (goLive && site.status() == SiteStatus.PLANNED) {
      LocalDate today = LocalDate.ofInstant(run.startedAt(), SiteCalendar.zone(site));
      postOnce(spec, "went-live", notices.wentLive(site, id, today, run.snapshot(partners)));
    } else if (goLive && (previous.pausedAfter() != null || site.status() == SiteStatus.PAUSED)) {
      postOnce(spec, "resumed", notices.licenceRenewed(site, site.licenceValidUntil(), id, run.snapshot(partners)));
    }
    linkSite(site, "spotify:playlist:" + id, goLive);
    for (String requestId : spec.requestIds()) {
      markDone(requestId);
    }
    return WriteResult.of(id, null).withAttributes(new Attributes(cover, null).json());
  }

  /**
   * Pauses a site whose licence expired: its notice first, then a live site is set paused; the
   * playlist is left as it is. The ledger keeps the target it had (the site's own id when the
   * flow never made its playlist) and remembers the pause.
   */
  private WriteResult pause(String knownTarget, SitePlaylistSpec spec, Attributes previous, RunContext run) {
    Site site = tradingGrid.sites().get(spec.siteId());
    String target = knownTarget != null ? knownTarget : site.id();
    if (!SiteCalendar.licenceExpired(site, run.startedAt())) {
      // renewed since the run read it: nothing to pause, and the renewal's event brings the update
      return WriteResult.of(target, null).withAttributes(previous.json());
    }
    LocalDate validUntil = site.licenceValidUntil().orElseThrow();
    postOnce(spec, "paused", notices.licenceExpired(site, validUntil, run.snapshot(partners)));
    SiteUpdate paused = SiteUpdate.builder().status(SiteStatus.PAUSED).build();
    tradingGrid.sites().update(site, current -> current.status() == SiteStatus.LIVE ? Optional.of(paused) : Optional.empty());
    return WriteResult.of(target, null).withAttributes(new Attributes(previous.cover(), validUntil.toString()).json());
  }

  /** Posts {@code notice} unless a post with its {@code externalRef} exists (a repeat after a crash). */
  private void postOnce(SitePlaylistSpec spec, String step, PostCreate notice) {
    String ref = notice.externalRef().orElseThrow();
    if (tradingGrid.posts().findByExternalRef(ref).isEmpty()) {
      tradingGrid.posts().create(notice, StepKeys.ofJson(stepFlow, KEY_PREFIX + spec.siteId(), step, notice));
      LOG.info("posted service notice {} for site {}", LogSafe.quoted(ref), spec.siteId());
    }
  }

  /** Points the site at its playlist and, when {@code goLive}, sets it live; what is in place already is not written. */
  private void linkSite(Site before, String playlistUri, boolean goLive) {
    before.playlistUri().filter(old -> !old.equals(playlistUri))
        .ifPresent(old -> LOG.info("site {} moves from playlist {} to {}", before.id(), LogSafe.text(old), playlistUri));
    tradingGrid.sites().update(before, site -> {
      boolean linked = site.playlistUri().filter(playlistUri::equals).isPresent();
      boolean live = !goLive || site.status() == SiteStatus.LIVE;
      if (linked && live) {
        return Optional.empty();
      }
      SiteUpdate.Builder change = SiteUpdate.builder().playlistUri(playlistUri);
      if (!live) {
        change.status(SiteStatus.LIVE);
      }
      return Optional.of(change.build());
    });
  }

  private void markDone(String requestId) {
    SiteRequestUpdate done = SiteRequestUpdate.builder().status(SiteRequestStatus.DONE).build();
    tradingGrid.siteRequests().update(requestId,
        request -> request.status() == SiteRequestStatus.ACCEPTED ? Optional.of(done) : Optional.empty());
  }

  /**
   * The site's playlist: the one the site links to ({@code linkedUri}, or {@code null}) when the
   * current user owns it and it carries no other site's marker (made by the flow, or one to
   * adopt), else the user's playlist with the site's marker, else the user's playlist named
   * {@code adoptName} (when given) that carries no marker.
   */
  Optional<PlaylistBase> findOwned(String siteId, String linkedUri, String adoptName) {
    Optional<String> linked = Optional.ofNullable(linkedUri).flatMap(SitePlaylistSink::playlistIdOf);
    if (linked.isPresent()) {
      Optional<PlaylistBase> p = readAdoptable(linked.get(), siteId);
      if (p.isPresent()) {
        return p;
      }
    }
    String marker = SitePlaylistSpec.marker(siteId);
    String user = me.id();
    PlaylistBase named = null;
    for (SimplifiedPlaylist p : spotify.playlists().mine()) {
      if (!p.owner().id().equals(user)) {
        continue;
      }
      String description = p.description().orElse("");
      if (description.contains(marker)) {
        return Optional.of(p);
      }
      if (named == null && adoptName != null && p.name().equals(adoptName) && !description.contains(SitePlaylistSpec.MARKER_PREFIX)) {
        named = p;
      }
    }
    return Optional.ofNullable(named);
  }

  /** The id in a site's playlist link, or empty (logged) for a link that names no playlist. */
  private static Optional<String> playlistIdOf(String uri) {
    try {
      SpotifyUri parsed = SpotifyUri.parse(uri);
      if (parsed.type() == SpotifyUri.Type.PLAYLIST) {
        return Optional.of(parsed.id());
      }
    } catch (IllegalArgumentException e) {
      // reported below: the site gets a playlist of its own and its link is replaced
    }
    LOG.warn("site playlist link {} names no Spotify playlist; it will be replaced", LogSafe.quoted(uri));
    return Optional.empty();
  }

  /** The playlist if it exists, belongs to the current user and carries no other site's marker. */
  private Optional<PlaylistBase> readAdoptable(String playlistId, String siteId) {
    try {
      Playlist p = spotify.playlists().get(playlistId);
      String description = p.description().orElse("");
      boolean othersMarker = description.contains(SitePlaylistSpec.MARKER_PREFIX) && !description.contains(SitePlaylistSpec.marker(siteId));
      return p.owner().id().equals(me.id()) && !othersMarker ? Optional.of(p) : Optional.empty();
    } catch (NotFoundException e) {
      return Optional.empty(); // deleted on Spotify, or never there: a new one is made
    }
  }

  /** The playlist if it exists, belongs to the current user and carries the site's marker. */
  private Optional<PlaylistBase> readOwned(String playlistId, String siteId) {
    try {
      Playlist p = spotify.playlists().get(playlistId);
      boolean ours = p.owner().id().equals(me.id()) && p.description().orElse("").contains(SitePlaylistSpec.marker(siteId));
      return ours ? Optional.of(p) : Optional.empty();
    } catch (NotFoundException e) {
      return Optional.empty(); // deleted on Spotify, or never there: a new one is made
    }
  }

  /**
   * What the ledger entry keeps beside the playlist id: the hash of the cover uploaded, and the
   * last day of the expired licence while the site is paused for it (else {@code null}).
   */
  private record Attributes(String cover, String pausedAfter) {

    static final Attributes NONE = new Attributes(null, null);

    static Attributes of(Optional<String> json) {
      if (json.isEmpty()) {
        return NONE;
      }
      try {
        JsonNode node = JSON.readTree(json.get());
        return new Attributes(textOf(node.path("coverSha256")), textOf(node.path("pausedAfter")));
      } catch (java.io.IOException e) {
        return NONE; // unreadable: upload the cover again, which is harmless
      }
    }

    private static String textOf(JsonNode node) {
      return node.isTextual() ? node.asText() : null;
    }

    String json() {
      com.fasterxml.jackson.databind.node.ObjectNode node = JSON.createObjectNode().put("coverSha256", cover);
      if (pausedAfter != null) {
        node.put("pausedAfter", pausedAfter);
      }
      return node.toString();
    }
  }

  @Override
  public String toString() {
    return "SitePlaylistSink{" + Objects.toString(config.flowName()) + "}";
  }
}
