package io.gridcast.spotify.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/**
 * What a {@link PlaylistItem} holds: a {@link Track} (possibly a local file) or an {@link
 * Episode}. Decoding picks the model by the JSON {@code type} field ({@code track} or {@code
 * episode}; a missing type means a track, as on the old tracks-only endpoints); an object of a
 * type this version does not know decodes as absent rather than failing.
 *
 * <p>Use {@link PlaylistItem#track()} and {@link PlaylistItem#episode()} for typed access, or
 * {@code instanceof}. Implementations are immutable and thread-safe.
 */
@JsonDeserialize(using = PlaylistItemContentDeserializer.class)
public interface PlaylistItemContent {

  /** The object type: {@code "track"} or {@code "episode"}. */
  @JsonProperty("type")
  String type();

  /** The name of the track or episode. */
  @JsonProperty("name")
  String name();

  /** The length in milliseconds. */
  @JsonProperty("duration_ms")
  long durationMs();

  /** Whether the content is explicit ({@code false} also means unknown). */
  @JsonProperty("explicit")
  boolean explicit();
}
