package io.gridcast.tradinggrid.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where a {@link Partner} stands in onboarding, from invitation to active trading.
 *
 * <p>Values travel as their lower-case wire form ({@link #wireValue()}); a value this version
 * does not know decodes as {@link #UNKNOWN} instead of failing.
 */
public enum OnboardingStage {
  INVITED("invited"),
  ONBOARDING("onboarding"),
  CERTIFIED("certified"),
  ACTIVE("active"),
  SUSPENDED("suspended"),
  /** A value added to the contract after this SDK version; never send it. */
  @JsonEnumDefaultValue
  UNKNOWN("unknown");

  private final String wireValue;

  OnboardingStage(String wireValue) {
    this.wireValue = wireValue;
  }

  /** Returns the contract's wire value, e.g. {@code "invited"}. */
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
  public static OnboardingStage fromWireValue(String wireValue) {
    for (OnboardingStage value : values()) {
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
