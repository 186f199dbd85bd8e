package io.gridcast.bridge.state;

import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;

/** How a failure turns into a dead letter, shared by every store so they agree exactly. */
final class DeadLetters {

  /** Oldest first failure first; the source key breaks ties. */
  static final Comparator<DeadLetter> OLDEST_FIRST =
      Comparator.comparing(DeadLetter::firstFailedAt).thenComparing(DeadLetter::sourceKey);

  private DeadLetters() {}

  /**
   * The dead letter after one more failure: a first failure has one attempt; a repeated one
   * keeps {@code firstFailedAt}, counts one more attempt, replaces reason and
   * {@code lastFailedAt}, and replaces the payload reference only when a new one is given.
   */
  static DeadLetter next(
      DeadLetter existing, String flow, String sourceKey, String reason, String payloadRef, Instant at) {
    if (existing == null) {
      return DeadLetter.builder()
          .flow(flow)
          .sourceKey(sourceKey)
          .reason(reason)
          .attempts(1)
          .payloadRef(payloadRef)
          .firstFailedAt(at)
          .lastFailedAt(at)
          .build();
    }
    return DeadLetter.builder()
        .from(existing)
        .reason(reason)
        .attempts(existing.attempts() + 1)
        .payloadRef(payloadRef != null ? Optional.of(payloadRef) : existing.payloadRef())
        .lastFailedAt(at)
        .build();
  }
}
