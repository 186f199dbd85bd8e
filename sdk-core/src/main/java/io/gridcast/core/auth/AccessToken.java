package io.gridcast.core.auth;

import io.gridcast.core.Secret;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A bearer access token with its expiry, and the refresh token that came with it, if any.
 * Immutable and thread-safe; {@link #toString()} never shows either token.
 */
public final class AccessToken {

  private final Secret value;
  private final Instant expiresAt;
  private final Secret refreshToken;
  private final String scope;

  public AccessToken(Secret value, Instant expiresAt, Secret refreshToken, String scope) {
    this.value = Objects.requireNonNull(value, "value");
    this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
    this.refreshToken = refreshToken;
    this.scope = scope;
  }

  /** The bearer token. */
  public Secret value() {
    return value;
  }

  /** When the token stops being valid, as the issuer stated it. */
  public Instant expiresAt() {
    return expiresAt;
  }

  /** The refresh token issued with this access token, if any. */
  public Optional<Secret> refreshToken() {
    return Optional.ofNullable(refreshToken);
  }

  /** The granted scopes as a space-separated list, when the issuer stated them. */
  public Optional<String> scope() {
    return Optional.ofNullable(scope);
  }

  @Override
  public String toString() {
    return "AccessToken{expiresAt=" + expiresAt + ", scope=" + scope + ", value=redacted}";
  }
}
