package io.gridcast.tradinggrid;

import java.util.Objects;

/**
 * A webhook delivery failed verification; answer it with {@code 400} and do not act on its body.
 *
 * <p>{@link #reason()} says why, so that a receiver can, for instance, count replays apart from
 * forgeries. Messages say what to check and never contain the signing secret or the signature
 * the verifier expected.
 */
public final class WebhookSignatureException extends Exception {

  /** Why a delivery was rejected. */
  public enum Reason {
    /** The {@code Gridcast-Signature} header was absent or blank. */
    MISSING_HEADER,
    /** The header is not {@code t=<unix seconds>,v1=<hex>[,v1=<hex>…]}. */
    MALFORMED_HEADER,
    /** No {@code v1} signature matches the payload under the configured secret. */
    SIGNATURE_MISMATCH,
    /** The signed timestamp is older than the tolerance allows. */
    TIMESTAMP_TOO_OLD,
    /** The signed timestamp is further in the future than the tolerance allows. */
    TIMESTAMP_IN_FUTURE,
    /** The same signature was already accepted: a replayed or duplicated delivery. */
    REPLAYED
  }

  private final Reason reason;

  WebhookSignatureException(Reason reason, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** Returns why the delivery was rejected. */
  public Reason reason() {
    return reason;
  }
}
