package io.gridcast.spotify;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A Spotify market: an ISO 3166-1 alpha-2 country code such as {@code DE}, or
 * {@link #FROM_TOKEN} (the market of the user the access token belongs to). Immutable.
 */
public final class Market {

  /** The user's own market, taken from the access token. */
  public static final Market FROM_TOKEN = new Market("from_token");

  private static final Pattern CODE = Pattern.compile("[A-Z]{2}");

  private final String value;

  private Market(String value) {
    this.value = value;
  }

  /**
   * @throws IllegalArgumentException unless {@code code} is two letters or {@code from_token}
   */
  public static Market of(String code) {
    if (code == null) {
      throw new IllegalArgumentException("market is missing: pass an ISO 3166-1 alpha-2 code such as \"DE\"");
    }
    if (code.equals("from_token")) {
      return FROM_TOKEN;
    }
    String upper = code.toUpperCase(Locale.ROOT);
    if (!CODE.matcher(upper).matches()) {
      throw new IllegalArgumentException("market must be an ISO 3166-1 alpha-2 code such as \"DE\" or \"from_token\", was: "
          + (code.length() > 20 ? code.substring(0, 20) + "…" : code));
    }
    return new Market(upper);
  }

  /** The code as sent to Spotify. */
  public String code() {
    return value;
  }

  static String codeOrNull(Market m) {
    return m == null ? null : m.value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Market && ((Market) o).value.equals(value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
