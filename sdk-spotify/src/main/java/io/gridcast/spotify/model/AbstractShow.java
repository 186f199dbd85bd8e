package io.gridcast.spotify.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.gridcast.core.GridcastStyle;

import org.immutables.value.Value;

/** A show with its first page of episodes: Spotify's {@code ShowObject}, from {@code /shows/{id}}. */
@Value.Immutable
@GridcastStyle
@JsonSerialize(as = Show.class)
@JsonDeserialize(as = Show.class)
interface AbstractShow extends ShowBase {

  /** The first page of the show's episodes, newest first. */
  @JsonProperty("episodes")
  Paging<SimplifiedEpisode> episodes();
}
