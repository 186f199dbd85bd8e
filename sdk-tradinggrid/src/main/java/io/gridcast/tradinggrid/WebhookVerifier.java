package io.gridcast.tradinggrid;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridcast.core.GridcastJson;
import io.gridcast.core.Secret;
import io.gridcast.tradinggrid.WebhookSignatureException.Reason;
import io.gridcast.tradinggrid.model.Event;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies the {@code Gridcast-Signature} header of Active Community webhook deliveries.
 *
 * <p>The header reads {@code t=<unix seconds>,v1=<hex>}: {@code v1} is the lower-case hex
 * HMAC-SHA256 of {@code "<t>.<raw body>"} keyed with the webhook's secret. While a secret is being
 * rotated the header may carry several {@code v1} values; any one matching is enough, and other
 * schemes such as {@code v0} are ignored. A delivery is accepted when a signature matches
 * (compared in constant time), its timestamp is within the tolerance of the clock (default
 * {@link #DEFAULT_TOLERANCE}, 300 seconds, in either direction), and the same signature has not
 * been accepted before.
 *
 * <pre>{@code
 * WebhookVerifier verifier = WebhookVerifier.create(Secret.of(System.getenv("TG_WEBHOOK_SECRET")));
 * try {
 *   String header = request.getHeader(WebhookVerifier.SIGNATURE_HEADER);
 *   Event event = verifier.constructEvent(rawBody, header);
 *   handle(event);
 * } catch (WebhookSignatureException e) {
 *   respond(400);
 * }
 * }</pre>
 *
 * <p>Pass the raw request body exactly as received: re-serialised JSON will not match.
 *
 * <p><b>Replay protection</b> remembers accepted signatures in a bounded least-recently-used
 * cache (default {@value #DEFAULT_REPLAY_CACHE_SIZE} entries). Since timestamps outside the
 * tolerance are refused anyway, the cache only needs to hold the deliveries of one tolerance
 * window; size it above your peak deliveries per window. The cache is per instance: with several
 * receivers behind a load balancer, also de-duplicate on the {@code Gridcast-Event-Id} header.
 *
 * <p>Instances are immutable apart from that cache and thread-safe; share one per secret.
 */
public final class WebhookVerifier {

  /** The header that carries the signature. */
  public static final String SIGNATURE_HEADER = "Gridcast-Signature";

  /** How far a signed timestamp may lie from the clock, in either direction: 300 seconds. */
  public static final Duration DEFAULT_TOLERANCE = Duration.ofSeconds(300);

  /** How many accepted signatures are remembered for replay protection: 10,000. */
  public static final int DEFAULT_REPLAY_CACHE_SIZE = 10_000;

  /** Headers longer than this are refused unparsed, whatever they contain. */
  static final int MAX_HEADER_LENGTH = 8192;

  private static final Logger LOG = LoggerFactory.getLogger(WebhookVerifier.class);
  private static final String HMAC = "HmacSHA256";
  private static final HexFormat HEX = HexFormat.of();
  private static final ObjectMapper MAPPER = GridcastJson.newObjectMapper();

  private final Secret secret;
  private final Duration tolerance;
  private final Clock clock;
  private final int replayCacheSize;
  private final SeenSignatures seen;

  private WebhookVerifier(Builder builder) {
    this.secret = builder.secret;
    this.tolerance = builder.tolerance;
    this.clock = builder.clock;
    this.replayCacheSize = builder.replayCacheSize;
    this.seen = replayCacheSize == 0 ? null : new SeenSignatures(replayCacheSize);
  }

  /** Returns a verifier with the defaults: 300 s tolerance, system UTC clock, 10,000 replays. */
  public static WebhookVerifier create(Secret secret) {
    return builder(secret).build();
  }

  /** Returns a builder for a verifier of deliveries signed with {@code secret}. */
  public static Builder builder(Secret secret) {
    return new Builder(secret);
  }

  /**
   * Verifies a delivery whose body is text (decoded as UTF-8 from the raw bytes).
   *
   * @param payload the raw request body
   * @param signatureHeader the value of the {@code Gridcast-Signature} header, or {@code null} if
   *     the request had none
   * @throws WebhookSignatureException if the delivery must be rejected; see {@link
   *     WebhookSignatureException#reason()}
   * @throws NullPointerException if {@code payload} is null
   */
  public void verify(String payload, String signatureHeader) throws WebhookSignatureException {
    Objects.requireNonNull(payload, "payload");
    verify(payload.getBytes(StandardCharsets.UTF_8), signatureHeader);
  }

  /**
   * Verifies a delivery given its raw body bytes.
   *
   * @throws WebhookSignatureException if the delivery must be rejected
   * @throws NullPointerException if {@code payload} is null
   * @see #verify(String, String)
   */
  public void verify(byte[] payload, String signatureHeader) throws WebhookSignatureException {
    Objects.requireNonNull(payload, "payload");
    try {
      ParsedHeader header = ParsedHeader.parse(signatureHeader);
      byte[] expected = hmac(secret, header.timestamp(), payload);
      boolean matched = false;
      for (String candidate : header.signatures()) {
        matched |= matches(expected, candidate);
      }
      if (!matched) {
        throw new WebhookSignatureException(
            Reason.SIGNATURE_MISMATCH,
            "No v1 signature in the "
                + SIGNATURE_HEADER
                + " header matches the payload: check that the verifier uses the secret the"
                + " webhook was registered with and that the raw request body is passed unchanged");
      }
      checkTimestamp(header.timestamp());
      if (seen != null && !seen.add(header.timestamp() + ":" + HEX.formatHex(expected))) {
        throw new WebhookSignatureException(
            Reason.REPLAYED,
            "This signature was already accepted: the delivery is a replay or a retry of one"
                + " already processed; acknowledge it without acting on it again");
      }
    } catch (WebhookSignatureException e) {
      LOG.debug("Rejected a webhook delivery: {}", e.reason());
      throw e;
    }
  }

  /**
   * Verifies a delivery and decodes its body as an {@link Event}.
   *
   * @throws WebhookSignatureException if the delivery must be rejected
   * @throws IllegalArgumentException if the verified body is not an event of the contract
   * @throws NullPointerException if {@code payload} is null
   */
  public Event constructEvent(String payload, String signatureHeader)
      throws WebhookSignatureException {
    Objects.requireNonNull(payload, "payload");
    return constructEvent(payload.getBytes(StandardCharsets.UTF_8), signatureHeader);
  }

  /**
   * Verifies a delivery over its body exactly as received and decodes it as an {@link Event}.
   *
   * @throws WebhookSignatureException if the delivery must be rejected
   * @throws IllegalArgumentException if the verified body is not an event of the contract
   * @throws NullPointerException if {@code payload} is null
   */
  public Event constructEvent(byte[] payload, String signatureHeader)
      throws WebhookSignatureException {
    verify(payload, signatureHeader);
    Event event;
    try {
      event = MAPPER.readValue(payload, Event.class);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "The webhook body is signed correctly but is not an Active Community event", e);
    }
    if (event == null) { // a body of just `null` decodes to null rather than failing
      throw new IllegalArgumentException(
          "The webhook body is signed correctly but is not an Active Community event: it is JSON null");
    }
    return event;
  }

  /** Returns the tolerance this verifier applies. */
  public Duration tolerance() {
    return tolerance;
  }

  /** Returns how many accepted signatures are remembered; 0 means replay protection is off. */
  public int replayCacheSize() {
    return replayCacheSize;
  }

  @Override
  public String toString() {
    return "WebhookVerifier[tolerance=" + tolerance + ", replayCacheSize=" + replayCacheSize + "]";
  }

  /**
   * Returns a {@code Gridcast-Signature} header value for {@code payload} signed at {@code
   * timestamp}, exactly as Active Community sends it. Use it to sign payloads in tests.
   *
   * @throws NullPointerException if an argument is null
   */
  public static String generateSignatureHeader(Secret secret, String payload, Instant timestamp) {
    Objects.requireNonNull(payload, "payload");
    return generateSignatureHeader(secret, payload.getBytes(StandardCharsets.UTF_8), timestamp);
  }

  /**
   * Returns a {@code Gridcast-Signature} header value for raw {@code payload} bytes.
   *
   * @see #generateSignatureHeader(Secret, String, Instant)
   */
  public static String generateSignatureHeader(Secret secret, byte[] payload, Instant timestamp) {
    Objects.requireNonNull(secret, "secret");
    Objects.requireNonNull(payload, "payload");
    long t = timestamp.getEpochSecond();
    return "t=" + t + ",v1=" + HEX.formatHex(hmac(secret, t, payload));
  }

  private void checkTimestamp(long timestamp) throws WebhookSignatureException {
    long now = clock.instant().getEpochSecond();
    long age = now - timestamp;
    long limit = tolerance.getSeconds();
    if (age > limit) {
      throw new WebhookSignatureException(
          Reason.TIMESTAMP_TOO_OLD,
          "The signature timestamp is "
              + age
              + " s old, beyond the tolerance of "
              + limit
              + " s: reject the delivery; if this happens to fresh deliveries, check this"
              + " receiver's clock");
    }
    if (-age > limit) {
      throw new WebhookSignatureException(
          Reason.TIMESTAMP_IN_FUTURE,
          "The signature timestamp is "
              + -age
              + " s in the future, beyond the tolerance of "
              + limit
              + " s: check this receiver's clock");
    }
  }

  private static boolean matches(byte[] expected, String candidateHex) {
    byte[] candidate;
    try {
      candidate = HEX.parseHex(candidateHex);
    } catch (IllegalArgumentException notHex) {
      return false;
    }
    // Constant time in the position of the first differing byte, so timing reveals nothing.
    return MessageDigest.isEqual(expected, candidate);
  }

  static byte[] hmac(Secret secret, long timestamp, byte[] payload) {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(new SecretKeySpec(secret.reveal().getBytes(StandardCharsets.UTF_8), HMAC));
      mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
      return mac.doFinal(payload);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      // Every Java SE platform provides HmacSHA256 and accepts any non-empty key.
      throw new IllegalStateException("HmacSHA256 is unavailable in this JVM", e);
    }
  }

  /** The parts of a {@code Gridcast-Signature} header. */
  private record ParsedHeader(long timestamp, List<String> signatures) {

    static ParsedHeader parse(String header) throws WebhookSignatureException {
      if (header == null || header.isBlank()) {
        throw new WebhookSignatureException(
            Reason.MISSING_HEADER,
            "The "
                + SIGNATURE_HEADER
                + " header is missing: pass the request's "
                + SIGNATURE_HEADER
                + " header value; deliveries without one must be rejected");
      }
      if (header.length() > MAX_HEADER_LENGTH) {
        throw malformed("it is longer than " + MAX_HEADER_LENGTH + " characters");
      }
      Long timestamp = null;
      List<String> signatures = new ArrayList<>();
      for (String element : header.split(",")) {
        int eq = element.indexOf('=');
        if (eq <= 0) {
          throw malformed("an element is not of the form key=value");
        }
        String key = element.substring(0, eq).trim();
        String value = element.substring(eq + 1).trim();
        if (key.equals("t")) {
          if (timestamp != null) {
            throw malformed("it has more than one t");
          }
          timestamp = parseTimestamp(value);
        } else if (key.equals("v1")) {
          signatures.add(value);
        }
      }
      if (timestamp == null) {
        throw malformed("it has no t timestamp");
      }
      if (signatures.isEmpty()) {
        throw malformed("it has no v1 signature");
      }
      return new ParsedHeader(timestamp, List.copyOf(signatures));
    }

    private static long parseTimestamp(String value) throws WebhookSignatureException {
      // ASCII digits only: Character.isDigit would also let Arabic-Indic or full-width digits through
      if (value.isEmpty() || value.length() > 18 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
        throw malformed("t is not a number of Unix seconds");
      }
      return Long.parseLong(value);
    }

    private static WebhookSignatureException malformed(String what) {
      return new WebhookSignatureException(
          Reason.MALFORMED_HEADER,
          "The "
              + SIGNATURE_HEADER
              + " header is malformed ("
              + what
              + "): expected t=<unix seconds>,v1=<hex HMAC-SHA256>; pass the header value"
              + " unchanged");
    }
  }

  /** A bounded, thread-safe, least-recently-used set of accepted signatures. */
  private static final class SeenSignatures {
    private final Map<String, Boolean> entries;

    SeenSignatures(int capacity) {
      this.entries =
          new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
              return size() > capacity;
            }
          };
    }

    /** Adds the key and returns true, or returns false if it was already present. */
    synchronized boolean add(String key) {
      return entries.putIfAbsent(key, Boolean.TRUE) == null;
    }
  }

  /**
   * Configures a {@link WebhookVerifier}. Defaults: tolerance {@link #DEFAULT_TOLERANCE} (300
   * seconds), {@link Clock#systemUTC()}, replay cache of {@link #DEFAULT_REPLAY_CACHE_SIZE}
   * (10,000) signatures. Not thread-safe; build once and share the verifier.
   */
  public static final class Builder {
    private final Secret secret;
    private Duration tolerance = DEFAULT_TOLERANCE;
    private Clock clock = Clock.systemUTC();
    private int replayCacheSize = DEFAULT_REPLAY_CACHE_SIZE;

    private Builder(Secret secret) {
      this.secret =
          Objects.requireNonNull(
              secret, "secret is missing: pass the webhook's signing secret as a Secret");
    }

    /**
     * Sets how far a signed timestamp may lie from the clock, in whole seconds, either direction.
     *
     * @throws IllegalArgumentException if {@code tolerance} is negative or under one second
     */
    public Builder tolerance(Duration tolerance) {
      Objects.requireNonNull(tolerance, "tolerance");
      if (tolerance.getSeconds() < 1) {
        throw new IllegalArgumentException(
            "tolerance must be at least one second, e.g. Duration.ofMinutes(5)");
      }
      this.tolerance = tolerance;
      return this;
    }

    /** Sets the clock timestamps are compared with; a fixed clock makes tests deterministic. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets how many accepted signatures are remembered; 0 turns replay protection off.
     *
     * @throws IllegalArgumentException if {@code size} is negative
     */
    public Builder replayCacheSize(int size) {
      if (size < 0) {
        throw new IllegalArgumentException(
            "replayCacheSize must be 0 (off) or positive, e.g. 10000");
      }
      this.replayCacheSize = size;
      return this;
    }

    /** Returns the verifier. */
    public WebhookVerifier build() {
      return new WebhookVerifier(this);
    }
  }

  /**
   * Signs payloads the way Active Community does, for tests and sandboxes that send deliveries.
   *
   * <pre>{@code
   * WebhookVerifier.Signer signer = WebhookVerifier.Signer.create(secret, Clock.systemUTC());
   * request.header(WebhookVerifier.SIGNATURE_HEADER, signer.sign(body));
   * }</pre>
   *
   * <p>Immutable and thread-safe.
   */
  public static final class Signer {
    private final Secret secret;
    private final Clock clock;

    private Signer(Secret secret, Clock clock) {
      this.secret = Objects.requireNonNull(secret, "secret");
      this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Returns a signer that timestamps with {@code clock}. */
    public static Signer create(Secret secret, Clock clock) {
      return new Signer(secret, clock);
    }

    /** Returns the header value for {@code payload}, timestamped now. */
    public String sign(String payload) {
      return generateSignatureHeader(secret, payload, clock.instant());
    }

    /** Returns the header value for raw {@code payload} bytes, timestamped now. */
    public String sign(byte[] payload) {
      return generateSignatureHeader(secret, payload, clock.instant());
    }

    @Override
    public String toString() {
      return "WebhookVerifier.Signer[secret=" + secret + "]";
    }
  }
}
