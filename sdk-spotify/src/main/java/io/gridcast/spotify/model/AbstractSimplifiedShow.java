package io.gridcast.spotify.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.gridcast.core.GridcastStyle;

import org.immutables.value.Value;

/**
 * A show without its episodes, as in search results, saved shows and an episode's {@code show}:
 * Spotify's {@code SimplifiedShowObject}.
 */
@Value.Immutable
@GridcastStyle
@JsonSerialize(as = SimplifiedShow.class)
@JsonDeserialize(as = SimplifiedShow.class)
interface AbstractSimplifiedShow extends ShowBase {}
