package io.gridcast.provingground.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridcast.testkit.SandboxExchange;
import io.gridcast.testkit.SandboxExchange.Fault;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The check behind "no request is ever sent before the Retry-After it was given", on made-up exchanges. */
class RetryAfterDisciplineTest {

  private static final long SECOND = Duration.ofSeconds(1).toNanos();
  private static final String PATH = "/activecommunity/v1/communities/c/posts";

  private final Map<String, Long> answeredAt = new HashMap<>();

  @Test
  void aRetryArrivingAfterTheRetryAfterPasses() {
    // read by the client at 100 ns: the retry may arrive at 100 ns + 1 s, not a nanosecond sooner
    List<SandboxExchange> exchanges = List.of(limited("call-1", 1, 0), ok("call-1", 2, SECOND + 100));

    RetryAfterDiscipline.Result result = check(exchanges);

    assertThat(result.violations()).isEmpty();
    assertThat(result.retriedByTheClient()).isEqualTo(1);
    assertThat(result.minimumWait()).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void aRetryArrivingANanosecondEarlyIsAViolation() {
    List<SandboxExchange> exchanges = List.of(limited("call-1", 1, 0), ok("call-1", 2, SECOND + 99));

    assertThat(check(exchanges).violations()).singleElement().asString()
        .contains("Retry-After 1 s", "by the client's retry");
  }

  @Test
  void theSameRequestFromAnotherCallIsNotTakenForTheRetry() {
    List<SandboxExchange> exchanges = List.of(limited("call-1", 1, 0), ok("call-2", 1, 10_000), ok("call-1", 2, SECOND + 100));

    RetryAfterDiscipline.Result result = check(exchanges);

    assertThat(result.violations()).isEmpty();
    assertThat(result.retriedByTheClient()).isEqualTo(1);
  }

  @Test
  void aCallThatWasNotRetriedIsCheckedAgainstTheNextSameRequest() {
    List<SandboxExchange> exchanges = List.of(limited("call-1", 1, 0), ok("call-2", 1, 10_000));

    RetryAfterDiscipline.Result result = check(exchanges);

    assertThat(result.resentByALaterCall()).isEqualTo(1);
    assertThat(result.violations()).singleElement().asString().contains("by a later call");
  }

  @Test
  void a429TheClientNeverReadIsCountedButNotChecked() {
    SandboxExchange limited = limited("call-1", 1, 0);
    answeredAt.clear(); // the answer came after the client had given up on the attempt

    RetryAfterDiscipline.Result result = check(List.of(limited, ok("call-1", 2, 10_000)));

    assertThat(result.unseen()).isEqualTo(1);
    assertThat(result.checked()).isZero();
    assertThat(result.violations()).isEmpty();
  }

  private RetryAfterDiscipline.Result check(List<SandboxExchange> exchanges) {
    return RetryAfterDiscipline.check(exchanges, attempt -> {
      Long at = answeredAt.get(attempt);
      return at == null ? OptionalLong.empty() : OptionalLong.of(at);
    });
  }

  /** A 429 received at {@code at}, answered 50 ns later and read by the client 100 ns later. */
  private SandboxExchange limited(String call, int attempt, long at) {
    answeredAt.put(call + "#" + attempt, at + 100);
    return exchange(call, attempt, at, Fault.RATE_LIMIT, 429, 1);
  }

  private SandboxExchange ok(String call, int attempt, long at) {
    answeredAt.put(call + "#" + attempt, at + 100);
    return exchange(call, attempt, at, Fault.NONE, 200, -1);
  }

  private static SandboxExchange exchange(String call, int attempt, long at, Fault fault, int status, int retryAfter) {
    return new SandboxExchange("tradinggrid", "GET", PATH, "limit=100",
        Map.of(CallTags.CALL, call, CallTags.ATTEMPT, call + "#" + attempt), fault, status, retryAfter, 0, at, at + 50);
  }
}
