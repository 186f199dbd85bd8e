package io.gridcast.spotify.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.gridcast.core.GridcastStyle;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The answer to {@code GET /search}: one page per requested type. Only the types that were
 * requested are present. Artists and audiobooks, which Gridcast does not model, are ignored.
 * Spotify returns {@code null} entries in these pages (notably for playlists); {@link Paging}
 * drops them.
 */
@Value.Immutable
@GridcastStyle
@JsonSerialize(as = SearchResults.class)
@JsonDeserialize(as = SearchResults.class)
interface AbstractSearchResults {

  /** Matching tracks. */
  @JsonProperty("tracks")
  Optional<Paging<Track>> tracks();

  /** Matching albums. */
  @JsonProperty("albums")
  Optional<Paging<SimplifiedAlbum>> albums();

  /** Matching playlists. */
  @JsonProperty("playlists")
  Optional<Paging<SimplifiedPlaylist>> playlists();

  /** Matching shows. */
  @JsonProperty("shows")
  Optional<Paging<SimplifiedShow>> shows();

  /** Matching episodes. */
  @JsonProperty("episodes")
  Optional<Paging<SimplifiedEpisode>> episodes();
}
