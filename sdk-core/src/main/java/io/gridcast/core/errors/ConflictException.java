package io.gridcast.core.errors;

/**
 * 409 Conflict, or (as {@link PreconditionFailedException}) 412/428: the resource's state does
 * not allow the change. Re-read the resource and apply the change again.
 */
public class ConflictException extends ApiException {

  private static final long serialVersionUID = 1L;

  public ConflictException(int status, String method, String redactedUrl, ErrorDetails details) {
    super(status, method, redactedUrl, details);
  }
}
