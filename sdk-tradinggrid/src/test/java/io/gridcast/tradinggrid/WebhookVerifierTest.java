package io.gridcast.tradinggrid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.gridcast.core.Secret;
import io.gridcast.tradinggrid.WebhookSignatureException.Reason;
import io.gridcast.tradinggrid.model.Event;
import io.gridcast.tradinggrid.model.EventType;
import io.gridcast.tradinggrid.model.Issue;
import io.gridcast.tradinggrid.model.IssueStatus;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WebhookVerifierTest {

  private static final String SECRET_VALUE = "whsec_test_secret_0123456789";
  private static final Secret SECRET = Secret.of(SECRET_VALUE);
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z"); // 1767225600
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final String BODY = "{\"id\":\"ev_1\"}";
  /** HMAC-SHA256(SECRET, "1767225600." + BODY), computed independently with Python's hmac. */
  private static final String KNOWN_SIGNATURE =
      "27bfc8b38bc8513ceb69e81191ca201118c16cca82c8918ee583d315c7ade939";

  private final WebhookVerifier verifier = WebhookVerifier.builder(SECRET).clock(CLOCK).build();

  @Test
  void signsExactlyLikeAnIndependentHmacSha256() {
    assertThat(WebhookVerifier.generateSignatureHeader(SECRET, BODY, NOW))
        .isEqualTo("t=1767225600,v1=" + KNOWN_SIGNATURE);
    assertThat(WebhookVerifier.Signer.create(SECRET, CLOCK).sign(BODY))
        .isEqualTo("t=1767225600,v1=" + KNOWN_SIGNATURE);
  }

  @Test
  void acceptsAFreshCorrectlySignedDelivery() {
    assertThatCode(() -> verifier.verify(BODY, "t=1767225600,v1=" + KNOWN_SIGNATURE))
        .doesNotThrowAnyException();
  }

  @Test
  void acceptsUpperCaseHexAndSpacesAroundElements() {
    assertThatCode(() -> verifier.verify(BODY, " t=1767225600 , v1=" + KNOWN_SIGNATURE.toUpperCase()))
        .doesNotThrowAnyException();
  }

  @Test
  void acceptsAnyMatchingV1DuringSecretRotationAndIgnoresOtherSchemes() {
    String oldSecretSignature =
        WebhookVerifier.generateSignatureHeader(Secret.of("whsec_previous_secret_987654"), BODY, NOW)
            .split("v1=")[1];
    String header = "t=1767225600,v0=deadbeef,v1=" + oldSecretSignature + ",v1=" + KNOWN_SIGNATURE;
    assertThatCode(() -> verifier.verify(BODY, header)).doesNotThrowAnyException();
  }

  @Test
  void verifiesRawBytesTheSameAsText() {
    byte[] raw = "{\"title\":\"Café\"}".getBytes(StandardCharsets.UTF_8);
    String header = WebhookVerifier.generateSignatureHeader(SECRET, raw, NOW);
    assertThatCode(() -> verifier.verify(raw, header)).doesNotThrowAnyException();
  }

  @Test
  void rejectsAMissingHeader() {
    assertThat(rejection(BODY, null)).isEqualTo(Reason.MISSING_HEADER);
    assertThat(rejection(BODY, "  ")).isEqualTo(Reason.MISSING_HEADER);
  }

  @Test
  void rejectsMalformedHeaders() {
    for (String header :
        List.of(
            "v1=" + KNOWN_SIGNATURE,
            "t=1767225600",
            "t=yesterday,v1=" + KNOWN_SIGNATURE,
            "t=-5,v1=" + KNOWN_SIGNATURE,
            "t=1767225600,t=1767225601,v1=" + KNOWN_SIGNATURE,
            "t=1767225600;v1=" + KNOWN_SIGNATURE,
            "garbage",
            "t=1767225600,v1=" + "a".repeat(WebhookVerifier.MAX_HEADER_LENGTH))) {
      assertThat(rejection(BODY, header)).as(header).isEqualTo(Reason.MALFORMED_HEADER);
    }
  }

  @Test
  void rejectsASignatureMadeWithAnotherSecret() {
    String forged = WebhookVerifier.generateSignatureHeader(Secret.of("not-the-registered-secret"), BODY, NOW);
    assertThat(rejection(BODY, forged)).isEqualTo(Reason.SIGNATURE_MISMATCH);
  }

  @Test
  void rejectsATamperedBody() {
    assertThat(rejection("{\"id\":\"ev_2\"}", "t=1767225600,v1=" + KNOWN_SIGNATURE))
        .isEqualTo(Reason.SIGNATURE_MISMATCH);
  }

  @Test
  void rejectsASignatureMovedToAnotherTimestamp() {
    assertThat(rejection(BODY, "t=1767225601,v1=" + KNOWN_SIGNATURE))
        .isEqualTo(Reason.SIGNATURE_MISMATCH);
  }

  @Test
  void rejectsSignaturesThatDifferInOneByteWhereverItIsOrThatAreTruncatedOrNotHex() {
    char[] first = KNOWN_SIGNATURE.toCharArray();
    first[0] = first[0] == '0' ? '1' : '0';
    char[] last = KNOWN_SIGNATURE.toCharArray();
    last[last.length - 1] = last[last.length - 1] == '0' ? '1' : '0';
    for (String candidate :
        List.of(
            new String(first),
            new String(last),
            KNOWN_SIGNATURE.substring(0, 62),
            KNOWN_SIGNATURE + "00",
            "zz" + KNOWN_SIGNATURE.substring(2),
            "")) {
      assertThat(rejection(BODY, "t=1767225600,v1=" + candidate))
          .as(candidate)
          .isEqualTo(Reason.SIGNATURE_MISMATCH);
    }
  }

  @Test
  void comparesSignaturesWithTheConstantTimeMessageDigestIsEqual() throws Exception {
    // Structural check on the compiled class: the comparison goes through MessageDigest.isEqual
    // and never through Arrays.equals or String.equals-on-hex, whose timing leaks the prefix.
    String constantPool;
    try (InputStream in = WebhookVerifier.class.getResourceAsStream("WebhookVerifier.class")) {
      constantPool = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
    assertThat(constantPool).contains("java/security/MessageDigest").contains("isEqual");
    assertThat(constantPool).doesNotContain("java/util/Arrays").doesNotContain("equalsIgnoreCase");
  }

  @Test
  void acceptsTimestampsUpToTheToleranceInBothDirections() {
    for (Instant signedAt : List.of(NOW.minusSeconds(300), NOW.plusSeconds(300))) {
      String header = WebhookVerifier.generateSignatureHeader(SECRET, BODY, signedAt);
      assertThatCode(() -> verifier.verify(BODY, header)).as(signedAt.toString()).doesNotThrowAnyException();
    }
  }

  @Test
  void rejectsATimestampOlderThanTheTolerance() {
    String header = WebhookVerifier.generateSignatureHeader(SECRET, BODY, NOW.minusSeconds(301));
    WebhookSignatureException e = failure(BODY, header);
    assertThat(e.reason()).isEqualTo(Reason.TIMESTAMP_TOO_OLD);
    assertThat(e).hasMessageContaining("301 s old").hasMessageContaining("300 s");
  }

  @Test
  void rejectsATimestampTooFarInTheFuture() {
    String header = WebhookVerifier.generateSignatureHeader(SECRET, BODY, NOW.plusSeconds(301));
    assertThat(rejection(BODY, header)).isEqualTo(Reason.TIMESTAMP_IN_FUTURE);
  }

  @Test
  void appliesAConfiguredTolerance() {
    WebhookVerifier strict =
        WebhookVerifier.builder(SECRET).clock(CLOCK).tolerance(Duration.ofSeconds(10)).build();
    String header = WebhookVerifier.generateSignatureHeader(SECRET, BODY, NOW.minusSeconds(11));
    assertThatThrownBy(() -> strict.verify(BODY, header))
        .isInstanceOfSatisfying(
            WebhookSignatureException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TIMESTAMP_TOO_OLD));
    assertThat(strict.tolerance()).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void rejectsAReplayOfAnAcceptedDelivery() throws Exception {
    String header = "t=1767225600,v1=" + KNOWN_SIGNATURE;
    verifier.verify(BODY, header);
    assertThat(rejection(BODY, header)).isEqualTo(Reason.REPLAYED);
    // the same signature in upper case is the same delivery
    assertThat(rejection(BODY, "t=1767225600,v1=" + KNOWN_SIGNATURE.toUpperCase()))
        .isEqualTo(Reason.REPLAYED);
  }

  @Test
  void doesNotRememberRejectedDeliveries() throws Exception {
    String stale = WebhookVerifier.generateSignatureHeader(SECRET, BODY, NOW.minusSeconds(1000));
    assertThat(rejection(BODY, stale)).isEqualTo(Reason.TIMESTAMP_TOO_OLD);
    assertThat(rejection(BODY, stale)).isEqualTo(Reason.TIMESTAMP_TOO_OLD);
  }

  @Test
  void replayCacheIsBoundedAndForgetsTheLeastRecentlyUsed() throws Exception {
    WebhookVerifier small = WebhookVerifier.builder(SECRET).clock(CLOCK).replayCacheSize(2).build();
    String a = WebhookVerifier.generateSignatureHeader(SECRET, "{\"id\":\"a\"}", NOW);
    String b = WebhookVerifier.generateSignatureHeader(SECRET, "{\"id\":\"b\"}", NOW);
    String c = WebhookVerifier.generateSignatureHeader(SECRET, "{\"id\":\"c\"}", NOW);
    small.verify("{\"id\":\"a\"}", a);
    small.verify("{\"id\":\"b\"}", b);
    small.verify("{\"id\":\"c\"}", c); // evicts a
    assertThatCode(() -> small.verify("{\"id\":\"a\"}", a)).doesNotThrowAnyException(); // evicts b
    assertThatThrownBy(() -> small.verify("{\"id\":\"c\"}", c))
        .isInstanceOfSatisfying(
            WebhookSignatureException.class, e -> assertThat(e.reason()).isEqualTo(Reason.REPLAYED));
  }

  @Test
  void replayProtectionCanBeTurnedOff() throws Exception {
    WebhookVerifier stateless = WebhookVerifier.builder(SECRET).clock(CLOCK).replayCacheSize(0).build();
    String header = "t=1767225600,v1=" + KNOWN_SIGNATURE;
    stateless.verify(BODY, header);
    assertThatCode(() -> stateless.verify(BODY, header)).doesNotThrowAnyException();
  }

  @Test
  void acceptsConcurrentCopiesOfOneDeliveryExactlyOnce() throws Exception {
    String header = "t=1767225600,v1=" + KNOWN_SIGNATURE;
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        Callable<Boolean> attempt =
            () -> {
              start.await();
              try {
                verifier.verify(BODY, header);
                return true;
              } catch (WebhookSignatureException e) {
                assertThat(e.reason()).isEqualTo(Reason.REPLAYED);
                return false;
              }
            };
        results.add(pool.submit(attempt));
      }
      start.countDown();
      int accepted = 0;
      for (Future<Boolean> result : results) {
        accepted += result.get(10, TimeUnit.SECONDS) ? 1 : 0;
      }
      assertThat(accepted).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void messagesNeverContainTheSecretOrTheExpectedSignature() {
    String tampered = "{\"id\":\"ev_2\"}";
    String expectedForTampered =
        WebhookVerifier.generateSignatureHeader(SECRET, tampered, NOW).split("v1=")[1];
    List<WebhookSignatureException> failures =
        List.of(
            failure(BODY, null),
            failure(BODY, "t=x,v1=" + KNOWN_SIGNATURE),
            failure(tampered, "t=1767225600,v1=" + KNOWN_SIGNATURE),
            failure(BODY, WebhookVerifier.generateSignatureHeader(SECRET, BODY, NOW.minusSeconds(999))));
    assertThat(failures)
        .extracting(WebhookSignatureException::reason)
        .containsExactly(
            Reason.MISSING_HEADER, Reason.MALFORMED_HEADER, Reason.SIGNATURE_MISMATCH, Reason.TIMESTAMP_TOO_OLD);
    for (WebhookSignatureException e : failures) {
      assertThat(e.getMessage())
          .doesNotContain(SECRET_VALUE)
          .doesNotContain(expectedForTampered)
          .contains(": ");
    }
    assertThat(verifier.toString()).doesNotContain(SECRET_VALUE);
    assertThat(WebhookVerifier.Signer.create(SECRET, CLOCK).toString()).doesNotContain(SECRET_VALUE);
  }

  @Test
  void constructsTheEventOfAVerifiedDelivery() throws Exception {
    String body =
        """
        {"id":"ev_9","type":"issue.resolved","occurredAt":"2026-01-01T00:00:00Z",
         "resourceType":"issue","resourceId":"i_1",
         "data":{"id":"i_1","type":"trading_issue","status":"resolved","severity":"high",
                 "title":"ASN rejected","description":"d","version":3,
                 "createdAt":"2025-12-30T00:00:00Z","updatedAt":"2026-01-01T00:00:00Z"}}
        """;
    Event event = verifier.constructEvent(body, WebhookVerifier.generateSignatureHeader(SECRET, body, NOW));
    assertThat(event.type()).isEqualTo(EventType.ISSUE_RESOLVED);
    Issue issue = event.dataAs(io.gridcast.core.GridcastJson.newObjectMapper(), Issue.class);
    assertThat(issue.status()).isEqualTo(IssueStatus.RESOLVED);
    assertThat(issue.version()).isEqualTo(3);
  }

  @Test
  void refusesNonsensicalConfiguration() {
    assertThatThrownBy(() -> WebhookVerifier.builder(null)).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("secret is missing");
    assertThatThrownBy(() -> WebhookVerifier.builder(SECRET).tolerance(Duration.ofMillis(500)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tolerance");
    assertThatThrownBy(() -> WebhookVerifier.builder(SECRET).replayCacheSize(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("replayCacheSize");
    assertThat(WebhookVerifier.create(SECRET).replayCacheSize()).isEqualTo(WebhookVerifier.DEFAULT_REPLAY_CACHE_SIZE);
    assertThat(WebhookVerifier.create(SECRET).tolerance()).isEqualTo(Duration.ofSeconds(300));
  }

  private Reason rejection(String body, String header) {
    return failure(body, header).reason();
  }

  private WebhookSignatureException failure(String body, String header) {
    WebhookSignatureException e =
        catchThrowableOfType(WebhookSignatureException.class, () -> verifier.verify(body, header));
    assertThat(e).as("expected a rejection of " + header).isNotNull();
    return e;
  }
}
