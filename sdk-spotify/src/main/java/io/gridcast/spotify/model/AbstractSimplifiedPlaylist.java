package io.gridcast.spotify.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.gridcast.core.GridcastStyle;
import org.immutables.value.Value;

/**
 * A playlist without its items, as in lists of playlists and search results: Spotify's {@code
 * SimplifiedPlaylistObject}.
 *
 * <p>The reference to the items is read from {@code items} or, in older responses, from the
 * deprecated {@code tracks}, and written back as {@code items}.
 */
@Value.Immutable
@GridcastStyle
@JsonSerialize(as = SimplifiedPlaylist.class)
@JsonDeserialize(as = SimplifiedPlaylist.class)
interface AbstractSimplifiedPlaylist extends PlaylistBase {

  /** Where to read the playlist's items and how many there are. */
  @JsonProperty("items")
  @JsonAlias("tracks")
  PlaylistItemsRef items();
}
