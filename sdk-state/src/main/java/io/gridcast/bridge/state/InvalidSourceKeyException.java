package io.gridcast.bridge.state;

/**
 * A source key no state store can hold: it holds a NUL character or half of a surrogate pair,
 * or it is longer than {@link SourceKeys#MAX_BYTES} UTF-8 bytes. The fault lies with the item
 * (or the flow's key function), not with the store: the bridge fails that one item and goes on
 * with the others. Nothing was written.
 *
 * <p>The message says what is wrong and shows the key escaped through
 * {@link io.gridcast.core.LogSafe}, so it is safe to log as it is.
 */
public class InvalidSourceKeyException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  public InvalidSourceKeyException(String message) {
    super(message);
  }
}
