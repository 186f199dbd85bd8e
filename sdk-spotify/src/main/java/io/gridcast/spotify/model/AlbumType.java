package io.gridcast.spotify.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The type of an album ({@code album_type}). */
public enum AlbumType {
  /** {@code album}. */
  @JsonProperty("album")
  ALBUM,
  /** {@code single}. */
  @JsonProperty("single")
  SINGLE,
  /** {@code compilation}. */
  @JsonProperty("compilation")
  COMPILATION,
  /** A value this version of Gridcast does not know. */
  @JsonEnumDefaultValue
  UNKNOWN
}
