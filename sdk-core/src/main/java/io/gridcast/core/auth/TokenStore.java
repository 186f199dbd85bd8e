package io.gridcast.core.auth;

import io.gridcast.core.Secret;
import java.util.Optional;

/**
 * Keeps the current refresh token across restarts. Refresh tokens may rotate: whenever the
 * issuer returns a new one, {@link OAuth2TokenProvider} calls {@link #saveRefreshToken} before using the
 * new access token, so a crash never strands a consumed refresh token. Implementations must be
 * thread-safe.
 */
public interface TokenStore {

  /** The refresh token to use next, if one is known. */
  Optional<Secret> loadRefreshToken();

  /** Replaces the stored refresh token. */
  void saveRefreshToken(Secret refreshToken);

  /** A store held in memory, starting from {@code initial} (may be {@code null}). */
  static TokenStore inMemory(Secret initial) {
    return new TokenStore() {
      private volatile Secret current = initial;

      @Override
      public Optional<Secret> loadRefreshToken() {
        return Optional.ofNullable(current);
      }

      @Override
      public void saveRefreshToken(Secret refreshToken) {
        current = refreshToken;
      }
    };
  }
}
