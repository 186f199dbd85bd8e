package io.gridcast.bridge.flows;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.gridcast.bridge.Flow;
import java.util.List;
import java.util.Objects;

/**
 * What a site's Spotify playlist should be, and which site requests it carries out. Immutable.
 *
 * @param siteId the site
 * @param name the playlist name
 * @param description the playlist description, ending with the site's {@link #marker}
 * @param items the track and episode URIs, distinct, in order
 * @param coverSha256 the SHA-256 of the cover JPEG, or {@code null} for no cover
 * @param requestIds the accepted requests this playlist carries out (marked done once it does)
 * @param status what the site should be: pending (its playlist prepared ahead of its rollout),
 *     live, or paused (its licence expired: the playlist is left as it is)
 * @param linkedPlaylistUri the playlist the site names as the run read it, or {@code null}: where
 *     a first sync looks for a playlist to adopt (not part of the fingerprint)
 * @param playlistMissing whether the site's playlist is gone from Spotify (so this sync makes it
 *     again even though nothing else changed)
 */
record SitePlaylistSpec(String siteId, String name, String description, List<String> items,
    String coverSha256, List<String> requestIds, Status status, @JsonIgnore String linkedPlaylistUri,
    @JsonIgnore boolean playlistMissing) {

  /** What the flow makes of a site. */
  enum Status {
    /** Licensed, before its rollout date: the playlist is prepared, the site stays planned. */
    PENDING,
    /** Licensed and rolled out: the playlist is kept and the site is live. */
    LIVE,
    /** Its licence expired: the playlist is left as it is and the site is paused until it is renewed. */
    PAUSED
  }

  public SitePlaylistSpec {
    Objects.requireNonNull(siteId, "siteId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    items = List.copyOf(items);
    requestIds = List.copyOf(requestIds);
  }

  /**
   * The tag in a playlist's description that ties it to its site, so that a playlist created by
   * a run that crashed before recording it is found again instead of created twice.
   */
  public static String marker(String siteId) {
    return MARKER_PREFIX + siteId + "]";
  }

  /** How every site's {@link #marker} starts. */
  static final String MARKER_PREFIX = "[gridcast:site:";

  /**
   * The content fingerprint: the JSON of the spec, marked when the playlist is missing so that
   * the item is not skipped as unchanged while its playlist is gone (and unchanged otherwise).
   */
  String fingerprint() {
    return playlistMissing ? Flow.jsonFingerprint(List.of("playlist-missing", this)) : Flow.jsonFingerprint(this);
  }
}
