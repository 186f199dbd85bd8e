package io.gridcast.spotify.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/** How an artist relates to an album ({@code album_group}), when listing an artist's albums. */
public enum AlbumGroup {
  /** {@code album}. */
  @JsonProperty("album")
  ALBUM,
  /** {@code single}. */
  @JsonProperty("single")
  SINGLE,
  /** {@code compilation}. */
  @JsonProperty("compilation")
  COMPILATION,
  /** {@code appears_on}. */
  @JsonProperty("appears_on")
  APPEARS_ON,
  /** A value this version of Gridcast does not know. */
  @JsonEnumDefaultValue
  UNKNOWN
}
