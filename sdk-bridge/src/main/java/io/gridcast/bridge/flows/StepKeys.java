package io.gridcast.bridge.flows;

import io.gridcast.bridge.Fingerprints;
import java.nio.charset.StandardCharsets;

/**
 * Idempotency keys for the steps of a multi-step item whose body can change between runs (a
 * comment naming a renamed site, a thread titled after a renamed episode). The key covers the
 * flow, the item's source key, the step and a short hash of the step's body: a repeat of the
 * same write replays, while a write with another body gets another key instead of being refused
 * ({@code 422 idempotency_key_reused}) for ever. Pair it with a look-up of the step's result that
 * uses the same body (or a stable {@code externalRef}), so a changed body is not written twice
 * when the first write is already there. Stateless.
 */
final class StepKeys {

  private StepKeys() {}

  /** The idempotency key of {@code step} of the item {@code sourceKey} writing {@code body}. */
  static String of(String flowName, String sourceKey, String step, String body) {
    String hash = Fingerprints.sha256Hex(body.getBytes(StandardCharsets.UTF_8)).substring(0, 16);
    return Fingerprints.idempotencyKey(flowName, sourceKey + "#" + step + ":" + hash);
  }

  /** The same for a body given as a value, hashed as its JSON (see {@link io.gridcast.bridge.Flow#jsonFingerprint}). */
  static String ofJson(String flowName, String sourceKey, String step, Object body) {
    String hash = io.gridcast.bridge.Flow.jsonFingerprint(body).substring(0, 16);
    return Fingerprints.idempotencyKey(flowName, sourceKey + "#" + step + ":" + hash);
  }
}
