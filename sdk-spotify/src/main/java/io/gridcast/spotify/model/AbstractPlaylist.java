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
 * tracks}, and written back as {@code items}. Spotify sends them only for playlists the current
 * user owns or collaborates on: reading someone else's playlist gives a playlist without items,
 * whose {@link #itemsPage()} is empty.
 */
@Value.Immutable
@GridcastStyle
@JsonSerialize(as = Playlist.class)
@JsonDeserialize(as = Playlist.class)
abstract class AbstractPlaylist implements PlaylistBase {

  /** Follower information. */
  @JsonProperty("followers")
  public abstract Optional<Followers> followers();

  /**
   * The first page of the playlist's items; empty when Spotify sent neither {@code items} nor
   * {@code tracks}, as for playlists the current user neither owns nor collaborates on.
   */
  @JsonProperty("items")
  @JsonAlias("tracks")
  public abstract Optional<Paging<PlaylistItem>> itemsPage();

  /**
   * The first page of the playlist's items, for playlists that carry them; see {@link
   * #itemsPage()} for those that may not.
   *
   * @throws IllegalStateException if Spotify sent no items with this playlist (it is neither
   *     owned by nor shared with the current user)
   */
  public Paging<PlaylistItem> items() {
    return itemsPage().orElseThrow(() -> new IllegalStateException("playlist " + id()
        + " came without its items: Spotify sends them only to the playlist's owner and collaborators"));
  }
}
