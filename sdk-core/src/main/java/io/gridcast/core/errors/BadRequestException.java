package io.gridcast.core.errors;

/** 400 Bad Request or 422 Unprocessable Entity: the request was malformed or semantically invalid; fix the input named in {@link #errorMessage()}. */
public class BadRequestException extends ApiException {

  private static final long serialVersionUID = 1L;

  public BadRequestException(int status, String method, String redactedUrl, ErrorDetails details) {
    super(status, method, redactedUrl, details);
  }
}
