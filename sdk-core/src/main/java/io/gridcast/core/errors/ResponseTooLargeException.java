package io.gridcast.core.errors;

/**
 * A response body exceeded the configured cap ({@code TransportConfig.maxResponseBytes}) and
 * was refused rather than read into memory.
 */
public class ResponseTooLargeException extends GridcastException {

  private static final long serialVersionUID = 1L;

  private final long limitBytes;

  public ResponseTooLargeException(String method, String redactedUrl, long limitBytes) {
    super(method + ' ' + redactedUrl + " returned a body larger than the "
        + limitBytes + "-byte cap; raise TransportConfig.maxResponseBytes if this is expected");
    this.limitBytes = limitBytes;
  }

  /** The cap that was exceeded, in bytes. */
  public long limitBytes() {
    return limitBytes;
  }
}
