package io.gridcast.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A credential (client secret, password, token, webhook signing key) that never prints.
 *
 * <p>{@link #toString()} returns {@code Secret[redacted]}; the value is only reachable through
 * {@link #reveal()}, which Gridcast calls at the moment it builds a request. Equality compares
 * values in constant time. Instances are immutable and thread-safe.
 */
public final class Secret {

  private final String value;

  private Secret(String value) {
    this.value = value;
  }

  /**
   * Wraps a secret value.
   *
   * @throws IllegalArgumentException if {@code value} is null or blank
   */
  public static Secret of(String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("secret value is missing: pass a non-blank value");
    }
    return new Secret(value);
  }

  /** Returns the secret's value; never log or print it. */
  public String reveal() {
    return value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Secret
        && MessageDigest.isEqual(
            value.getBytes(StandardCharsets.UTF_8),
            ((Secret) o).value.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public int hashCode() {
    return Objects.hash(Secret.class);
  }

  @Override
  public String toString() {
    return "Secret[redacted]";
  }
}
