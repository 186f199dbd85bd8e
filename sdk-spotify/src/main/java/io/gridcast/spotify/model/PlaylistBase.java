package io.gridcast.spotify.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Optional;

/**
 * The attributes every playlist has, shared by {@link Playlist} and {@link SimplifiedPlaylist}.
 *
 * <p>{@code public} is {@code null} when the status is not relevant, so {@link #publicStatus()}
 * is optional; {@code images} may be {@code null} for a playlist without cover, which decodes as
 * an empty list.
 */
public interface PlaylistBase {

  /** Whether the owner lets other users modify the playlist. Default {@code false}. */
  @JsonProperty("collaborative")
  default boolean collaborative() {
    return false;
  }

  /** The description; empty when the playlist has none. */
  @JsonProperty("description")
  Optional<String> description();

  /** Known external URLs; empty object by default. */
  @JsonProperty("external_urls")
  default ExternalUrls externalUrls() {
    return ExternalUrls.builder().build();
  }

  /** The Web API endpoint of the playlist. */
  @JsonProperty("href")
  String href();

  /** The playlist's base-62 Spotify id. */
  @JsonProperty("id")
  String id();

  /** Up to three images, largest first; their URLs expire within a day. */
  @JsonProperty("images")
  List<Image> images();

  /** The playlist's name. */
  @JsonProperty("name")
  String name();

  /** The user who owns the playlist. */
  @JsonProperty("owner")
  User owner();

  /**
   * Spotify's {@code public}: {@code true} public, {@code false} private, empty when the status
   * is not relevant or Spotify sent {@code null}.
   */
  @JsonProperty("public")
  Optional<Boolean> publicStatus();

  /** The version identifier of the playlist, for targeting this version in later requests. */
  @JsonProperty("snapshot_id")
  String snapshotId();

  /** The object type, {@code "playlist"}. */
  @JsonProperty("type")
  default String type() {
    return "playlist";
  }

  /** The Spotify URI, {@code spotify:playlist:<id>}. */
  @JsonProperty("uri")
  String uri();
}
