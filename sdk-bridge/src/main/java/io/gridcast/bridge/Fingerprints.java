package io.gridcast.bridge;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Content fingerprints and deterministic idempotency keys. Stateless and thread-safe.
 */
public final class Fingerprints {

  /** What starts a fingerprint made by {@link #ofSentBody}. */
  public static final String SENT_BODY_PREFIX = "sent:";

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private Fingerprints() {}

  /** One digest per thread: fingerprinting runs once per item on the hot path. */
  private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(Fingerprints::digest);

  /** SHA-256 of the bytes as 64 lowercase hex characters. */
  public static String sha256Hex(byte[] bytes) {
    MessageDigest md = SHA256.get();
    md.reset();
    return hex(md.digest(bytes));
  }

  /**
   * The fingerprint of a request body as it is sent: {@value #SENT_BODY_PREFIX} and the SHA-256 of
   * the bytes. The prefix tells it from fingerprints of the mapped value (plain 64 hex characters,
   * {@link Flow#jsonFingerprint}), which ledgers written before 2026-12 hold.
   */
  public static String ofSentBody(byte[] body) {
    return SENT_BODY_PREFIX + sha256Hex(body);
  }

  /** Whether {@code fingerprint} was made by {@link #ofSentBody}. */
  public static boolean isOfSentBody(String fingerprint) {
    return fingerprint.startsWith(SENT_BODY_PREFIX);
  }

  /**
   * SHA-256 of {@code value}'s JSON encoding by {@code mapper}, as 64 lowercase hex characters,
   * hashed while it is written.
   *
   * @throws IOException if the value cannot be encoded
   */
  public static String sha256Hex(ObjectMapper mapper, Object value) throws IOException {
    MessageDigest md = SHA256.get();
    md.reset();
    mapper.writeValue(new DigestOnlyStream(md), value);
    return hex(md.digest());
  }

  private static String hex(byte[] d) {
    char[] out = new char[d.length * 2];
    for (int i = 0; i < d.length; i++) {
      out[2 * i] = HEX[(d[i] >> 4) & 0xf];
      out[2 * i + 1] = HEX[d[i] & 0xf];
    }
    return new String(out);
  }

  /** Feeds written bytes to a digest and keeps nothing. */
  private static final class DigestOnlyStream extends OutputStream {
    private final MessageDigest md;

    DigestOnlyStream(MessageDigest md) {
      this.md = md;
    }

    @Override
    public void write(int b) {
      md.update((byte) b);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      md.update(b, off, len);
    }
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
