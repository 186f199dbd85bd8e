package io.gridcast.core.errors;

/** 5xx: the platform failed. Raised after the configured retries were exhausted. */
public class ServerException extends ApiException {

  private static final long serialVersionUID = 1L;

  public ServerException(int status, String method, String redactedUrl, ErrorDetails details) {
    super(status, method, redactedUrl, details);
  }
}
