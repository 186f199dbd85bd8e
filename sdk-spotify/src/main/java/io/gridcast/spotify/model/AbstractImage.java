package io.gridcast.spotify.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.gridcast.core.GridcastStyle;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An image (cover art, profile picture): Spotify's {@code ImageObject}.
 *
 * <p>The schema marks {@code height} and {@code width} required, yet Spotify sends {@code null}
 * for images of unknown size (user-uploaded playlist covers), so both are optional. Image URLs
 * of playlists are temporary and expire within a day.
 */
@Value.Immutable
@GridcastStyle
@JsonSerialize(as = Image.class)
@JsonDeserialize(as = Image.class)
interface AbstractImage {

  /** The source URL of the image. */
  @JsonProperty("url")
  String url();

  /** The height in pixels; empty when Spotify does not know it. */
  @JsonProperty("height")
  Optional<Integer> height();

  /** The width in pixels; empty when Spotify does not know it. */
  @JsonProperty("width")
  Optional<Integer> width();
}
