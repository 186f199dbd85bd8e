package io.gridcast.bridge.flows;

import io.gridcast.tradinggrid.model.Site;
import io.gridcast.tradinggrid.model.SiteRequest;
import io.gridcast.tradinggrid.model.SiteRequestStatus;
import io.gridcast.tradinggrid.model.SiteRequestType;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A site with its requests and its playlist's presence on Spotify, as
 * {@link BusinessMusicFlow}'s playlist phase reads them. Immutable.
 *
 * @param site the site
 * @param requests its requests, oldest first
 * @param playlistSnapshotId the snapshot id of the playlist the site links to, read now, when
 *     that playlist exists, belongs to the current user and carries the site's marker; empty
 *     otherwise (not linked yet, linked to another playlist, or gone)
 * @param playlistMissing whether the playlist the last sync made for the site is gone (deleted
 *     on Spotify, or the site no longer links to a playlist of the flow): the playlist phase
 *     must make it again (or link it again)
 */
record SiteProgramme(Site site, List<SiteRequest> requests, Optional<String> playlistSnapshotId,
    boolean playlistMissing) {

  public SiteProgramme {
    Objects.requireNonNull(site, "site");
    requests = List.copyOf(requests);
    Objects.requireNonNull(playlistSnapshotId, "playlistSnapshotId");
  }

  /** The stable source key: {@code tradinggrid:site:<id>}. */
  public String key() {
    return "tradinggrid:site:" + site.id();
  }

  /** Whether the site has licence documents: no music is programmed for a site without them. */
  public boolean licensed() {
    return !site.licenceDocumentIds().isEmpty();
  }

  /**
   * Whether the flow manages the site's playlist: licensed, not suspended, and live, paused (by
   * the flow, for an expired licence) or with an accepted (or done) new-site request.
   */
  public boolean managed() {
    if (!licensed()) {
      return false;
    }
    switch (site.status()) {
      case LIVE:
      case PAUSED:
        return true;
      case PLANNED:
        return requests.stream().anyMatch(r -> r.type() == SiteRequestType.NEW_SITE && carriedOut(r));
      default:
        return false;
    }
  }

  /** Accepted or done: the requests whose effect the site's playlist carries. */
  static boolean carriedOut(SiteRequest r) {
    return r.status() == SiteRequestStatus.ACCEPTED || r.status() == SiteRequestStatus.DONE;
  }
}
