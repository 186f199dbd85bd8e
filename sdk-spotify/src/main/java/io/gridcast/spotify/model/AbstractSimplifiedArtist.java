package io.gridcast.spotify.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.gridcast.core.GridcastStyle;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An artist as embedded in tracks and albums: Spotify's {@code SimplifiedArtistObject}. Artists
 * of local files have no id, href or uri.
 */
@Value.Immutable
@GridcastStyle
@JsonSerialize(as = SimplifiedArtist.class)
@JsonDeserialize(as = SimplifiedArtist.class)
interface AbstractSimplifiedArtist {

  /** Known external URLs; empty object by default. */
  @JsonProperty("external_urls")
  default ExternalUrls externalUrls() {
    return ExternalUrls.builder().build();
  }

  /** The Web API endpoint of the artist; empty for local files. */
  @JsonProperty("href")
  Optional<String> href();

  /** The Spotify id; empty for local files. */
  @JsonProperty("id")
  Optional<String> id();

  /** The artist's name. */
  @JsonProperty("name")
  String name();

  /** The object type, {@code "artist"}. */
  @JsonProperty("type")
  default String type() {
    return "artist";
  }

  /** The Spotify URI; empty for local files. */
  @JsonProperty("uri")
  Optional<String> uri();
}
