package io.gridcast.tradinggrid.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What a {@link SiteRequest} asks for.
 *
 * <p>Values travel as their lower-case wire form ({@link #wireValue()}); a value this version
 * does not know decodes as {@link #UNKNOWN} instead of failing.
 */
public enum SiteRequestType {
  NEW_SITE("new_site"),
  PLAYLIST_CHANGE("playlist_change"),
  LICENCE("licence"),
  SUPPORT("support"),
  /** A value added to the contract after this SDK version; never send it. */
  @JsonEnumDefaultValue
  UNKNOWN("unknown");

  private final String wireValue;

  SiteRequestType(String wireValue) {
    this.wireValue = wireValue;
  }

  /** Returns the contract's wire value, e.g. {@code "new_site"}. */
  @JsonValue
  public String wireValue() {
    return wireValue;
  }

  /**
   * Returns the constant for a wire value, or {@link #UNKNOWN} if there is none.
   *
   * @param wireValue the contract's value, e.g. {@code "support"}; {@code null} gives
   *     {@link #UNKNOWN}
   */
  public static SiteRequestType fromWireValue(String wireValue) {
    for (SiteRequestType value : values()) {
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
