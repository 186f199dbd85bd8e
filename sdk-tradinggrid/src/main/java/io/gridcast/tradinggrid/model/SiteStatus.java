package io.gridcast.tradinggrid.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The state of a business-music {@link Site}.
 *
 * <p>Values travel as their lower-case wire form ({@link #wireValue()}); a value this version
 * does not know decodes as {@link #UNKNOWN} instead of failing.
 */
public enum SiteStatus {
  /** Not playing yet; its playlist may be prepared ahead of its rollout date. */
  PLANNED("planned"),
  /** Playing its playlist. */
  LIVE("live"),
  /**
   * Stopped by its music programme until a problem is fixed (e.g. an expired licence); it goes
   * live again by itself once it is.
   */
  PAUSED("paused"),
  /** Stopped by people. */
  SUSPENDED("suspended"),
  /** A value added to the contract after this SDK version; never send it. */
  @JsonEnumDefaultValue
  UNKNOWN("unknown");

  private final String wireValue;

  SiteStatus(String wireValue) {
    this.wireValue = wireValue;
  }

  /** Returns the contract's wire value, e.g. {@code "planned"}. */
  @JsonValue
  public String wireValue() {
    return wireValue;
  }

  /**
   * Returns the constant for a wire value, or {@link #UNKNOWN} if there is none.
   *
   * @param wireValue the contract's value, e.g. {@code "suspended"}; {@code null} gives
   *     {@link #UNKNOWN}
   */
  public static SiteStatus fromWireValue(String wireValue) {
    for (SiteStatus value : values()) {
      if (value != UNKNOWN && value.wireValue.equals(wireValue)) {
        return value;
      }
    }
    return UNKNOWN;
  }

  /** Returns the wire value, so that the constant can be used directly as a query parameter. */
  @Override
  public String toString() {
    return wireValue;
  }
}
