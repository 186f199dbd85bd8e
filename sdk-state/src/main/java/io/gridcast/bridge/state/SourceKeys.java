package io.gridcast.bridge.state;

import io.gridcast.core.LogSafe;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The one rule for source keys, shared by every {@link StateStore} and by the bridge, so that
 * a key is accepted or refused alike whatever the store.
 *
 * <p>A source key is any non-blank text without a NUL character or an unpaired surrogate, of at
 * most {@link #MAX_BYTES} UTF-8 bytes. Long keys are fine: {@link JdbcStateStore} keeps keys
 * longer than {@link #MAX_INDEXED_BYTES} bytes under a SHA-256 digest (database indexes have a
 * size limit, about 2.7 KB on PostgreSQL) together with the original, and every store hands
 * the original back.
 *
 * <p>Stateless and thread-safe.
 */
public final class SourceKeys {

  /** Longest key, in UTF-8 bytes, that {@link JdbcStateStore} indexes as it is; longer ones are stored by digest. */
  public static final int MAX_INDEXED_BYTES = 512;

  /** Longest key any store accepts, in UTF-8 bytes (64 KiB). */
  public static final int MAX_BYTES = 65_536;

  /**
   * The start of a digested key's stored form. A real key starting with it is digested too, so
   * that no real key can be mistaken for another's digest.
   */
  static final String DIGEST_PREFIX = "gridcast:sha256:";

  private SourceKeys() {}

  /**
   * {@code key}, when every store can hold it.
   *
   * @throws InvalidSourceKeyException if {@code key} is null or blank, holds a NUL character or
   *     an unpaired surrogate, or is longer than {@link #MAX_BYTES} UTF-8 bytes; the message
   *     says which and shows the key escaped through {@link LogSafe}
   */
  public static String requireStorable(String key) {
    if (key == null || key.isBlank()) {
      throw new InvalidSourceKeyException(
          "source key " + LogSafe.quoted(key) + " is missing: the flow's key function must return non-blank text");
    }
    String problem = StorableText.problemWith(key);
    if (problem != null) {
      throw new InvalidSourceKeyException(
          "source key " + LogSafe.quoted(key) + " holds " + problem + ", which no state store can hold:"
              + " fix the flow's key function (or the source data it reads) so that keys are plain text");
    }
    int bytes = utf8Length(key);
    if (bytes > MAX_BYTES) {
      throw new InvalidSourceKeyException(
          "source key " + LogSafe.quoted(key) + " is " + bytes + " UTF-8 bytes long, more than the " + MAX_BYTES
              + " a state store accepts: fix the flow's key function so that it returns a short, stable id");
    }
    return key;
  }

  /**
   * {@code key} as a store's argument named {@code name}: a missing or blank one is refused as
   * every missing argument is, then the rule of {@link #requireStorable(String)} applies.
   */
  static String requireStorable(String name, String key) {
    return requireStorable(Arguments.requireText(name, key));
  }

  /**
   * How a store indexes {@code key} (already checked by {@link #requireStorable}): the key itself
   * when it is at most {@link #MAX_INDEXED_BYTES} UTF-8 bytes long and does not start with
   * {@link #DIGEST_PREFIX}; otherwise that prefix and the SHA-256 of its UTF-8 bytes in hex.
   * Injective: a key kept as it is never starts with the prefix; digests differ for different
   * keys.
   */
  static String storedForm(String key) {
    if (utf8Length(key) <= MAX_INDEXED_BYTES && !key.startsWith(DIGEST_PREFIX)) {
      return key;
    }
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      StringBuilder sb = new StringBuilder(DIGEST_PREFIX.length() + 64).append(DIGEST_PREFIX);
      for (byte b : hash) {
        sb.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
      }
      return sb.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e); // every JVM must have it
    }
  }

  /** The UTF-8 length of text without unpaired surrogates, counted without encoding it. */
  static int utf8Length(String text) {
    int bytes = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        bytes += 1;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c)) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }
}
