package io.gridcast.spotify.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The kind of a {@link Copyright} statement. */
public enum CopyrightType {
  /** {@code C}: the copyright. */
  @JsonProperty("C")
  COPYRIGHT,
  /** {@code P}: the sound recording (performance) copyright. */
  @JsonProperty("P")
  PERFORMANCE,
  /** A value this version of Gridcast does not know. */
  @JsonEnumDefaultValue
  UNKNOWN
}
