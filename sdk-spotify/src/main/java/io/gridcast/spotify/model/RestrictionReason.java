package io.gridcast.spotify.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Why Spotify restricts a track, episode or album. Spotify may add reasons at any time. */
public enum RestrictionReason {
  /** {@code market}: not available in the given market. */
  @JsonProperty("market")
  MARKET,
  /** {@code product}: not available for the user's subscription type. */
  @JsonProperty("product")
  PRODUCT,
  /** {@code explicit}: explicit, and the user's account does not play explicit content. */
  @JsonProperty("explicit")
  EXPLICIT,
  /** {@code payment_required}: the content must be paid for. */
  @JsonProperty("payment_required")
  PAYMENT_REQUIRED,
  /** A reason this version of Gridcast does not know. */
  @JsonEnumDefaultValue
  UNKNOWN
}
