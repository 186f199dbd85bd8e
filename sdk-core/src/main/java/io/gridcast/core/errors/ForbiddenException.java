package io.gridcast.core.errors;

/** 403 Forbidden: the credentials are valid but lack the scope or role for this operation. */
public class ForbiddenException extends ApiException {

  private static final long serialVersionUID = 1L;

  public ForbiddenException(int status, String method, String redactedUrl, ErrorDetails details) {
    super(status, method, redactedUrl, details);
  }
}
