package io.gridcast.bridge.flows;

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
 */
public record SitePlaylistSpec(String siteId, String name, String description, List<String> items,
    String coverSha256, List<String> requestIds) {

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
}
