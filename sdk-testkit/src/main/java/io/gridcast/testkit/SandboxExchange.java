package io.gridcast.testkit;

import java.util.Map;
import java.util.Optional;

/**
 * One request a sandbox received and what it did with it, as reported to a {@linkplain
 * SandboxServer#observer(java.util.function.Consumer) sandbox observer}: for tests that check how
 * a client behaves on the wire (did it wait the {@code Retry-After} it was given? did it resend
 * with the same idempotency key?).
 *
 * <p>Times are {@link System#nanoTime()} readings of the sandbox's JVM: {@code receivedNanos}
 * when the request's headers had arrived, {@code respondedNanos} when the answer (or the reset)
 * had been sent. Header names are lower case, one value each. Request headers are reported as
 * sent, {@code Authorization} included, so keep observers out of logs.
 *
 * @param sandbox the server's name, e.g. {@code spotify} or {@code tradinggrid}
 * @param method the HTTP method, upper case
 * @param path the decoded path, e.g. {@code /v1/shows/abc}
 * @param rawQuery the raw query string, empty when there is none
 * @param headers the request headers
 * @param fault the fault injected, {@link Fault#NONE} for a normal answer
 * @param status the status sent, 0 when the connection was reset or the client went away
 * @param retryAfterSeconds the {@code Retry-After} sent with an injected 429, else -1
 * @param latencyMillis the latency injected before answering
 * @param receivedNanos when the request arrived
 * @param respondedNanos when the answer was sent
 */
public record SandboxExchange(
    String sandbox,
    String method,
    String path,
    String rawQuery,
    Map<String, String> headers,
    Fault fault,
    int status,
    int retryAfterSeconds,
    long latencyMillis,
    long receivedNanos,
    long respondedNanos) {

  /** The fault a sandbox injected into one exchange. */
  public enum Fault {
    /** Answered normally (possibly after injected latency). */
    NONE,
    /** The connection was closed without a response. */
    RESET,
    /** Answered 500, 502 or 503. */
    SERVER_ERROR,
    /** Answered 429 with {@code Retry-After}. */
    RATE_LIMIT,
    /** The JSON answer was cut in half. */
    MALFORMED
  }

  /** Copies the headers so that the record is immutable. */
  public SandboxExchange {
    headers = Map.copyOf(headers);
  }

  /** A request header's value, by lower-case name. */
  public Optional<String> header(String lowerCaseName) {
    return Optional.ofNullable(headers.get(lowerCaseName));
  }

  /** {@code path} with {@code ?rawQuery} when there is a query. */
  public String pathAndQuery() {
    return rawQuery.isEmpty() ? path : path + '?' + rawQuery;
  }
}
