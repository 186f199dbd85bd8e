package io.gridcast.testkit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The per-tenant OAuth 2.0 token endpoint of the Trading Grid sandbox, {@code POST
 * /tenants/{tenantId}/oauth2/token}, and the bearer-token check of every API call.
 *
 * <p>Grants: {@code client_credentials} and {@code password}; the client authenticates with HTTP
 * Basic or with {@code client_id}/{@code client_secret} form fields, not both. Errors follow RFC
 * 6749 §5.2: {@code 400} with {@code invalid_request}, {@code invalid_grant}, {@code
 * unauthorized_client}, {@code unsupported_grant_type} or {@code invalid_scope}; {@code 401
 * invalid_client} (with {@code WWW-Authenticate} when Basic was used) for a wrong client or an
 * unknown tenant. Tokens are bound to their tenant and expire after the configured lifetime.
 * Thread-safe.
 */
final class TgTokens {

  static final Set<String> SCOPES = Set.of("community.read", "community.write");
  private static final String DEFAULT_SCOPE = "community.read community.write";

  /** A tenant's registered client, its users, and whether it insists on the password grant. */
  record Tenant(String id, String clientId, String clientSecret, Map<String, String> users, boolean passwordGrantOnly) {}

  /** An issued access token. */
  record Token(String tenantId, String subject, Set<String> scopes, Instant expiresAt) {}

  private final Map<String, Tenant> tenants;
  private final Clock clock;
  private final Duration lifetime;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Token> tokens = new ConcurrentHashMap<>();

  TgTokens(Map<String, Tenant> tenants, Clock clock, Duration lifetime) {
    this.tenants = Map.copyOf(tenants);
    this.clock = clock;
    this.lifetime = lifetime;
  }

  Optional<Tenant> tenant(String id) {
    return Optional.ofNullable(tenants.get(id));
  }

  /** Issues a token directly, as if the tenant's client had asked for one. */
  String issue(String tenantId, String subject) {
    if (!tenants.containsKey(tenantId)) {
      throw new IllegalArgumentException("no tenant " + tenantId + " in the sandbox; configure it with Builder.tenant(...)");
    }
    return newToken(tenantId, subject, SCOPES).value;
  }

  void revokeAll() {
    tokens.clear();
  }

  /**
   * The token of an API request.
   *
   * @throws TgApiException 401 {@code unauthorized} if it is missing, unknown or expired
   */
  Token authenticate(SandboxRequest request) {
    String header = request.header("Authorization").orElse("");
    if (!header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() <= 7) {
      throw TgApiException.unauthorized("Send Authorization: Bearer <access_token> (get one from the tenant's token endpoint).");
    }
    Token token = tokens.get(header.substring(7).trim());
    if (token == null) {
      throw TgApiException.unauthorized("The access token is not valid or was revoked.");
    }
    if (!clock.instant().isBefore(token.expiresAt())) {
      tokens.remove(header.substring(7).trim());
      throw TgApiException.unauthorized("The access token has expired.");
    }
    return token;
  }

  /** Answers {@code POST /tenants/{tenantId}/oauth2/token}. */
  SandboxResponse token(SandboxRequest request) {
    String requestId = TgErrorFormat.requestIdFor(request);
    boolean basic = request.header("Authorization").map(h -> h.regionMatches(true, 0, "Basic ", 0, 6)).orElse(false);
    SandboxResponse response;
    try {
      response = grant(request, basic);
    } catch (OAuthError e) {
      ObjectNode body = SandboxJson.object().put("error", e.error).put("error_description", e.getMessage());
      response = SandboxResponse.json(e.status, body);
      if (e.status == 401 && basic) {
        response = response.withHeader("WWW-Authenticate", "Basic realm=\"tradinggrid\"");
      }
    }
    return response.withHeader("Cache-Control", "no-store").withHeader("X-Request-Id", requestId);
  }

  private SandboxResponse grant(SandboxRequest request, boolean basic) {
    if (!request.header("Content-Type").orElse("").toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
      throw new OAuthError(400, "invalid_request", "Send the token request as application/x-www-form-urlencoded.");
    }
    Map<String, String> form = request.form();
    String tenantId = request.pathParam("tenantId");
    String clientId;
    String clientSecret;
    if (basic) {
      if (form.containsKey("client_id") || form.containsKey("client_secret")) {
        throw new OAuthError(400, "invalid_request", "Authenticate the client with HTTP Basic or with form fields, not both.");
      }
      String[] pair = decodeBasic(request.header("Authorization").orElseThrow().substring(6).trim());
      clientId = pair[0];
      clientSecret = pair[1];
    } else {
      clientId = form.get("client_id");
      clientSecret = form.get("client_secret");
      if (clientId == null || clientSecret == null) {
        throw new OAuthError(401, "invalid_client", "Client authentication is missing: use HTTP Basic or client_id and client_secret.");
      }
    }
    Tenant tenant = tenants.get(tenantId);
    if (tenant == null) {
      throw new OAuthError(401, "invalid_client", "Client authentication failed: tenant " + tenantId + " is unknown.");
    }
    if (!constantTimeEquals(tenant.clientId(), clientId) || !constantTimeEquals(tenant.clientSecret(), clientSecret)) {
      throw new OAuthError(401, "invalid_client", "Client authentication failed.");
    }
    String grantType = form.get("grant_type");
    if (grantType == null || grantType.isEmpty()) {
      throw new OAuthError(400, "invalid_request", "grant_type is missing.");
    }
    Set<String> scopes = scopes(form.get("scope"));
    String subject;
    switch (grantType) {
      case "client_credentials":
        if (tenant.passwordGrantOnly()) {
          throw new OAuthError(400, "unauthorized_client", "Tenant " + tenantId + " requires the password grant.");
        }
        subject = clientId;
        break;
      case "password": {
        String username = form.get("username");
        String password = form.get("password");
        if (username == null || password == null) {
          throw new OAuthError(400, "invalid_request", "The password grant needs username and password.");
        }
        String expected = tenant.users().get(username);
        if (expected == null || !constantTimeEquals(expected, password)) {
          throw new OAuthError(400, "invalid_grant", "The username or password is wrong.");
        }
        subject = username;
        break;
      }
      default:
        throw new OAuthError(400, "unsupported_grant_type", "grant_type must be client_credentials or password.");
    }
    Issued issued = newToken(tenantId, subject, scopes);
    ObjectNode body = SandboxJson.object()
        .put("access_token", issued.value)
        .put("token_type", "Bearer")
        .put("expires_in", Math.max(1, lifetime.toSeconds()))
        .put("scope", String.join(" ", scopes));
    return SandboxResponse.json(200, body);
  }

  private static Set<String> scopes(String requested) {
    if (requested == null || requested.isBlank()) {
      return new LinkedHashSet<>(List.of(DEFAULT_SCOPE.split(" ")));
    }
    Set<String> scopes = new LinkedHashSet<>(List.of(requested.trim().split("\\s+")));
    for (String scope : scopes) {
      if (!SCOPES.contains(scope)) {
        throw new OAuthError(400, "invalid_scope", "Unknown scope " + scope + "; the sandbox knows " + DEFAULT_SCOPE + ".");
      }
    }
    return scopes;
  }

  private record Issued(String value, Token token) {}

  private Issued newToken(String tenantId, String subject, Set<String> scopes) {
    byte[] bytes = new byte[24];
    random.nextBytes(bytes);
    String value = "tgs_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Token token = new Token(tenantId, subject, Set.copyOf(scopes), clock.instant().plus(lifetime));
    tokens.put(value, token);
    return new Issued(value, token);
  }

  private static String[] decodeBasic(String encoded) {
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new OAuthError(401, "invalid_client", "The Basic credentials are not valid Base64.");
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      throw new OAuthError(401, "invalid_client", "The Basic credentials must be client_id:client_secret.");
    }
    return new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
  }

  private static boolean constantTimeEquals(String expected, String actual) {
    return actual != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
  }

  private static final class OAuthError extends RuntimeException {
    final int status;
    final String error;

    OAuthError(int status, String error, String description) {
      super(description, null, false, false);
      this.status = status;
      this.error = error;
    }
  }
}
