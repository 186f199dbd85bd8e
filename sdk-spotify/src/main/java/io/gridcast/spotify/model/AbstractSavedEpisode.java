package io.gridcast.spotify.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.gridcast.core.GridcastStyle;
import java.time.Instant;
import org.immutables.value.Value;

/** An episode in the current user's library: Spotify's {@code SavedEpisodeObject}. */
@Value.Immutable
@GridcastStyle
@JsonSerialize(as = SavedEpisode.class)
@JsonDeserialize(as = SavedEpisode.class)
interface AbstractSavedEpisode {

  /** When the user saved the episode. */
  @JsonProperty("added_at")
  Instant addedAt();

  /** The saved episode, with its show. */
  @JsonProperty("episode")
  Episode episode();
}
