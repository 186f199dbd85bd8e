package io.gridcast.spotify.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.gridcast.core.GridcastStyle;

import org.immutables.value.Value;

/**
 * An episode with its show: Spotify's {@code EpisodeObject}, from {@code /episodes/{id}}, saved
 * episodes and playlist items.
 */
@Value.Immutable
@GridcastStyle
@JsonSerialize(as = Episode.class)
@JsonDeserialize(as = Episode.class)
interface AbstractEpisode extends EpisodeBase, PlaylistItemContent {

  /** The show the episode belongs to. */
  @JsonProperty("show")
  SimplifiedShow show();

  // name() and durationMs() are declared by both EpisodeBase and PlaylistItemContent; declared
  // again here, the generated Episode takes their documentation from one place on every build
  // (otherwise either comment may be copied, and the sources and Javadoc jars differ).

  /** The episode's name. */
  @Override
  @JsonProperty("name")
  String name();

  /** The episode length in milliseconds. */
  @Override
  @JsonProperty("duration_ms")
  long durationMs();

  @Override
  @JsonProperty("type")
  default String type() {
    return "episode";
  }

  @Override
  @JsonProperty("explicit")
  default boolean explicit() {
    return false;
  }
}
