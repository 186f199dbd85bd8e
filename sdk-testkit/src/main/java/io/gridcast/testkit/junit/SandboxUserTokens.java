package io.gridcast.testkit.junit;

import io.gridcast.core.Secret;
import io.gridcast.core.auth.AccessToken;
import io.gridcast.core.auth.AccessTokenProvider;
import io.gridcast.testkit.SpotifySandbox;
import java.time.Instant;

/**
 * User tokens of the Spotify sandbox's demo user with every scope, taken from the sandbox
 * directly (as if the user had logged in); a fresh one whenever the sandbox rejects the last.
 * Thread-safe.
 */
final class SandboxUserTokens implements AccessTokenProvider {

  private final SpotifySandbox sandbox;
  private AccessToken current;

  SandboxUserTokens(SpotifySandbox sandbox) {
    this.sandbox = sandbox;
  }

  @Override
  public synchronized AccessToken token() {
    if (current == null || current.expiresAt().isBefore(Instant.now().plusSeconds(60))) {
      current = fresh();
    }
    return current;
  }

  @Override
  public synchronized AccessToken refresh(AccessToken rejected) {
    if (current == null || current == rejected) {
      current = fresh();
    }
    return current;
  }

  private AccessToken fresh() {
    // the sandbox's default lifetime; one that expires sooner is replaced on its 401
    return new AccessToken(Secret.of(sandbox.userAccessToken()), Instant.now().plusSeconds(3600), null, null);
  }
}
