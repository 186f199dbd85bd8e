package io.gridcast.bridge.flows;

import io.gridcast.bridge.RunContext;
import io.gridcast.bridge.Fingerprints;
import io.gridcast.bridge.Mapper;
import io.gridcast.spotify.SpotifyUri;
import io.gridcast.tradinggrid.model.Site;
import io.gridcast.tradinggrid.model.SiteRequest;
import io.gridcast.tradinggrid.model.SiteStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The default playlist of a site: the configured programme for its region, then the
 * instructions of its accepted playlist-change requests, oldest first; named after the site
 * (or as the latest {@code rename} says); the configured cover. Depends only on Trading Grid's
 * side, the run's clock and on whether the site's linked playlist still exists, so edits made on
 * Spotify are left alone until the site's programme changes, while a deleted playlist is made
 * again.
 *
 * <p>By the run's clock, in the site's time zone: a site whose licence expired is
 * {@linkplain SitePlaylistSpec.Status#PAUSED paused}; a planned site before its rollout date is
 * {@linkplain SitePlaylistSpec.Status#PENDING pending} (its new-site request stays accepted
 * until it goes live); every other site is live. Pure for a given run start; thread-safe.
 */
final class SitePlaylistMapper implements Mapper<SiteProgramme, SitePlaylistSpec> {

  private final BusinessMusicConfig config;
  private final String coverSha256;

  public SitePlaylistMapper(BusinessMusicConfig config) {
    this.config = config;
    this.coverSha256 = config.coverJpeg().map(Fingerprints::sha256Hex).orElse(null);
  }

  @Override
  public SitePlaylistSpec map(SiteProgramme source, RunContext run) {
    Site site = source.site();
    SitePlaylistSpec.Status status = statusOf(site, run.startedAt());
    List<String> items = new ArrayList<>(new LinkedHashSet<>(normalised(config.programmeFor(site))));
    String name = config.playlistNamePrefix() + site.name();
    List<String> requestIds = new ArrayList<>();
    for (SiteRequest r : source.requests()) {
      if (!SiteProgramme.carriedOut(r)) {
        continue;
      }
      switch (r.type()) {
        case NEW_SITE:
          if (status == SitePlaylistSpec.Status.LIVE) {
            requestIds.add(r.id()); // carried out when the site goes live
          }
          break;
        case LICENCE:
          if (status != SitePlaylistSpec.Status.PAUSED) {
            requestIds.add(r.id());
          }
          break;
        case PLAYLIST_CHANGE:
          List<PlaylistChange> changes;
          try {
            changes = PlaylistChange.parse(r.details());
          } catch (IllegalArgumentException e) {
            continue; // accepted by a person with free-text details: theirs to carry out
          }
          if (changes.isEmpty()) {
            continue;
          }
          for (PlaylistChange c : changes) {
            if (c.action() == PlaylistChange.Action.RENAME) {
              name = c.name();
            } else {
              c.applyTo(items);
            }
          }
          if (status != SitePlaylistSpec.Status.PAUSED) {
            requestIds.add(r.id()); // carried out once the licence is renewed
          }
          break;
        default:
          break;
      }
    }
    String description = "Music programme for " + site.name() + " (" + site.region() + ", " + site.timezone()
        + "), kept by Gridcast from Trading Grid. " + SitePlaylistSpec.marker(site.id());
    return new SitePlaylistSpec(site.id(), name, description, items, coverSha256, requestIds, status,
        site.playlistUri().orElse(null), source.playlistMissing());
  }

  /**
   * Paused when the licence expired; live when the site is live (or paused) already or its
   * rollout date has come; pending otherwise.
   *
   * @throws IllegalArgumentException when the site's time zone is not an IANA zone
   */
  static SitePlaylistSpec.Status statusOf(Site site, Instant now) {
    if (SiteCalendar.licenceExpired(site, now)) {
      return SitePlaylistSpec.Status.PAUSED;
    }
    boolean started = site.status() == SiteStatus.LIVE || site.status() == SiteStatus.PAUSED;
    return started || SiteCalendar.rolloutDue(site, now) ? SitePlaylistSpec.Status.LIVE : SitePlaylistSpec.Status.PENDING;
  }

  private static List<String> normalised(List<String> uris) {
    List<String> out = new ArrayList<>(uris.size());
    for (String u : uris) {
      out.add(SpotifyUri.parse(u).toString());
    }
    return out;
  }
}
