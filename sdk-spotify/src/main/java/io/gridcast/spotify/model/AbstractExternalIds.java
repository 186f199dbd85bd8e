package io.gridcast.spotify.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.gridcast.core.GridcastStyle;
import java.util.Optional;
import org.immutables.value.Value;

/** Known external identifiers of a track or album: Spotify's {@code ExternalIdObject}. */
@Value.Immutable
@GridcastStyle
@JsonSerialize(as = ExternalIds.class)
@JsonDeserialize(as = ExternalIds.class)
interface AbstractExternalIds {

  /** The International Standard Recording Code. */
  @JsonProperty("isrc")
  Optional<String> isrc();

  /** The International Article Number. */
  @JsonProperty("ean")
  Optional<String> ean();

  /** The Universal Product Code. */
  @JsonProperty("upc")
  Optional<String> upc();
}
