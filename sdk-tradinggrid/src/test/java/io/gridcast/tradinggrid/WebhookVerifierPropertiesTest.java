package io.gridcast.tradinggrid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.gridcast.core.Secret;
import io.gridcast.tradinggrid.WebhookSignatureException.Reason;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.statistics.Statistics;

/**
 * The {@link WebhookVerifier}'s header parser and signature check under arbitrary input: nothing
 * but a {@link WebhookSignatureException} ever comes out of a bad delivery, a delivery signed
 * with the secret verifies whatever its body, and changing any single byte of the body or any
 * single character of the signature makes it fail.
 */
class WebhookVerifierPropertiesTest {

  private static final Secret SECRET = Secret.of("whsec_property_secret_71Qa");
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final byte[] BODY = "{\"id\":\"ev_1\",\"type\":\"issue.resolved\"}".getBytes(StandardCharsets.UTF_8);
  private static final String VALID = WebhookVerifier.generateSignatureHeader(SECRET, BODY, NOW);

  /** Replay protection off, so that each try judges the signature alone. */
  private final WebhookVerifier verifier = WebhookVerifier.builder(SECRET).clock(CLOCK).replayCacheSize(0).build();

  /** Headers shaped like a real one, with each part valid or broken, plus free-form assemblies of their pieces. */
  @Provide
  Arbitrary<String> headerLike() {
    String signature = VALID.substring(VALID.indexOf("v1=") + 3);
    String now = Long.toString(NOW.getEpochSecond());
    Arbitrary<String> timestamps = Arbitraries.oneOf(
        Arbitraries.of(now, now, "", "-" + now, "999999999999999999", "99999999999999999999", now + "abc", "\u0661\u0662", " " + now),
        Arbitraries.strings().numeric().ofMaxLength(20));
    Arbitrary<String> signatures = Arbitraries.oneOf(
        Arbitraries.of(signature, signature, signature.toUpperCase(), signature.substring(1), signature + "00", "", "zz"),
        Arbitraries.strings().withChars("0123456789abcdef".toCharArray()).ofLength(64));
    Arbitrary<String> shaped = Combinators.combine(
            Arbitraries.of("t=", "t=", " t = ", "T=", "v1=", ""), timestamps, Arbitraries.of(",", ",", ";", "\r\n,", ""),
            Arbitraries.of("v1=", "v1=", "v0=", "V1=", ""), signatures)
        .as((tKey, t, separator, vKey, v) -> tKey + t + separator + vKey + v);
    Arbitrary<String> assembled = Arbitraries.of("t=", "v1=", ",", "=", " ", "\r\n", "\u0000", now, signature, "zz")
        .list().ofMinSize(1).ofMaxSize(8).map(parts -> String.join("", parts));
    return Arbitraries.oneOf(shaped, shaped, assembled);
  }

  @Property(tries = 1000)
  void anArbitraryHeaderIsRejectedWithAReasonNeverAnythingElse(@ForAll @StringLength(max = 200) String header) {
    WebhookSignatureException rejected = catchThrowableOfType(WebhookSignatureException.class, () -> verifier.verify(BODY, header));

    assertThat(rejected).as("a random header never verifies").isNotNull();
    assertThat(rejected.reason()).isIn(Reason.MISSING_HEADER, Reason.MALFORMED_HEADER, Reason.SIGNATURE_MISMATCH);
  }

  @Property(tries = 1000)
  void aHeaderLikeStringVerifiesOnlyWhenItCarriesTheValidSignature(@ForAll("headerLike") String header) {
    try {
      verifier.verify(BODY, header);
      Statistics.label("outcome").collect("accepted");
      assertThat(header.toLowerCase()).contains(VALID.substring(VALID.indexOf("v1=") + 3));
    } catch (WebhookSignatureException rejected) {
      Statistics.label("outcome").collect(rejected.reason().name());
    }
    Statistics.label("outcome").coverage(c -> { // each way out is reached
      c.check("accepted").count(n -> n > 0);
      c.check(Reason.MALFORMED_HEADER.name()).count(n -> n > 0);
      c.check(Reason.SIGNATURE_MISMATCH.name()).count(n -> n > 0);
    });
  }

  @Property(tries = 500)
  void anyBodySignedWithTheSecretWithinTheToleranceVerifies(
      @ForAll @Size(max = 4096) byte[] body, @ForAll @LongRange(min = -300, max = 300) long skewSeconds) {
    String header = WebhookVerifier.generateSignatureHeader(SECRET, body, NOW.plusSeconds(skewSeconds));

    assertThatCode(() -> verifier.verify(body, header)).doesNotThrowAnyException();
  }

  @Property(tries = 500)
  void changingAnySingleByteOfTheBodyFailsTheSignature(
      @ForAll @Size(min = 1, max = 2048) byte[] body, @ForAll @IntRange(min = 0) int position,
      @ForAll @IntRange(min = 1, max = 255) int flip) {
    String header = WebhookVerifier.generateSignatureHeader(SECRET, body, NOW);
    byte[] tampered = body.clone();
    tampered[position % body.length] ^= (byte) flip;

    assertThat(rejection(tampered, header)).isEqualTo(Reason.SIGNATURE_MISMATCH);
  }

  @Property(tries = 500)
  void changingAnySingleCharacterOfTheSignatureFailsIt(
      @ForAll @IntRange(min = 0, max = 63) int position, @ForAll("hexDigits") char replacement) {
    String signature = VALID.substring(VALID.indexOf("v1=") + 3);
    char original = signature.charAt(position);
    String forged = signature.substring(0, position) + replacement + signature.substring(position + 1);

    Reason reason = rejection(BODY, VALID.replace(signature, forged));
    if (Character.toLowerCase(replacement) == original) {
      assertThat(reason).as("the same hex digit in another case is the same signature").isNull();
    } else {
      assertThat(reason).isEqualTo(Reason.SIGNATURE_MISMATCH);
    }
  }

  @Property(tries = 300)
  void aCorrectSignatureOutsideTheToleranceIsStaleWhateverTheBody(
      @ForAll @Size(max = 256) byte[] body,
      @ForAll @LongRange(min = 301, max = 999_999_999_999_999L) long distance, @ForAll boolean past) {
    long t = past ? NOW.getEpochSecond() - distance : NOW.getEpochSecond() + distance;
    String header = "t=" + t + ",v1=" + HexFormat.of().formatHex(WebhookVerifier.hmac(SECRET, t, body));

    Reason reason = rejection(body, header);
    if (t < 0) {
      assertThat(reason).as("a negative t is not Unix seconds").isEqualTo(Reason.MALFORMED_HEADER);
    } else {
      assertThat(reason).isEqualTo(past ? Reason.TIMESTAMP_TOO_OLD : Reason.TIMESTAMP_IN_FUTURE);
    }
  }

  @Property(tries = 200)
  void aDeliveryIsAcceptedOnceAndThenReportedAsAReplay(@ForAll @Size(max = 512) byte[] body) {
    WebhookVerifier remembering = WebhookVerifier.builder(SECRET).clock(CLOCK).build();
    String header = WebhookVerifier.generateSignatureHeader(SECRET, body, NOW);

    assertThatCode(() -> remembering.verify(body, header)).doesNotThrowAnyException();
    for (int again = 0; again < 2; again++) {
      WebhookSignatureException e = catchThrowableOfType(WebhookSignatureException.class, () -> remembering.verify(body, header));
      assertThat(e).as("every later copy is refused").isNotNull();
      assertThat(e.reason()).isEqualTo(Reason.REPLAYED);
    }
  }

  @Provide
  Arbitrary<Character> hexDigits() {
    return Arbitraries.of('0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'b', 'c', 'd', 'e', 'f', 'A', 'F');
  }

  /** The reason a delivery is rejected, or null if it verifies. */
  private Reason rejection(byte[] body, String header) {
    try {
      verifier.verify(body, header);
      return null;
    } catch (WebhookSignatureException e) {
      return e.reason();
    }
  }
}
