package io.gridcast.spotify.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.gridcast.core.GridcastStyle;

import org.immutables.value.Value;

/**
 * A link to a page of playlist items with their count: Spotify's {@code PlaylistTracksRefObject},
 * carried by a {@link SimplifiedPlaylist} as {@code items} (formerly {@code tracks}).
 */
@Value.Immutable
@GridcastStyle
@JsonSerialize(as = PlaylistItemsRef.class)
@JsonDeserialize(as = PlaylistItemsRef.class)
interface AbstractPlaylistItemsRef {

  /** The Web API endpoint that returns the playlist's items. */
  @JsonProperty("href")
  String href();

  /** The number of items in the playlist. */
  @JsonProperty("total")
  int total();
}
