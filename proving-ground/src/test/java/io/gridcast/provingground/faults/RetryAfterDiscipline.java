package io.gridcast.provingground.faults;

import io.gridcast.testkit.SandboxExchange;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Checks, on what a pair's sandboxes saw, that no request was sent again before the {@code
 * Retry-After} an injected 429 gave it.
 *
 * <p>For each injected 429 with {@code Retry-After: r}, the request sent again is found among the
 * later exchanges of the same sandbox:
 *
 * <ul>
 *   <li>if the client retried the call, its next attempt: the next exchange with the same
 *       {@linkplain CallTags#CALL call tag}. Only the tag says which call a request belongs to:
 *       with several threads (or batch reads in parallel) another call may send the very same
 *       request meanwhile, for its own reasons;
 *   <li>otherwise (a call that is not retried, e.g. a {@code PATCH} without idempotency key,
 *       surfaces {@code RateLimitedException}), the next exchange with the same signature —
 *       method, path and query, idempotency key — from any call, e.g. the next run.
 * </ul>
 *
 * <p>It must have arrived at or after {@code a + r}, with no slack, where {@code a} is when the
 * client had the 429 in hand ({@link CallTags#answeredAt}, the same JVM's {@link
 * System#nanoTime()}): the sandbox takes {@code receivedNanos} after the request has arrived, so
 * a client that waited out {@code r} from {@code a} always passes and one that resends sooner
 * by more than the few microseconds between {@code a} and the start of its wait always fails.
 * The sandbox's {@code respondedNanos} is not used as {@code a}: it is read after the answer
 * was written and the exchange closed, and on a loaded machine that is measurably later than
 * the moment the client reads the answer (see {@link Result#respondedLag()}). A 429 the client
 * never read (its answer held back past the read timeout, so the client gave up on the attempt
 * and retried on its own schedule) is not checked but counted.
 */
final class RetryAfterDiscipline {

  /**
   * The outcome over a set of exchanges.
   *
   * @param minimumWait the shortest time from the client reading a checked 429 to its resend arriving
   * @param respondedLag the longest time by which the sandbox's {@code respondedNanos} of a 429
   *     trailed the client reading it
   */
  record Result(int injected, int retriedByTheClient, int resentByALaterCall, int neverResent, int unseen,
      Duration minimumWait, Duration respondedLag, List<String> violations) {

    /** 429s whose resend was checked. */
    int checked() {
      return retriedByTheClient + resentByALaterCall;
    }

    Result plus(Result o) {
      List<String> all = new ArrayList<>(violations);
      all.addAll(o.violations);
      return new Result(injected + o.injected, retriedByTheClient + o.retriedByTheClient,
          resentByALaterCall + o.resentByALaterCall, neverResent + o.neverResent, unseen + o.unseen,
          min(minimumWait, o.minimumWait), max(respondedLag, o.respondedLag), all);
    }

    static Result none() {
      return new Result(0, 0, 0, 0, 0, Duration.ofDays(1), Duration.ofDays(-1), List.of());
    }
  }

  private RetryAfterDiscipline() {}

  /**
   * @param exchanges what one pair's sandboxes saw, in any order
   * @param answeredAt when the pair's clients had the answer to an {@linkplain CallTags#ATTEMPT attempt}
   */
  static Result check(List<SandboxExchange> exchanges, Function<String, OptionalLong> answeredAt) {
    List<SandboxExchange> byArrival = new ArrayList<>(exchanges);
    byArrival.sort(Comparator.comparingLong(SandboxExchange::receivedNanos));
    Result result = Result.none();
    for (int i = 0; i < byArrival.size(); i++) {
      SandboxExchange limited = byArrival.get(i);
      if (limited.fault() == SandboxExchange.Fault.RATE_LIMIT) {
        result = result.plus(checkOne(byArrival, i, answeredAt));
      }
    }
    return result;
  }

  private static Result checkOne(List<SandboxExchange> byArrival, int index, Function<String, OptionalLong> answeredAt) {
    SandboxExchange limited = byArrival.get(index);
    OptionalLong read = limited.header(CallTags.ATTEMPT).map(answeredAt).orElse(OptionalLong.empty());
    if (read.isEmpty()) {
      return new Result(1, 0, 0, 0, 1, Duration.ofDays(1), Duration.ofDays(-1), List.of());
    }
    Duration lag = Duration.ofNanos(limited.respondedNanos() - read.getAsLong());
    Optional<SandboxExchange> retry = next(byArrival, index, e -> sameCall(limited, e));
    Optional<SandboxExchange> again = retry.isPresent() ? retry : next(byArrival, index, e -> sameSignature(limited, e));
    if (again.isEmpty()) {
      return new Result(1, 0, 0, 1, 0, Duration.ofDays(1), lag, List.of());
    }
    List<String> violations = new ArrayList<>();
    if (retry.isPresent() && !sameSignature(limited, retry.get())) {
      violations.add("the retry of " + describe(limited) + " was another request: " + describe(retry.get()));
    }
    Duration retryAfter = Duration.ofSeconds(limited.retryAfterSeconds());
    Duration wait = Duration.ofNanos(again.get().receivedNanos() - read.getAsLong());
    if (wait.compareTo(retryAfter) < 0) {
      violations.add(describe(limited) + " got 429 with Retry-After " + retryAfter.toSeconds() + " s but was sent again "
          + wait.toMillis() + " ms after the client read it, " + (retry.isPresent() ? "by the client's retry" : "by a later call"));
    }
    return new Result(1, retry.isPresent() ? 1 : 0, retry.isPresent() ? 0 : 1, 0, 0, wait, lag, violations);
  }

  private static Optional<SandboxExchange> next(List<SandboxExchange> byArrival, int after, Predicate<SandboxExchange> matches) {
    for (int j = after + 1; j < byArrival.size(); j++) {
      if (matches.test(byArrival.get(j))) {
        return Optional.of(byArrival.get(j));
      }
    }
    return Optional.empty();
  }

  private static boolean sameCall(SandboxExchange a, SandboxExchange b) {
    Optional<String> tag = a.header(CallTags.CALL);
    return tag.isPresent() && a.sandbox().equals(b.sandbox()) && tag.equals(b.header(CallTags.CALL));
  }

  private static boolean sameSignature(SandboxExchange a, SandboxExchange b) {
    return a.sandbox().equals(b.sandbox()) && a.method().equals(b.method()) && a.pathAndQuery().equals(b.pathAndQuery())
        && Objects.equals(a.header("idempotency-key").orElse(null), b.header("idempotency-key").orElse(null));
  }

  private static String describe(SandboxExchange e) {
    return e.sandbox() + " " + e.method() + " " + e.pathAndQuery();
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
