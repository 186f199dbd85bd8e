package io.gridcast.spotify.model;

import com.fasterxml.jackson.annotation.JsonValue;

/** How precisely a {@link ReleaseDate} is known: Spotify's {@code release_date_precision}. */
public enum ReleaseDatePrecision {
  /** Only the year is known, written {@code "2019"}. */
  YEAR("year"),
  /** Year and month are known, written {@code "2019-07"}. */
  MONTH("month"),
  /** The exact day is known, written {@code "2019-07-04"}. */
  DAY("day");

  private final String jsonValue;

  ReleaseDatePrecision(String jsonValue) {
    this.jsonValue = jsonValue;
  }

  /** Returns the value Spotify uses in JSON: {@code year}, {@code month} or {@code day}. */
  @JsonValue
  public String jsonValue() {
    return jsonValue;
  }
}
