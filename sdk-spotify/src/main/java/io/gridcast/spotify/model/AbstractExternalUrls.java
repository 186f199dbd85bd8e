package io.gridcast.spotify.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.gridcast.core.GridcastStyle;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Known external URLs of an object: Spotify's {@code ExternalUrlObject}.
 *
 * <p>Local files carry an empty object, so {@link #spotify()} is optional.
 */
@Value.Immutable
@GridcastStyle
@JsonSerialize(as = ExternalUrls.class)
@JsonDeserialize(as = ExternalUrls.class)
interface AbstractExternalUrls {

  /** The {@code https://open.spotify.com/...} URL of the object, when it has one. */
  @JsonProperty("spotify")
  Optional<String> spotify();
}
