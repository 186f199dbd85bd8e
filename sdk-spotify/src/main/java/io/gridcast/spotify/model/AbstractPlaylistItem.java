package io.gridcast.spotify.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.gridcast.core.GridcastStyle;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One entry of a playlist: Spotify's playlist item object ({@code PlaylistTrackObject}).
 *
 * <p>The content is read from {@code item} or, in older responses, from the deprecated {@code
 * track}; it is written back as {@code item}. It may be a {@link Track}, a local file (a track
 * with {@link #isLocal()} {@code true} and no id), an {@link Episode}, or absent when Spotify
 * returns {@code null} (the content is no longer available) or a type this version does not know.
 */
@Value.Immutable
@GridcastStyle
@JsonSerialize(as = PlaylistItem.class)
@JsonDeserialize(as = PlaylistItem.class)
abstract class AbstractPlaylistItem {

  /** When the item was added; some very old playlists return {@code null}. */
  @JsonProperty("added_at")
  public abstract Optional<Instant> addedAt();

  /** Who added the item; some very old playlists return {@code null}. */
  @JsonProperty("added_by")
  public abstract Optional<User> addedBy();

  /** Whether the item is a local file. Default {@code false}. */
  @JsonProperty("is_local")
  @Value.Default
  public boolean isLocal() {
    return false;
  }

  /** The track or episode; empty when Spotify returned {@code null} or an unknown type. */
  @JsonProperty("item")
  @JsonAlias("track")
  public abstract Optional<PlaylistItemContent> item();

  /** The content if it is a track, including local files. */
  public Optional<Track> track() {
    return item().filter(Track.class::isInstance).map(Track.class::cast);
  }

  /** The content if it is an episode. */
  public Optional<Episode> episode() {
    return item().filter(Episode.class::isInstance).map(Episode.class::cast);
  }
}
