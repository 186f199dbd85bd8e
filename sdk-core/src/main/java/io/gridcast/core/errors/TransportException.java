package io.gridcast.core.errors;

/**
 * No usable HTTP answer arrived: a connection or I/O failure, a timeout, an open circuit
 * breaker ({@link CircuitOpenException}) or the client-side rate limiter refusing to wait
 * longer. Raised after the configured retries were exhausted.
 */
public class TransportException extends GridcastException {

  private static final long serialVersionUID = 1L;

  public TransportException(String message, Throwable cause) {
    super(message, cause);
  }
}
