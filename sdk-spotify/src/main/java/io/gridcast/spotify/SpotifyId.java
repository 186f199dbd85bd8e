package io.gridcast.spotify;

import java.util.Objects;

/**
 * A Spotify catalog id: exactly 22 base-62 characters ({@code 0-9}, {@code a-z}, {@code A-Z}),
 * such as {@code 38bS44xjbVVZ3No3ByF1dJ}. Shows, episodes, tracks, playlists, albums and artists
 * have such ids; users do not (see {@link SpotifyUri#user(String)}).
 *
 * <p>A {@code SpotifyId} is validated on creation, so it is always safe to put in a URL path.
 * Instances are immutable and thread-safe; {@link #toString()} returns the id itself.
 */
public final class SpotifyId {

  /** The length of every Spotify catalog id. */
  public static final int LENGTH = 22;

  private final String value;

  private SpotifyId(String value) {
    this.value = value;
  }

  /**
   * Validates and wraps an id.
   *
   * @throws IllegalArgumentException if {@code value} is not exactly 22 base-62 characters; the
   *     message quotes the (truncated) value
   */
  public static SpotifyId of(String value) {
    if (!isValid(value)) {
      throw new IllegalArgumentException(
          "Not a Spotify id: "
              + InputEcho.quote(value)
              + ". A Spotify id is exactly 22 characters of 0-9, a-z and A-Z,"
              + " for example 38bS44xjbVVZ3No3ByF1dJ");
    }
    return new SpotifyId(value);
  }

  /** Returns whether {@code value} is exactly 22 base-62 characters; {@code false} for null. */
  public static boolean isValid(String value) {
    if (value == null || value.length() != LENGTH) {
      return false;
    }
    for (int i = 0; i < LENGTH; i++) {
      if (!isBase62(value.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  static boolean isBase62(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  /** Returns the id's 22 characters. */
  public String value() {
    return value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SpotifyId && ((SpotifyId) o).value.equals(value);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(value);
  }

  /** Returns the id itself. */
  @Override
  public String toString() {
    return value;
  }
}
