package io.gridcast.core.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Parses a {@code Retry-After} header (RFC 9110 §10.2.3): either delay-seconds or an
 * HTTP-date. A date in the past yields zero. Stateless.
 */
public final class RetryAfter {

  private RetryAfter() {}

  /**
   * @param header the header value, or {@code null}
   * @param clock the clock an HTTP-date is measured against
   * @return the wait, or empty when the header is absent or unparseable
   */
  public static Optional<Duration> parse(String header, Clock clock) {
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    String v = header.trim();
    if (v.chars().allMatch(Character::isDigit)) {
      try {
        return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    try {
      Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration d = Duration.between(clock.instant(), at);
      return Optional.of(d.isNegative() ? Duration.ZERO : d);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
