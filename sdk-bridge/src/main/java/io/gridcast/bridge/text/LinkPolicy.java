package io.gridcast.bridge.text;

import io.gridcast.core.LogSafe;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which remote link targets may appear in a post. A URL written by a stranger (an episode's
 * {@code external_urls}, a link in its release notes, a site's playlist) is accepted only when
 * it is an absolute {@code https} URL with a host, no user info (so
 * {@code https://open.spotify.com@evil.example/} is refused), only printable ASCII after
 * normalisation, at most {@value #MAX_URL_CHARS} characters, and on a host this policy allows.
 *
 * <p>{@link #anyHttps()} allows every host; {@link #spotify()} allows only Spotify's hosts and
 * is used for every link that claims to lead to Spotify; {@link #hosts(String...)} lists hosts
 * exactly or as {@code *.example.com}; {@link #none()} allows nothing (the default for remote
 * images). Immutable and thread-safe.
 */
public final class LinkPolicy {

  /** Longest URL accepted. */
  public static final int MAX_URL_CHARS = 2048;

  private static final LinkPolicy ANY_HTTPS = new LinkPolicy("any https host", null);
  private static final LinkPolicy NONE = new LinkPolicy("no host", List.of());
  private static final LinkPolicy SPOTIFY =
      new LinkPolicy("Spotify's hosts", List.of("open.spotify.com", "spotify.com", "*.spotify.com", "spotify.link"));

  private final String description;
  private final List<String> hosts; // null: any

  private LinkPolicy(String description, List<String> hosts) {
    this.description = description;
    this.hosts = hosts;
  }

  /** Any {@code https} URL with a host. */
  public static LinkPolicy anyHttps() {
    return ANY_HTTPS;
  }

  /** No link at all. */
  public static LinkPolicy none() {
    return NONE;
  }

  /** {@code https} URLs on {@code open.spotify.com}, {@code spotify.com} and its sub-domains, and {@code spotify.link}. */
  public static LinkPolicy spotify() {
    return SPOTIFY;
  }

  /**
   * {@code https} URLs on the given hosts: {@code "cdn.example.com"} matches that host only,
   * {@code "*.example.com"} matches {@code example.com} and every sub-domain of it.
   *
   * @throws IllegalArgumentException if no host is given or one is blank or not plain ASCII
   */
  public static LinkPolicy hosts(String... hosts) {
    if (hosts == null || hosts.length == 0) {
      throw new IllegalArgumentException("hosts: name at least one host, or use LinkPolicy.none()");
    }
    List<String> normalised = new ArrayList<>(hosts.length);
    for (String h : hosts) {
      if (h == null || h.isBlank() || !h.matches("(\\*\\.)?[A-Za-z0-9.-]+")) {
        throw new IllegalArgumentException("hosts: '" + LogSafe.text(h, 100)
            + "' is not a host name such as cdn.example.com or *.example.com");
      }
      normalised.add(h.toLowerCase(Locale.ROOT));
    }
    return new LinkPolicy(String.join(", ", normalised), List.copyOf(normalised));
  }

  /**
   * The URL as it may be written into a post (normalised, percent-encoded ASCII, with no
   * character that could end a Markdown link), or empty when this policy refuses it.
   */
  public Optional<String> check(String url) {
    if (url == null || hosts != null && hosts.isEmpty()) {
      return Optional.empty();
    }
    String candidate = url.strip();
    if (candidate.isEmpty() || candidate.length() > MAX_URL_CHARS) {
      return Optional.empty();
    }
    for (int i = 0; i < candidate.length(); i++) {
      char c = candidate.charAt(i);
      if (c <= 0x20 || c == 0x7f || c == '\\') {
        return Optional.empty(); // controls and spaces hide what a link is; browsers read '\' as '/'
      }
    }
    int fast = plainHttpsUrl(candidate);
    if (fast > 0) { // the common case, a plain ASCII https URL, checked without parsing it as a URI
      return allowsHost(candidate, 8, fast) ? Optional.of(candidate) : Optional.empty();
    }
    URI uri;
    try {
      uri = new URI(candidate);
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
    if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getRawUserInfo() != null || uri.isOpaque()) {
      return Optional.empty();
    }
    String host = uri.getHost();
    if (host == null || host.isEmpty() || host.startsWith(".") || host.endsWith(".") || !host.chars().allMatch(c -> isHostChar((char) c))) {
      return Optional.empty();
    }
    if (!allowsHost(host, 0, host.length())) {
      return Optional.empty();
    }
    String ascii = uri.toASCIIString();
    String scheme = uri.getScheme();
    if (!scheme.equals("https")) {
      ascii = "https" + ascii.substring(scheme.length());
    }
    StringBuilder out = new StringBuilder(ascii.length() + 8);
    for (int i = 0; i < ascii.length(); i++) {
      char c = ascii.charAt(i);
      switch (c) {
        case '(': out.append("%28"); break;
        case ')': out.append("%29"); break;
        case '<': out.append("%3C"); break;
        case '>': out.append("%3E"); break;
        case '"': out.append("%22"); break;
        case '\'': out.append("%27"); break;
        case '`': out.append("%60"); break;
        case '[': out.append("%5B"); break;
        case ']': out.append("%5D"); break;
        default: out.append(c);
      }
    }
    return Optional.of(out.toString());
  }

  /** Whether this policy refuses every URL. */
  public boolean allowsNothing() {
    return hosts != null && hosts.isEmpty();
  }

  /** Whether {@code url.substring(from, to)}, a host name, is one this policy allows (ASCII case ignored). */
  private boolean allowsHost(String url, int from, int to) {
    if (hosts == null) {
      return true;
    }
    int length = to - from;
    for (String allowed : hosts) {
      if (allowed.startsWith("*.")) {
        int domain = allowed.length() - 2;
        if (length == domain && url.regionMatches(true, from, allowed, 2, domain)
            || length > domain + 1 && url.charAt(to - domain - 1) == '.'
                && url.regionMatches(true, to - domain, allowed, 2, domain)) {
          return true;
        }
      } else if (length == allowed.length() && url.regionMatches(true, from, allowed, 0, length)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The end of the host when {@code url} is {@code https://host[/path][?query][#fragment]} with a
   * lower-case scheme, a plain ASCII host (letters, digits, dots, hyphens; no user info, no port)
   * and a rest made only of characters that are safe in a Markdown link and need no encoding;
   * otherwise 0, and the caller takes the general path through {@link URI}.
   */
  private static int plainHttpsUrl(String url) {
    if (!url.startsWith("https://")) {
      return 0;
    }
    int i = 8;
    int n = url.length();
    while (i < n) {
      char c = url.charAt(i);
      if (c == '/' || c == '?' || c == '#') {
        break;
      }
      if (!isHostChar(c)) {
        return 0; // user info, a port, or something else: let the URI parser decide
      }
      i++;
    }
    int hostEnd = i;
    if (hostEnd == 8 || url.charAt(8) == '.' || url.charAt(hostEnd - 1) == '.') {
      return 0;
    }
    for (; i < n; i++) {
      char c = url.charAt(i);
      boolean safe = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
          || "-._~/?#:@!$&*+,;=".indexOf(c) >= 0
          || c == '%' && i + 2 < n && isHex(url.charAt(i + 1)) && isHex(url.charAt(i + 2));
      if (!safe) {
        return 0;
      }
    }
    return hostEnd;
  }

  private static boolean isHostChar(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-';
  }

  private static boolean isHex(char c) {
    return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
  }

  @Override
  public String toString() {
    return "LinkPolicy[https on " + description + "]";
  }
}
