package io.gridcast.spotify.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.gridcast.core.GridcastStyle;

import org.immutables.value.Value;

/**
 * The current user's position in an episode: Spotify's {@code ResumePointObject}. Present only
 * when the access token is a user token with the {@code user-read-playback-position} scope.
 */
@Value.Immutable
@GridcastStyle
@JsonSerialize(as = ResumePoint.class)
@JsonDeserialize(as = ResumePoint.class)
interface AbstractResumePoint {

  /** Whether the user has played the episode to the end. */
  @JsonProperty("fully_played")
  boolean fullyPlayed();

  /** The user's most recent position in the episode, in milliseconds. */
  @JsonProperty("resume_position_ms")
  long resumePositionMs();
}
