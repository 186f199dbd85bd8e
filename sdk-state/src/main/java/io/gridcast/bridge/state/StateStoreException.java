package io.gridcast.bridge.state;

/** The state store failed (database unreachable, schema newer than this SDK, …). */
public class StateStoreException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public StateStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
