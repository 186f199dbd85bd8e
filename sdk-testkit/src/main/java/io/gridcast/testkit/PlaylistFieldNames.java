package io.gridcast.testkit;

/**
 * Which field names the Spotify sandbox uses for playlist contents.
 *
 * <p>Spotify renamed a playlist's {@code tracks} to {@code items} and a playlist item's {@code
 * track} to {@code item}; the old names are deprecated but still sent alongside the new ones, and
 * older payloads carry only the old names. Pick the shape your decoder must survive.
 */
public enum PlaylistFieldNames {
  /** Only {@code items} / {@code item}. */
  CURRENT_ONLY,
  /** Both {@code items} / {@code item} and the deprecated {@code tracks} / {@code track}. The default. */
  CURRENT_AND_DEPRECATED,
  /** Only the deprecated {@code tracks} / {@code track}, as in older payloads. */
  DEPRECATED_ONLY;

  boolean current() {
    return this != DEPRECATED_ONLY;
  }

  boolean deprecated() {
    return this != CURRENT_ONLY;
  }
}
