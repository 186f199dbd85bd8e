package io.gridcast.core.errors;

/**
 * The root of every exception Gridcast raises for a failed remote call.
 *
 * <p>Unchecked, so callers catch exactly the subtypes they can act on:
 *
 * <ul>
 *   <li>{@link ApiException} and its subtypes: the platform answered with an error status;
 *   <li>{@link TransportException}: no usable answer arrived (I/O error, timeout, open circuit,
 *       client-side rate limit);
 *   <li>{@link UnparseableResponseException}: an answer arrived but could not be decoded;
 *   <li>{@link ResponseTooLargeException}: the answer exceeded the configured size cap.
 * </ul>
 *
 * <p>Messages never contain tokens, secrets or {@code Authorization} headers; URLs in them are
 * redacted.
 */
public class GridcastException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public GridcastException(String message) {
    super(message);
  }

  public GridcastException(String message, Throwable cause) {
    super(message, cause);
  }
}
