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
 * @param playlistMissing whether the site's playlist is gone from Spotify (so this sync makes it
 *     again even though nothing else changed)
 */
record SitePlaylistSpec(String siteId, String name, String description, List<String> items,
    String coverSha256, List<String> requestIds, @JsonIgnore boolean playlistMissing) {

  public SitePlaylistSpec {
    Objects.requireNonNull(siteId, "siteId");
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
    return "[gridcast:site:" + siteId + "]";
  }

  /**
   * The content fingerprint: the JSON of the spec, marked when the playlist is missing so that
   * the item is not skipped as unchanged while its playlist is gone (and unchanged otherwise).
   */
  String fingerprint() {
    return playlistMissing ? Flow.jsonFingerprint(List.of("playlist-missing", this)) : Flow.jsonFingerprint(this);
  }
}
