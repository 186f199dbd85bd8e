package io.gridcast.tradinggrid.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The type of a {@link Campaign}: the community owner's own, or a sponsor's.
 *
 * <p>Values travel as their lower-case wire form ({@link #wireValue()}); a value this version
 * does not know decodes as {@link #UNKNOWN} instead of failing.
 */
public enum CampaignType {
  /** The community owner's own campaign. */
  BRANDED("branded"),
  /** Paid for by a sponsor, whom every partner-facing post of the campaign discloses. */
  SPONSORSHIP("sponsorship"),
  /** A value added to the contract after this SDK version; never send it. */
  @JsonEnumDefaultValue
  UNKNOWN("unknown");

  private final String wireValue;

  CampaignType(String wireValue) {
    this.wireValue = wireValue;
  }

  /** Returns the contract's wire value, e.g. {@code "branded"}. */
  @JsonValue
  public String wireValue() {
    return wireValue;
  }

  /**
   * Returns the constant for a wire value, or {@link #UNKNOWN} if there is none.
   *
   * @param wireValue the contract's value, e.g. {@code "sponsorship"}; {@code null} gives
   *     {@link #UNKNOWN}
   */
  public static CampaignType fromWireValue(String wireValue) {
    for (CampaignType value : values()) {
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
