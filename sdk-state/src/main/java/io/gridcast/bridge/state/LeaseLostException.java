package io.gridcast.bridge.state;

/**
 * A write was made under a lease that is no longer current: it expired and another instance
 * acquired the partition (with a higher fencing token), or it was released. The write did not
 * happen; the instance must stop processing the partition.
 */
public class LeaseLostException extends StateStoreException {

  private static final long serialVersionUID = 1L;

  public LeaseLostException(String message) {
    super(message, null);
  }
}
