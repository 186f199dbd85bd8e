package io.gridcast.testkit;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Deterministic Spotify-style identifiers: 22-character base-62 ids, snapshot ids, tokens. */
final class SpotifyIds {

  private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  private static final BigInteger BASE = BigInteger.valueOf(62);
  private static final Pattern BASE62_ID = Pattern.compile("[0-9A-Za-z]{22}");

  private SpotifyIds() {}

  /** A 22-character base-62 id derived from {@code key}: the same key always gives the same id. */
  static String base62(String key) {
    BigInteger n = new BigInteger(1, Arrays.copyOf(sha256(key), 16));
    char[] out = new char[22];
    for (int i = out.length - 1; i >= 0; i--) {
      BigInteger[] qr = n.divideAndRemainder(BASE);
      out[i] = ALPHABET.charAt(qr[1].intValue());
      n = qr[0];
    }
    return new String(out);
  }

  static boolean isValid(String id) {
    return id != null && BASE62_ID.matcher(id).matches();
  }

  /** A snapshot id shaped like Spotify's: base64 of a version counter and a digest. */
  static String snapshot(String playlistId, long version, long seed) {
    byte[] digest = sha256(playlistId + ":" + version + ":" + seed);
    byte[] raw = new byte[24];
    raw[0] = (byte) (version >>> 24);
    raw[1] = (byte) (version >>> 16);
    raw[2] = (byte) (version >>> 8);
    raw[3] = (byte) version;
    System.arraycopy(digest, 0, raw, 4, 20);
    return Base64.getEncoder().encodeToString(raw);
  }

  static String hex(String key, int chars) {
    return HexFormat.of().formatHex(sha256(key)).substring(0, chars);
  }

  /** A deterministic pseudo-random number in {@code [0, bound)} for demo data. */
  static int pick(String key, int bound) {
    byte[] d = sha256(key);
    int v = ((d[0] & 0xff) << 16) | ((d[1] & 0xff) << 8) | (d[2] & 0xff);
    return v % bound;
  }

  static byte[] sha256(String text) {
    return sha256(text.getBytes(StandardCharsets.UTF_8));
  }

  static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JDK", e);
    }
  }
}
