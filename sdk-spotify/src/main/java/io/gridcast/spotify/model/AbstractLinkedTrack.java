package io.gridcast.spotify.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.gridcast.core.GridcastStyle;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The originally requested track when Spotify relinked it to another one for the market:
 * Spotify's {@code LinkedTrackObject}.
 */
@Value.Immutable
@GridcastStyle
@JsonSerialize(as = LinkedTrack.class)
@JsonDeserialize(as = LinkedTrack.class)
interface AbstractLinkedTrack {

  /** Known external URLs; empty object by default. */
  @JsonProperty("external_urls")
  default ExternalUrls externalUrls() {
    return ExternalUrls.builder().build();
  }

  /** The Web API endpoint of the track. */
  @JsonProperty("href")
  Optional<String> href();

  /** The Spotify id of the track. */
  @JsonProperty("id")
  Optional<String> id();

  /** The object type, {@code "track"}. */
  @JsonProperty("type")
  default String type() {
    return "track";
  }

  /** The Spotify URI of the track. */
  @JsonProperty("uri")
  Optional<String> uri();
}
