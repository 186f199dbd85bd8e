package io.gridcast.core.auth;

/**
 * Supplies bearer tokens to a client. Implementations must be thread-safe and should cache:
 * {@link #token()} is called before every request.
 *
 * <p>Gridcast ships {@link OAuth2TokenProvider}; implement this interface to plug in another
 * source (a vault, a sidecar, a fixed token in tests — see {@link #fixed}).
 */
public interface AccessTokenProvider {

  /** A token that is valid now; may block while fetching one. */
  AccessToken token();

  /**
   * Called when the server rejected {@code rejected} with 401. Returns a fresh token, fetched
   * unless another caller already replaced {@code rejected}. Called at most once per request.
   */
  AccessToken refresh(AccessToken rejected);

  /** A provider that always returns the same token and cannot refresh it. */
  static AccessTokenProvider fixed(AccessToken token) {
    return new AccessTokenProvider() {
      @Override
      public AccessToken token() {
        return token;
      }

      @Override
      public AccessToken refresh(AccessToken rejected) {
        return token;
      }
    };
  }
}
