package io.gridcast.bridge.policy;

/**
 * How persistently the bridge delivers an item that keeps failing: after {@code maxAttempts}
 * failed runs its dead letter is parked, and later runs skip the item (reported as skipped)
 * until {@code Bridge.replayDeadLetters} is called. Network-level retries within one call are
 * the clients' {@code ResilienceConfig}. Immutable.
 *
 * <p>Default: 5 attempts.
 */
public final class DeliveryPolicy {

  private static final DeliveryPolicy DEFAULT = new DeliveryPolicy(5);

  private final int maxAttempts;

  private DeliveryPolicy(int maxAttempts) {
    this.maxAttempts = maxAttempts;
  }

  /** The default policy: 5 attempts. */
  public static DeliveryPolicy defaults() {
    return DEFAULT;
  }

  /** @throws IllegalArgumentException unless {@code maxAttempts >= 1} */
  public static DeliveryPolicy maxAttempts(int maxAttempts) {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be >= 1, was " + maxAttempts);
    }
    return new DeliveryPolicy(maxAttempts);
  }

  /** How many failed runs an item gets before its dead letter is parked; at least 1. */
  public int maxAttempts() {
    return maxAttempts;
  }
}
