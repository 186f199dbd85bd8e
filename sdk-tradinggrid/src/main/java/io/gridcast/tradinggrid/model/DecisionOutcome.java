package io.gridcast.tradinggrid.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What a reviewer decided in an {@link ApprovalDecision}.
 *
 * <p>Values travel as their lower-case wire form ({@link #wireValue()}); a value this version
 * does not know decodes as {@link #UNKNOWN} instead of failing.
 */
public enum DecisionOutcome {
  APPROVE("approve"),
  REJECT("reject"),
  REQUEST_CHANGES("request_changes"),
  /** A value added to the contract after this SDK version; never send it. */
  @JsonEnumDefaultValue
  UNKNOWN("unknown");

  private final String wireValue;

  DecisionOutcome(String wireValue) {
    this.wireValue = wireValue;
  }

  /** Returns the contract's wire value, e.g. {@code "approve"}. */
  @JsonValue
  public String wireValue() {
    return wireValue;
  }

  /**
   * Returns the constant for a wire value, or {@link #UNKNOWN} if there is none.
   *
   * @param wireValue the contract's value, e.g. {@code "request_changes"}; {@code null} gives
   *     {@link #UNKNOWN}
   */
  public static DecisionOutcome fromWireValue(String wireValue) {
    for (DecisionOutcome value : values()) {
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
