package io.gridcast.core.http;

import java.util.Locale;
import java.util.Set;
import okhttp3.HttpUrl;

/**
 * Removes secrets from what Gridcast logs or puts in exception messages: query parameters whose
 * names suggest a credential ({@code access_token}, {@code code}, {@code client_secret},
 * {@code password}, …) are replaced by {@code ██}, and user info is dropped. Stateless.
 */
public final class Redaction {

  /** What replaces a redacted value. */
  public static final String MASK = "██";

  private static final Set<String> SENSITIVE_HEADERS =
      Set.of("authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key");

  private Redaction() {}

  /** The URL with user info removed and sensitive query values masked. */
  public static String url(HttpUrl url) {
    HttpUrl.Builder b = url.newBuilder().username("").password("");
    for (String name : url.queryParameterNames()) {
      if (isSensitiveName(name)) {
        b.setQueryParameter(name, MASK);
      }
    }
    return b.build().toString();
  }

  /** Whether a header's value must never be logged. */
  public static boolean isSensitiveHeader(String name) {
    return SENSITIVE_HEADERS.contains(name.toLowerCase(Locale.ROOT)) || isSensitiveName(name);
  }

  /** Whether a parameter or field name suggests a credential. */
  public static boolean isSensitiveName(String name) {
    String n = name.toLowerCase(Locale.ROOT).replace("-", "_");
    return n.contains("token") || n.contains("secret") || n.contains("password")
        || n.equals("code") || n.equals("code_verifier") || n.contains("signature")
        || n.equals("key") || n.endsWith("_key") || n.equals("assertion");
  }

  /** Cuts text to at most {@code max} characters, marking the cut. */
  public static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max) + "…";
  }
}
