package io.gridcast.tradinggrid.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The life cycle of an {@link Issue}: open, in progress, resolved, closed (resolved issues may be
 * re-opened).
 *
 * <p>Values travel as their lower-case wire form ({@link #wireValue()}); a value this version
 * does not know decodes as {@link #UNKNOWN} instead of failing.
 */
public enum IssueStatus {
  OPEN("open"),
  IN_PROGRESS("in_progress"),
  RESOLVED("resolved"),
  CLOSED("closed"),
  /** A value added to the contract after this SDK version; never send it. */
  @JsonEnumDefaultValue
  UNKNOWN("unknown");

  private final String wireValue;

  IssueStatus(String wireValue) {
    this.wireValue = wireValue;
  }

  /** Returns the contract's wire value, e.g. {@code "open"}. */
  @JsonValue
  public String wireValue() {
    return wireValue;
  }

  /**
   * Returns the constant for a wire value, or {@link #UNKNOWN} if there is none.
   *
   * @param wireValue the contract's value, e.g. {@code "closed"}; {@code null} gives
   *     {@link #UNKNOWN}
   */
  public static IssueStatus fromWireValue(String wireValue) {
    for (IssueStatus value : values()) {
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
