package io.gridcast.core.errors;

/**
 * The circuit breaker for this client is open after repeated failures, so the call was not
 * sent. The breaker lets a trial call through once its delay has passed
 * ({@code ResilienceConfig.breakerDelay}).
 */
public class CircuitOpenException extends TransportException {

  private static final long serialVersionUID = 1L;

  public CircuitOpenException(String message, Throwable cause) {
    super(message, cause);
  }
}
