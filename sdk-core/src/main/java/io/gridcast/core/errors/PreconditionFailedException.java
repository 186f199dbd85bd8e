package io.gridcast.core.errors;

/**
 * 412 Precondition Failed (the {@code If-Match} version is stale) or 428 Precondition Required
 * (no {@code If-Match} was sent): fetch the resource again and retry the update with its
 * current version.
 */
public class PreconditionFailedException extends ConflictException {

  private static final long serialVersionUID = 1L;

  public PreconditionFailedException(int status, String method, String redactedUrl, ErrorDetails details) {
    super(status, method, redactedUrl, details);
  }
}
