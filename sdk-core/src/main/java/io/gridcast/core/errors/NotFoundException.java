package io.gridcast.core.errors;

/** 404 Not Found: the resource does not exist or is not visible to these credentials. */
public class NotFoundException extends ApiException {

  private static final long serialVersionUID = 1L;

  public NotFoundException(int status, String method, String redactedUrl, ErrorDetails details) {
    super(status, method, redactedUrl, details);
  }
}
