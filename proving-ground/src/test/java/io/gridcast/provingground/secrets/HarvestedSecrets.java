package io.gridcast.provingground.secrets;

import io.gridcast.core.Secret;
import io.gridcast.core.auth.TokenStore;
import io.gridcast.testkit.SandboxExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.FormBody;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Every secret a run used, by kind: the fixed ones it was configured with, and the ones it
 * picked up on the wire: {@code Authorization} values the sandboxes received (through their
 * observers), token requests and responses a client's network interceptor saw, and refresh
 * tokens a token store was given. Thread-safe: sandboxes report from their worker threads.
 */
final class HarvestedSecrets {

  /** A token value cut short (a malformed response) still counts when it is at least this long. */
  static final int SHORTEST = 8;
  private static final int SHORTEST_PARTIAL = SecretScanner.WINDOW;
  private static final Pattern TOKEN_FIELD = Pattern.compile("\"(access_token|refresh_token)\"\\s*:\\s*\"([^\"]*)");

  private final Map<SecretKind, Set<String>> byKind = new ConcurrentHashMap<>();
  private final AtomicInteger refreshTokensSaved = new AtomicInteger();

  /**
   * Adds a value. Values shorter than {@value #SHORTEST} characters are ignored: looking for them
   * would flag innocent text, and no credential of these runs is that short.
   */
  void add(SecretKind kind, String value) {
    if (value != null && value.strip().length() >= SHORTEST) {
      byKind.computeIfAbsent(kind, k -> ConcurrentHashMap.newKeySet()).add(value);
    }
  }

  /** How many distinct values of {@code kind} were harvested. */
  int count(SecretKind kind) {
    return byKind.getOrDefault(kind, Set.of()).size();
  }

  /** A copy of everything harvested. */
  Map<SecretKind, Set<String>> snapshot() {
    Map<SecretKind, Set<String>> copy = new EnumMap<>(SecretKind.class);
    byKind.forEach((k, v) -> copy.put(k, Set.copyOf(v)));
    return copy;
  }

  /** How many times a recording token store was handed a refresh token (the first and each rotation). */
  int refreshTokensSaved() {
    return refreshTokensSaved.get();
  }

  /** Harvests the {@code Authorization} value of a request a sandbox answered. */
  void fromExchange(SecretKind bearerKind, SandboxExchange exchange) {
    Optional<String> header = exchange.header("authorization");
    if (header.isEmpty()) {
      return;
    }
    String value = header.get().trim();
    if (value.regionMatches(true, 0, "Bearer ", 0, 7)) {
      add(bearerKind, value.substring(7).trim());
    } else if (value.regionMatches(true, 0, "Basic ", 0, 6)) {
      String encoded = value.substring(6).trim();
      add(SecretKind.BASIC_CREDENTIALS, encoded);
      try {
        String pair = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        add(SecretKind.CLIENT_SECRET, pair.substring(pair.indexOf(':') + 1));
      } catch (IllegalArgumentException e) {
        // not Base64: the whole value is harvested above
      }
    } else {
      add(bearerKind, value); // no scheme the SDK sends: most likely a bare token
    }
  }

  /**
   * A network interceptor that harvests what goes to and comes from token endpoints: the
   * credentials and codes in the form, and the tokens in the answer, even when the answer was
   * cut short.
   */
  Interceptor tokenEndpointTap(SecretKind accessTokenKind) {
    return chain -> {
      Request request = chain.request();
      boolean tokenCall = request.url().encodedPath().endsWith("/token");
      if (tokenCall && request.body() instanceof FormBody form) {
        for (int i = 0; i < form.size(); i++) {
          String value = form.value(i);
          formField(form.name(i)).ifPresent(kind -> add(kind, value));
        }
      }
      Response response = chain.proceed(request);
      if (tokenCall) {
        try {
          harvestTokens(accessTokenKind, response.peekBody(1 << 20).string());
        } catch (IOException e) {
          // the body broke off: what arrived before is all a caller could have seen
        }
      }
      return response;
    };
  }

  /** A token store that records each refresh token it is given before passing it on. */
  TokenStore recording(TokenStore delegate) {
    return new TokenStore() {
      @Override
      public Optional<Secret> loadRefreshToken() {
        return delegate.loadRefreshToken();
      }

      @Override
      public void saveRefreshToken(Secret refreshToken) {
        add(SecretKind.SPOTIFY_REFRESH_TOKEN, refreshToken.reveal());
        refreshTokensSaved.incrementAndGet();
        delegate.saveRefreshToken(refreshToken);
      }
    };
  }

  private void harvestTokens(SecretKind accessTokenKind, String body) {
    Matcher m = TOKEN_FIELD.matcher(body);
    while (m.find()) {
      String value = m.group(2);
      boolean whole = m.end() < body.length() && body.charAt(m.end()) == '"';
      if (whole || value.length() >= SHORTEST_PARTIAL) {
        add(m.group(1).equals("access_token") ? accessTokenKind : SecretKind.SPOTIFY_REFRESH_TOKEN, value);
      }
    }
  }

  private static Optional<SecretKind> formField(String name) {
    return Optional.ofNullable(switch (name) {
      case "client_secret" -> SecretKind.CLIENT_SECRET;
      case "password" -> SecretKind.PASSWORD;
      case "refresh_token" -> SecretKind.SPOTIFY_REFRESH_TOKEN;
      case "code" -> SecretKind.AUTHORIZATION_CODE;
      case "code_verifier" -> SecretKind.PKCE_VERIFIER;
      default -> null;
    });
  }
}
