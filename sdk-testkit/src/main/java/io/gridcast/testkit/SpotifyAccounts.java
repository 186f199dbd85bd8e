package io.gridcast.testkit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The emulated accounts service: {@code POST /api/token} (client credentials, authorization code
 * with or without PKCE, refresh token with rotation), {@code GET /authorize} (auto-approving) and
 * bearer-token checks for the Web API.
 *
 * <p>Errors follow Spotify's accounts service: {@code {"error":"invalid_grant",
 * "error_description":"..."}} with 400, or 401 for a bad client authenticated through Basic
 * auth. Thread-safe.
 */
final class SpotifyAccounts {

  /** Every scope the sandbox knows; user tokens from the test helpers carry all of them. */
  static final Set<String> ALL_SCOPES = Set.of(
      "playlist-read-private", "playlist-read-collaborative", "playlist-modify-public", "playlist-modify-private",
      "user-library-read", "user-library-modify", "user-read-private", "user-read-email",
      "user-read-playback-position", "ugc-image-upload");

  record AccessToken(String value, String clientId, String userId, Set<String> scopes, Instant expiresAt) {
    boolean isUser() {
      return userId != null;
    }

    boolean has(String scope) {
      return scopes.contains(scope);
    }
  }

  private record AuthCode(String clientId, String redirectUri, String challenge, Set<String> scopes, Instant expiresAt) {}

  private record RefreshGrant(String clientId, String userId, Set<String> scopes, boolean revoked) {}

  private static final Duration CODE_LIFETIME = Duration.ofMinutes(10);

  private final String clientId;
  private final String clientSecret;
  private final String userId;
  private final Clock clock;
  private final Duration tokenLifetime;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, AccessToken> tokens = new ConcurrentHashMap<>();
  private final Map<String, AuthCode> codes = new ConcurrentHashMap<>();
  private final Map<String, RefreshGrant> refreshTokens = new ConcurrentHashMap<>();

  SpotifyAccounts(String clientId, String clientSecret, String userId, Clock clock, Duration tokenLifetime) {
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.userId = userId;
    this.clock = clock;
    this.tokenLifetime = tokenLifetime;
  }

  // ---- test helpers -------------------------------------------------------------------------

  AccessToken issueClientToken() {
    return newAccessToken(clientId, null, Set.of());
  }

  AccessToken issueUserToken(Set<String> scopes) {
    return newAccessToken(clientId, userId, scopes);
  }

  String issueAuthorizationCode(String client, String redirectUri, String codeChallenge, Set<String> scopes) {
    if (!clientId.equals(client)) {
      throw new IllegalArgumentException("unknown client id " + client + "; the sandbox app is " + clientId);
    }
    String code = randomToken(48);
    codes.put(code, new AuthCode(client, redirectUri, codeChallenge, Set.copyOf(scopes), clock.instant().plus(CODE_LIFETIME)));
    return code;
  }

  /** RFC 7636 S256: BASE64URL-ENCODE(SHA256(ASCII(code_verifier))), without padding. */
  static String s256(String codeVerifier) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(SpotifyIds.sha256(codeVerifier.getBytes(StandardCharsets.US_ASCII)));
  }

  // ---- bearer checks ------------------------------------------------------------------------

  AccessToken authenticate(SandboxRequest request) {
    String header = request.header("Authorization").orElse(null);
    if (header == null || header.isBlank()) {
      throw new SandboxHttpException(401, "No token provided");
    }
    if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw SandboxHttpException.badRequest("Only valid bearer authentication supported");
    }
    AccessToken token = tokens.get(header.substring(7).trim());
    if (token == null) {
      throw new SandboxHttpException(401, "Invalid access token");
    }
    if (!clock.instant().isBefore(token.expiresAt())) {
      throw new SandboxHttpException(401, "The access token expired");
    }
    return token;
  }

  // ---- /authorize ---------------------------------------------------------------------------

  SandboxResponse authorize(SandboxRequest request) {
    String client = request.query("client_id").orElse("");
    String redirectUri = request.query("redirect_uri").orElse("");
    if (!clientId.equals(client)) {
      return SandboxResponse.text(400, "INVALID_CLIENT: Invalid client");
    }
    if (redirectUri.isEmpty()) {
      return SandboxResponse.text(400, "INVALID_CLIENT: Invalid redirect URI");
    }
    String state = request.query("state").orElse(null);
    if (!"code".equals(request.query("response_type").orElse(""))) {
      return SandboxResponse.redirect(redirect(redirectUri, "error", "unsupported_response_type", state));
    }
    String challenge = request.query("code_challenge").orElse(null);
    if (challenge != null && !"S256".equals(request.query("code_challenge_method").orElse(""))) {
      return SandboxResponse.redirect(redirect(redirectUri, "error", "invalid_request", state));
    }
    var scopes = new LinkedHashSet<String>();
    for (String s : request.query("scope").orElse("").split("[ +]")) {
      if (!s.isBlank()) {
        scopes.add(s);
      }
    }
    String code = issueAuthorizationCode(client, redirectUri, challenge, scopes);
    return SandboxResponse.redirect(redirect(redirectUri, "code", code, state));
  }

  private static String redirect(String redirectUri, String name, String value, String state) {
    String location = redirectUri + (redirectUri.contains("?") ? "&" : "?") + name + "=" + enc(value);
    return state == null ? location : location + "&state=" + enc(state);
  }

  // ---- /api/token ---------------------------------------------------------------------------

  SandboxResponse token(SandboxRequest request) {
    if (!request.header("Content-Type").orElse("").startsWith("application/x-www-form-urlencoded")) {
      return oauthError(400, "invalid_request", "Content-Type must be application/x-www-form-urlencoded");
    }
    Map<String, String> form = request.form();
    ClientAuth auth = clientAuth(request, form);
    String grantType = form.get("grant_type");
    if (grantType == null || grantType.isEmpty()) {
      return oauthError(400, "unsupported_grant_type", "grant_type parameter is missing");
    }
    switch (grantType) {
      case "client_credentials":
        return clientCredentials(auth);
      case "authorization_code":
        return authorizationCode(auth, form);
      case "refresh_token":
        return refresh(auth, form);
      default:
        return oauthError(400, "unsupported_grant_type", "grant_type parameter is invalid");
    }
  }

  private record ClientAuth(String clientId, String secret, boolean basic) {}

  private ClientAuth clientAuth(SandboxRequest request, Map<String, String> form) {
    Optional<String> header = request.header("Authorization");
    if (header.isPresent() && header.get().regionMatches(true, 0, "Basic ", 0, 6)) {
      String decoded;
      try {
        decoded = new String(Base64.getDecoder().decode(header.get().substring(6).trim()), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return new ClientAuth("", "", true);
      }
      int colon = decoded.indexOf(':');
      return colon < 0 ? new ClientAuth(decoded, "", true) : new ClientAuth(decoded.substring(0, colon), decoded.substring(colon + 1), true);
    }
    return new ClientAuth(form.getOrDefault("client_id", ""), form.get("client_secret"), false);
  }

  /** Null when the client is a known client with the right secret, otherwise the error. */
  private SandboxResponse confidentialClientError(ClientAuth auth) {
    if (!clientId.equals(auth.clientId())) {
      return oauthError(auth.basic() ? 401 : 400, "invalid_client", "Invalid client");
    }
    if (auth.secret() == null || !constantTimeEquals(clientSecret, auth.secret())) {
      return oauthError(auth.basic() ? 401 : 400, "invalid_client", "Invalid client secret");
    }
    return null;
  }

  private SandboxResponse clientCredentials(ClientAuth auth) {
    SandboxResponse error = confidentialClientError(auth);
    if (error != null) {
      return error;
    }
    AccessToken token = newAccessToken(clientId, null, Set.of());
    return tokenResponse(token, null);
  }

  private SandboxResponse authorizationCode(ClientAuth auth, Map<String, String> form) {
    String code = form.get("code");
    String redirectUri = form.get("redirect_uri");
    if (code == null || code.isEmpty()) {
      return oauthError(400, "invalid_request", "code parameter is missing");
    }
    if (redirectUri == null || redirectUri.isEmpty()) {
      return oauthError(400, "invalid_request", "redirect_uri parameter is missing");
    }
    String verifier = form.get("code_verifier");
    boolean publicClient = auth.secret() == null && !auth.basic();
    if (publicClient) {
      if (!clientId.equals(auth.clientId())) {
        return oauthError(400, "invalid_client", "Invalid client");
      }
    } else {
      SandboxResponse error = confidentialClientError(auth);
      if (error != null) {
        return error;
      }
    }
    AuthCode grant = codes.remove(code);
    if (grant == null || !clock.instant().isBefore(grant.expiresAt()) || !grant.clientId().equals(auth.clientId())) {
      return oauthError(400, "invalid_grant", "Invalid authorization code");
    }
    if (!grant.redirectUri().equals(redirectUri)) {
      return oauthError(400, "invalid_grant", "Invalid redirect URI");
    }
    if (grant.challenge() != null || publicClient) {
      if (verifier == null || verifier.isEmpty()) {
        return oauthError(400, "invalid_request", "code_verifier required");
      }
      if (grant.challenge() == null || !constantTimeEquals(grant.challenge(), s256(verifier))) {
        return oauthError(400, "invalid_grant", "code_verifier was incorrect");
      }
    }
    AccessToken token = newAccessToken(clientId, userId, grant.scopes());
    String refresh = randomToken(96);
    refreshTokens.put(refresh, new RefreshGrant(clientId, userId, grant.scopes(), false));
    return tokenResponse(token, refresh);
  }

  private SandboxResponse refresh(ClientAuth auth, Map<String, String> form) {
    String presented = form.get("refresh_token");
    if (presented == null || presented.isEmpty()) {
      return oauthError(400, "invalid_request", "refresh_token must be supplied");
    }
    boolean publicClient = auth.secret() == null && !auth.basic();
    if (publicClient) {
      if (!clientId.equals(auth.clientId())) {
        return oauthError(400, "invalid_client", "Invalid client");
      }
    } else {
      SandboxResponse error = confidentialClientError(auth);
      if (error != null) {
        return error;
      }
    }
    RefreshGrant grant = refreshTokens.get(presented);
    if (grant == null || !grant.clientId().equals(auth.clientId())) {
      return oauthError(400, "invalid_grant", "Invalid refresh token");
    }
    if (grant.revoked()) {
      return oauthError(400, "invalid_grant", "Refresh token revoked");
    }
    // Rotation: the presented refresh token is spent; the response carries its successor.
    refreshTokens.put(presented, new RefreshGrant(grant.clientId(), grant.userId(), grant.scopes(), true));
    String next = randomToken(96);
    refreshTokens.put(next, new RefreshGrant(grant.clientId(), grant.userId(), grant.scopes(), false));
    return tokenResponse(newAccessToken(grant.clientId(), grant.userId(), grant.scopes()), next);
  }

  private AccessToken newAccessToken(String client, String user, Set<String> scopes) {
    AccessToken token = new AccessToken("BQ" + randomToken(120), client, user, Set.copyOf(scopes), clock.instant().plus(tokenLifetime));
    tokens.put(token.value(), token);
    return token;
  }

  private SandboxResponse tokenResponse(AccessToken token, String refreshToken) {
    ObjectNode body = SandboxJson.object();
    body.put("access_token", token.value());
    body.put("token_type", "Bearer");
    body.put("expires_in", tokenLifetime.toSeconds());
    if (token.isUser()) {
      body.put("scope", String.join(" ", token.scopes().stream().sorted().toList()));
    }
    if (refreshToken != null) {
      body.put("refresh_token", refreshToken);
    }
    return SandboxResponse.json(200, body).withHeader("Cache-Control", "no-store");
  }

  static SandboxResponse oauthError(int status, String error, String description) {
    ObjectNode body = SandboxJson.object().put("error", error).put("error_description", description);
    return SandboxResponse.json(status, body);
  }

  private String randomToken(int length) {
    byte[] bytes = new byte[length * 3 / 4 + 1];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).substring(0, length);
  }

  private static boolean constantTimeEquals(String a, String b) {
    return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "SpotifyAccounts{client=" + clientId + ", tokens=" + tokens.size() + "}";
  }
}
