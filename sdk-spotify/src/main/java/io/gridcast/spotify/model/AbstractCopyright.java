package io.gridcast.spotify.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.gridcast.core.GridcastStyle;
import java.util.Optional;
import org.immutables.value.Value;

/** A copyright statement of a show or album: Spotify's {@code CopyrightObject}. */
@Value.Immutable
@GridcastStyle
@JsonSerialize(as = Copyright.class)
@JsonDeserialize(as = Copyright.class)
interface AbstractCopyright {

  /** The copyright text. */
  @JsonProperty("text")
  String text();

  /** Whether this is the copyright ({@code C}) or the performance copyright ({@code P}). */
  @JsonProperty("type")
  Optional<CopyrightType> type();
}
