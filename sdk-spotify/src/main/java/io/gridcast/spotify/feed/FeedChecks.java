package io.gridcast.spotify.feed;

import java.net.URI;

/** Argument checks shared by the feed models; messages name the field. */
final class FeedChecks {

  private FeedChecks() {}

  static void notBlank(String value, String field) {
    if (value.isBlank()) {
      throw new IllegalArgumentException(field + " must not be blank");
    }
  }

  static void httpUrl(URI url, String field) {
    String scheme = url.getScheme();
    if (!url.isAbsolute()
        || url.getHost() == null
        || !("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme))) {
      throw new IllegalArgumentException(
          field + " must be an absolute http(s) URL, got '" + shorten(url.toString()) + "'");
    }
  }

  static String shorten(String value) {
    return value.length() > 100 ? value.substring(0, 100) + "..." : value;
  }
}
