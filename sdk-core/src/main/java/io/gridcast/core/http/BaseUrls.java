package io.gridcast.core.http;

import java.net.InetAddress;
import java.util.Locale;
import okhttp3.HttpUrl;

/**
 * Validates the base URLs clients are pointed at: {@code https} is required, except for
 * loopback hosts ({@code localhost}, {@code 127.0.0.0/8}, {@code ::1}) where the sandboxes run;
 * user info ({@code user:password@}) is refused.
 */
public final class BaseUrls {

  private BaseUrls() {}

  /**
   * Parses and validates a base URL, adding a trailing slash to its path when missing.
   *
   * @param name the setting's name, used in the error message (e.g. {@code "baseUrl"})
   * @throws IllegalArgumentException if the URL is missing, malformed, not http(s), carries user
   *     info, or is plain {@code http} to a host that is not loopback
   */
  public static HttpUrl require(String name, String url) {
    HttpUrl parsed = requireEndpoint(name, url);
    if (!parsed.encodedPath().endsWith("/")) {
      parsed = parsed.newBuilder().addPathSegment("").build();
    }
    return parsed;
  }

  /**
   * Parses and validates an endpoint URL (such as a token URL), keeping its path as given.
   *
   * @throws IllegalArgumentException as {@link #require}
   */
  public static HttpUrl requireEndpoint(String name, String url) {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException(name + " is missing: pass an https URL");
    }
    HttpUrl parsed = HttpUrl.parse(url.trim());
    if (parsed == null) {
      throw new IllegalArgumentException(name + " is not a valid http(s) URL: " + Redaction.truncate(url, 100));
    }
    if (!parsed.username().isEmpty() || !parsed.password().isEmpty()) {
      // a password in a URL ends up in toString() and logs; credentials have their own settings
      throw new IllegalArgumentException(name + " must not carry user info (user:password@): pass credentials"
          + " through the client's credential settings instead: " + Redaction.url(parsed));
    }
    if (!parsed.isHttps() && !isLoopback(parsed.host())) {
      throw new IllegalArgumentException(
          name + " must use https (plain http is allowed only for loopback hosts such as the"
              + " sandboxes): " + Redaction.url(parsed));
    }
    return parsed;
  }

  /** Whether the host is a loopback name or address. Does not perform DNS lookups. */
  public static boolean isLoopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.equals("localhost") || h.endsWith(".localhost")) {
      return true;
    }
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    if (h.matches("\\d{1,3}(\\.\\d{1,3}){3}") || h.contains(":")) {
      try {
        return InetAddress.getByName(h).isLoopbackAddress(); // a literal: no lookup
      } catch (Exception e) {
        return false;
      }
    }
    return false;
  }
}
