package io.gridcast.core.http;

import io.gridcast.core.GridcastStyle;
import java.time.Duration;
import org.immutables.value.Value;

/**
 * Read-only transport settings for one Gridcast client (the generated {@code TransportConfig}). Build with
 * {@code TransportConfig.builder()}; every setting has a default:
 *
 * <table>
 *   <caption>Defaults</caption>
 *   <tr><td>{@code connectTimeout}</td><td>10 s</td></tr>
 *   <tr><td>{@code readTimeout}</td><td>30 s (between bytes)</td></tr>
 *   <tr><td>{@code writeTimeout}</td><td>30 s (between bytes)</td></tr>
 *   <tr><td>{@code callTimeout}</td><td>5 min (the whole call, retries and their waits
 *       included; each attempt is bounded by {@code ResilienceConfig.attemptTimeout})</td></tr>
 *   <tr><td>{@code maxResponseBytes}</td><td>16 MiB</td></tr>
 *   <tr><td>{@code userAgent}</td><td>{@code gridcast/<version> java/<version>}</td></tr>
 * </table>
 *
 * <p>Instances are immutable and thread-safe; the builder is not thread-safe.
 */
@Value.Immutable
@GridcastStyle
abstract class AbstractTransportConfig {

  /** Default cap on a response body: 16 MiB. */
  public static final long DEFAULT_MAX_RESPONSE_BYTES = 16L * 1024 * 1024;

  /** How long to wait for a connection to be established; default 10 s; must be positive. */
  @Value.Default
  public Duration connectTimeout() {
    return Duration.ofSeconds(10);
  }

  /** How long to wait between bytes read; default 30 s; must be positive. */
  @Value.Default
  public Duration readTimeout() {
    return Duration.ofSeconds(30);
  }

  /** How long to wait between bytes written; default 30 s; must be positive. */
  @Value.Default
  public Duration writeTimeout() {
    return Duration.ofSeconds(30);
  }

  /** The deadline of a whole call, retries and {@code Retry-After} waits included. */
  @Value.Default
  public Duration callTimeout() {
    return Duration.ofMinutes(5);
  }

  /** Largest response body Gridcast reads, in bytes; larger ones are refused. */
  @Value.Default
  public long maxResponseBytes() {
    return DEFAULT_MAX_RESPONSE_BYTES;
  }

  /** The {@code User-Agent} header sent with every request; printable ASCII only. */
  @Value.Default
  public String userAgent() {
    return UserAgent.DEFAULT;
  }

  @Value.Check
  void check() {
    requirePositive("connectTimeout", connectTimeout());
    requirePositive("readTimeout", readTimeout());
    requirePositive("writeTimeout", writeTimeout());
    requirePositive("callTimeout", callTimeout());
    if (maxResponseBytes() <= 0) {
      throw new IllegalArgumentException("maxResponseBytes must be positive, was " + maxResponseBytes());
    }
    if (userAgent().isBlank()) {
      throw new IllegalArgumentException("userAgent must not be blank");
    }
    // fail here, naming the setting, rather than on every request inside OkHttp (and never send a CR LF)
    for (int i = 0; i < userAgent().length(); i++) {
      char c = userAgent().charAt(i);
      if (c != '\t' && (c < 0x20 || c > 0x7e)) {
        throw new IllegalArgumentException("userAgent must be printable ASCII (no CR, LF or other control"
            + " characters), but has " + String.format("U+%04X", (int) c) + " at index " + i);
      }
    }
  }

  static void requirePositive(String name, Duration d) {
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, was " + d);
    }
  }
}
