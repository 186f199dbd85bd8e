package io.gridcast.spotify.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.gridcast.core.GridcastStyle;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A playlist with its first page of items: Spotify's {@code PlaylistObject}, from {@code
 * /playlists/{id}}.
 *
 * <p>The items are read from {@code items} or, in older responses, from the deprecated {@code
 * tracks}, and written back as {@code items}.
 */
@Value.Immutable
@GridcastStyle
@JsonSerialize(as = Playlist.class)
@JsonDeserialize(as = Playlist.class)
public interface AbstractPlaylist extends PlaylistBase {

  /** Follower information. */
  @JsonProperty("followers")
  Optional<Followers> followers();

  /** The first page of the playlist's items. */
  @JsonProperty("items")
  @JsonAlias("tracks")
  Paging<PlaylistItem> items();
}
