package io.gridcast.spotify;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * A PKCE code verifier and its S256 challenge (RFC 7636). Immutable; {@link #toString()} hides
 * the verifier, which must stay with the client until the code exchange.
 */
public final class PkceChallenge {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9._~-]{43,128}");

  private final String verifier;
  private final String challenge;

  private PkceChallenge(String verifier) {
    this.verifier = verifier;
    this.challenge = s256(verifier);
  }

  /** A new random verifier of 64 characters (384 bits of entropy) and its challenge. */
  public static PkceChallenge generate() {
    byte[] bytes = new byte[48];
    RANDOM.nextBytes(bytes);
    return new PkceChallenge(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
  }

  /**
   * The challenge of a given verifier.
   *
   * @throws IllegalArgumentException unless it has 43 to 128 unreserved characters
   */
  public static PkceChallenge of(String verifier) {
    if (verifier == null || !VERIFIER.matcher(verifier).matches()) {
      throw new IllegalArgumentException("a PKCE code verifier must be 43 to 128 characters of A-Z a-z 0-9 - . _ ~");
    }
    return new PkceChallenge(verifier);
  }

  /** {@code BASE64URL(SHA256(ASCII(verifier)))} without padding. */
  static String s256(String verifier) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by the Java platform", e);
    }
  }

  /** The verifier, sent with the code exchange. */
  public String verifier() {
    return verifier;
  }

  /** The challenge, sent in the authorize URL. */
  public String challenge() {
    return challenge;
  }

  /** Always {@code S256}. */
  public String method() {
    return "S256";
  }

  @Override
  public String toString() {
    return "PkceChallenge{challenge=" + challenge + ", verifier=redacted}";
  }
}
