package io.gridcast.spotify.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.gridcast.core.GridcastStyle;

import org.immutables.value.Value;

/** The current user's explicit-content settings: Spotify's {@code ExplicitContentSettingsObject}. */
@Value.Immutable
@GridcastStyle
@JsonSerialize(as = ExplicitContentSettings.class)
@JsonDeserialize(as = ExplicitContentSettings.class)
interface AbstractExplicitContentSettings {

  /** When {@code true}, explicit content should not be played. Default {@code false}. */
  @JsonProperty("filter_enabled")
  default boolean filterEnabled() {
    return false;
  }

  /** When {@code true}, the user cannot change the setting. Default {@code false}. */
  @JsonProperty("filter_locked")
  default boolean filterLocked() {
    return false;
  }
}
