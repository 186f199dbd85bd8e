package io.gridcast.core.errors;

/** 401 Unauthorized: credentials are missing, wrong or expired. Gridcast has already refreshed the token once and retried once before raising this. */
public class UnauthorizedException extends ApiException {

  private static final long serialVersionUID = 1L;

  public UnauthorizedException(int status, String method, String redactedUrl, ErrorDetails details) {
    super(status, method, redactedUrl, details);
  }
}
