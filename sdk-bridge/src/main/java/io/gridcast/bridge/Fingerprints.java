package io.gridcast.bridge;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Content fingerprints and deterministic idempotency keys. Stateless and thread-safe.
 */
public final class Fingerprints {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private Fingerprints() {}

  /** SHA-256 of the bytes as 64 lowercase hex characters. */
  public static String sha256Hex(byte[] bytes) {
    byte[] d = digest().digest(bytes);
    char[] out = new char[d.length * 2];
    for (int i = 0; i < d.length; i++) {
      out[2 * i] = HEX[(d[i] >> 4) & 0xf];
      out[2 * i + 1] = HEX[d[i] & 0xf];
    }
    return new String(out);
  }

  /**
   * The idempotency key of a source item's create: a name-based UUID (version 5 layout, SHA-256
   * truncated) of flow and source key. The same item gets the same key on every run and every
   * instance, so a retried or re-run create can never produce a second resource.
   */
  public static String idempotencyKey(String flow, String sourceKey) {
    MessageDigest md = digest();
    md.update(flow.getBytes(StandardCharsets.UTF_8));
    md.update((byte) 0);
    md.update(sourceKey.getBytes(StandardCharsets.UTF_8));
    byte[] h = md.digest();
    h[6] = (byte) ((h[6] & 0x0f) | 0x50);
    h[8] = (byte) ((h[8] & 0x3f) | 0x80);
    long msb = 0;
    long lsb = 0;
    for (int i = 0; i < 8; i++) {
      msb = (msb << 8) | (h[i] & 0xff);
      lsb = (lsb << 8) | (h[i + 8] & 0xff);
    }
    return "gridcast-" + new UUID(msb, lsb);
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by the Java platform", e);
    }
  }
}
