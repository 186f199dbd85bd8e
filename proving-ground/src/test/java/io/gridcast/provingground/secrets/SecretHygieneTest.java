package io.gridcast.provingground.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.gridcast.core.http.Redaction;
import io.gridcast.provingground.Figures;
import io.gridcast.provingground.secrets.FlowScripts.FlowScript;
import io.gridcast.provingground.secrets.SecretScanner.Leak;
import io.gridcast.testkit.SandboxExchange;
import io.gridcast.testkit.SpotifyDemoData;
import io.gridcast.testkit.TradingGridSandbox;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secret hygiene (DESIGN §2, Security): with logging at TRACE through a full run of every flow
 * on the real auth flows, no client secret, password, access or refresh token, authorization
 * code, PKCE verifier, webhook secret or {@code Authorization} value appears in any log line,
 * anything written to {@code System.out}/{@code System.err}, any exception's message, {@code
 * toString()} or stack trace, or the {@code toString()} of anything a user may print.
 *
 * <p>One {@link HygieneRun} feeds every test: both sandboxes in-process with 4-second tokens
 * (Spotify refresh tokens rotate on each renewal), the eight flows end to end with every token
 * expired or revoked before each (401, refresh, retry), every {@linkplain ErrorPaths error
 * path}, and the eight flows twice more under a fault profile. Every secret used is harvested on
 * the way ({@link HarvestedSecrets}); everything captured ({@link OutputCapture}, {@link
 * Evidence}) is scanned for them ({@link SecretScanner}). A failure names the kind of secret and
 * the line it appeared in, with the secret redacted.
 */
class SecretHygieneTest {

  private static final List<String> FLOWS = List.of("episode announcements", "training series", "issue audio updates",
      "campaign coordination", "approval-gated publishing", "partner feedback", "business music", "performance report");

  @TempDir
  static Path dir;

  private static HygieneRun run;

  @BeforeAll
  static void runEveryFlowWithLoggingAtTrace() {
    run = HygieneRun.execute(dir);
  }

  @AfterAll
  static void recordFigures() {
    Figures.record("secrets", run.figures());
  }

  // ---- the runs happened as intended, so that the scan cannot pass vacuously ----

  @Test
  void everyFlowRanToTheEndOnTheRealAuthFlows() {
    assertTheRunCompleted();
    assertThat(run.flows()).extracting(FlowScript::name).containsExactlyElementsOf(FLOWS);
    for (FlowScript flow : run.flows()) {
      assertThat(flow.written()).as("items %s created or updated", flow.name()).isPositive();
      assertThat(flow.endedClean()).as("the last run of %s had no failure and was not stopped", flow.name()).isTrue();
    }
  }

  @Test
  void loggingWasOnAtTraceThroughTheRuns() {
    assertTheRunCompleted();
    long maskedAuthorization = run.logEvents().stream()
        .filter(l -> l.contains(" TRACE ") && l.contains("Authorization=" + Redaction.MASK)).count();
    assertThat(run.logEventCount()).as("log events captured").isGreaterThanOrEqualTo(3_000);
    assertThat(run.eventsByLevel().getOrDefault("TRACE", 0)).as("TRACE events captured").isGreaterThanOrEqualTo(1_500);
    assertThat(maskedAuthorization).as("TRACE lines listing request headers with a masked Authorization").isPositive();
    assertThat(SecretScanner.lines(run.stdout())).as("lines the console appender wrote to the swapped System.out")
        .isGreaterThanOrEqualTo(3_000);
  }

  @Test
  void theHarvestIsLargeEnoughThatTheScanCannotPassVacuously() {
    assertTheRunCompleted();
    HarvestedSecrets secrets = run.env().secrets;
    Map<SecretKind, Integer> atLeast = new EnumMap<>(SecretKind.class);
    atLeast.put(SecretKind.CLIENT_SECRET, 3);              // Spotify's, Trading Grid's, the wrong one
    atLeast.put(SecretKind.PASSWORD, 2);                   // the user's, the wrong one
    atLeast.put(SecretKind.WEBHOOK_SECRET, 1);
    atLeast.put(SecretKind.BASIC_CREDENTIALS, 3);          // Spotify's, Trading Grid's, the wrong ones
    atLeast.put(SecretKind.SPOTIFY_ACCESS_TOKEN, 20);      // two renewals per client and expiry round, seven rounds
    atLeast.put(SecretKind.SPOTIFY_REFRESH_TOKEN, 10);     // the user's, rotated on every renewal
    atLeast.put(SecretKind.TRADING_GRID_ACCESS_TOKEN, 20);
    atLeast.put(SecretKind.AUTHORIZATION_CODE, 2);
    atLeast.put(SecretKind.PKCE_VERIFIER, 2);
    atLeast.forEach((kind, n) -> assertThat(secrets.count(kind)).as("distinct %ss harvested", kind)
        .isGreaterThanOrEqualTo(n));
    assertThat(secrets.refreshTokensSaved()).as("refresh tokens saved: the first and rotated ones")
        .isGreaterThanOrEqualTo(10);
  }

  @Test
  void expiredAndRevokedTokensWereRefreshedAndTheRefusedCallsRetried() {
    assertTheRunCompleted();
    // seven rounds of expiry, each refusing both clients of each platform at least once
    assertThat(run.unauthorizedSpotifyDuringFlows()).as("401s from Spotify for tokens it had expired")
        .isGreaterThanOrEqualTo(14);
    assertThat(run.unauthorizedTradingGridDuringFlows()).as("401s from Trading Grid for tokens it had revoked")
        .isGreaterThanOrEqualTo(14);
    assertThat(run.flows()).allSatisfy(f -> assertThat(f.endedClean()).as("%s ended clean after its 401s", f.name()).isTrue());
  }

  @Test
  void theErrorPathsThrewEveryKindOfException() {
    assertTheRunCompleted();
    assertThat(run.env().evidence.didNotFail()).as("calls expected to fail that did not").isEmpty();
    assertThat(run.exceptionTypes()).contains("OAuthException", "UnauthorizedException", "NotFoundException",
        "PreconditionFailedException", "ServerException", "RateLimitedException", "TransportException",
        "UnparseableResponseException", "CircuitOpenException", "ResponseTooLargeException",
        "WebhookSignatureException", "CompletionException", "IllegalArgumentException");
    assertThat(run.faultsInjected().keySet()).as("fault kinds injected")
        .contains(SandboxExchange.Fault.SERVER_ERROR, SandboxExchange.Fault.RATE_LIMIT, SandboxExchange.Fault.RESET,
            SandboxExchange.Fault.MALFORMED);
  }

  @Test
  void theScannerFindsEachFormOfASecretAndRedactsIt() {
    assertTheRunCompleted();
    SecretScanner scanner = run.scanner();
    String refresh = run.env().secrets.snapshot().get(SecretKind.SPOTIFY_REFRESH_TOKEN).stream()
        .max(Comparator.comparingInt(String::length)).orElseThrow();
    String password = TradingGridSandbox.DEFAULT_PASSWORD;
    String basic = Base64.getEncoder().encodeToString(
        (TradingGridSandbox.DEFAULT_CLIENT_ID + ":" + TradingGridSandbox.DEFAULT_CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
    List<String> planted = List.of(
        "refresh_token=" + refresh + "&grant_type=refresh_token",
        "headers={Authorization=Basic " + basic + "}",
        "password=" + URLEncoder.encode(password, StandardCharsets.UTF_8),
        "encoded " + Base64.getEncoder().encodeToString(password.getBytes(StandardCharsets.UTF_8)),
        "body cut at …" + refresh.substring(40, 40 + SecretScanner.WINDOW) + "…",
        "tgs_" + "A".repeat(32) + " was never harvested");

    for (String line : planted) {
      List<Leak> found = scanner.scan("planted", line);
      assertThat(found).as("leaks found in a planted line").hasSize(1);
      assertThat(scanner.scan("redacted", found.get(0).redactedLine())).as("leaks left after redaction").isEmpty();
    }
    assertThat(scanner.scan("clean", "GET http://127.0.0.1/v1/shows/" + SpotifyDemoData.SHOW_TRADING_GRID_WEEKLY
        + " client_id=" + SpotifyDemoData.CLIENT_ID + " Authorization=" + Redaction.MASK)).isEmpty();
  }

  // ---- nothing gives a secret away ----

  @Test
  void noLogLineGivesASecretAway() {
    assertTheRunCompleted();
    assertNoLeaks("log", "java.util.logging");
  }

  @Test
  void nothingWrittenToStandardOutOrErrorGivesASecretAway() {
    assertTheRunCompleted();
    assertNoLeaks("System.out", "System.err");
  }

  @Test
  void noExceptionMessageToStringOrStackTraceGivesASecretAway() {
    assertTheRunCompleted();
    assertThat(run.exceptionCount()).as("exceptions captured").isGreaterThanOrEqualTo(30);
    assertNoLeaks("exception");
  }

  @Test
  void noToStringOfWhatAUserMayPrintGivesASecretAway() {
    assertTheRunCompleted();
    assertThat(run.env().evidence.printed().size()).as("toString()s captured").isGreaterThanOrEqualTo(200);
    assertNoLeaks("toString", "resilience listener");
  }

  // ---- helpers ----

  /** Fails with the run's own failure, its secrets redacted (never attached as a cause, which would print them). */
  private static void assertTheRunCompleted() {
    if (run.failure() != null) {
      StringWriter trace = new StringWriter();
      run.failure().printStackTrace(new PrintWriter(trace));
      fail("the run did not complete (secrets redacted):\n" + run.scanner().redacted(trace.toString()));
    }
  }

  private static void assertNoLeaks(String... sources) {
    List<Leak> found = run.leaks(sources);
    if (!found.isEmpty()) {
      fail(found.size() + " captured lines give secrets away (secrets redacted):\n"
          + found.stream().limit(25).map(Leak::toString).collect(Collectors.joining("\n")));
    }
  }
}
