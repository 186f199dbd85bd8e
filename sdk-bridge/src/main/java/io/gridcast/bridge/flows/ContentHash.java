package io.gridcast.bridge.flows;

import io.gridcast.bridge.Fingerprints;
import java.nio.charset.StandardCharsets;

/**
 * A short, stable hash of a write's content, for keying a step by what it writes: the same
 * content always gets the same key, changed content a new one, so an idempotency key is never
 * re-sent with another body. Stateless.
 */
final class ContentHash {

  private ContentHash() {}

  /** The first 16 hex digits of the SHA-256 of the parts, each followed by a NUL separator. */
  static String of(String... parts) {
    StringBuilder joined = new StringBuilder();
    for (String part : parts) {
      joined.append(part).append('\0');
    }
    return Fingerprints.sha256Hex(joined.toString().getBytes(StandardCharsets.UTF_8)).substring(0, 16);
  }
}
