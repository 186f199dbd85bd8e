package io.gridcast.core.errors;

import java.util.Optional;

/**
 * A token endpoint refused to issue a token (RFC 6749 §5.2). {@link #oauthError()} holds the
 * standard error code: {@code invalid_client} (wrong client id or secret: check the
 * credentials), {@code invalid_grant} (the code, refresh token or password is wrong, expired or
 * already used: authorize again), {@code unauthorized_client}, {@code unsupported_grant_type},
 * {@code invalid_scope} or {@code invalid_request}.
 */
public class OAuthException extends ApiException {

  private static final long serialVersionUID = 1L;

  public OAuthException(int status, String method, String redactedUrl, ErrorDetails details) {
    super(status, method, redactedUrl, details);
  }

  /** The OAuth2 error code, e.g. {@code invalid_grant}. */
  public Optional<String> oauthError() {
    return errorCode();
  }

  /** Whether the client credentials were rejected. */
  public boolean isInvalidClient() {
    return errorCode().filter("invalid_client"::equals).isPresent();
  }

  /** Whether the grant (code, refresh token, password) was rejected. */
  public boolean isInvalidGrant() {
    return errorCode().filter("invalid_grant"::equals).isPresent();
  }
}
