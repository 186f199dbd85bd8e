package io.gridcast.spotify.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.gridcast.core.GridcastStyle;

import org.immutables.value.Value;

/**
 * An episode without its show, as in a show's episode pages and search results: Spotify's {@code
 * SimplifiedEpisodeObject}.
 */
@Value.Immutable
@GridcastStyle
@JsonSerialize(as = SimplifiedEpisode.class)
@JsonDeserialize(as = SimplifiedEpisode.class)
interface AbstractSimplifiedEpisode extends EpisodeBase {}
