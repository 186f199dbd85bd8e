package io.gridcast.spotify.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.gridcast.core.GridcastStyle;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A track: Spotify's {@code TrackObject}, also the shape of a local file in a playlist.
 *
 * <p>A local file ({@link #isLocal()} {@code true}) has no id or href, a {@code spotify:local:...}
 * URI, and an album and artists without ids. Fields Spotify drops for some apps or when a market
 * is given ({@code available_markets}, {@code popularity}, {@code external_ids}, {@code
 * is_playable}, {@code linked_from}) are optional.
 */
@Value.Immutable
@GridcastStyle
@JsonSerialize(as = Track.class)
@JsonDeserialize(as = Track.class)
interface AbstractTrack extends PlaylistItemContent {

  /** The album the track appears on. */
  @JsonProperty("album")
  Optional<SimplifiedAlbum> album();

  /** The artists who performed the track. */
  @JsonProperty("artists")
  List<SimplifiedArtist> artists();

  /** ISO 3166-1 alpha-2 markets the track can be played in; absent when a market was given. */
  @JsonProperty("available_markets")
  Optional<List<String>> availableMarkets();

  /** The disc number, usually 1. Default 1. */
  @JsonProperty("disc_number")
  default int discNumber() {
    return 1;
  }

  /** The track length in milliseconds. */
  @Override
  @JsonProperty("duration_ms")
  long durationMs();

  /** Whether the track has explicit lyrics ({@code false} also means unknown). Default false. */
  @Override
  @JsonProperty("explicit")
  default boolean explicit() {
    return false;
  }

  /** Known external ids such as the ISRC. */
  @JsonProperty("external_ids")
  Optional<ExternalIds> externalIds();

  /** Known external URLs; empty object by default. */
  @JsonProperty("external_urls")
  default ExternalUrls externalUrls() {
    return ExternalUrls.builder().build();
  }

  /** The Web API endpoint of the track; empty for local files. */
  @JsonProperty("href")
  Optional<String> href();

  /** The Spotify id; empty for local files. */
  @JsonProperty("id")
  Optional<String> id();

  /** With track relinking: whether the track is playable in the given market. */
  @JsonProperty("is_playable")
  Optional<Boolean> isPlayable();

  /** With track relinking: the track that was originally requested. */
  @JsonProperty("linked_from")
  Optional<LinkedTrack> linkedFrom();

  /** Present when a content restriction applies. */
  @JsonProperty("restrictions")
  Optional<Restrictions> restrictions();

  /** The track's name. */
  @Override
  @JsonProperty("name")
  String name();

  /** Popularity from 0 to 100. */
  @JsonProperty("popularity")
  Optional<Integer> popularity();

  /** A 30-second MP3 preview; often absent. */
  @JsonProperty("preview_url")
  Optional<String> previewUrl();

  /** The number of the track on its disc. Default 0 (local files). */
  @JsonProperty("track_number")
  default int trackNumber() {
    return 0;
  }

  /** The object type, {@code "track"}. */
  @Override
  @JsonProperty("type")
  default String type() {
    return "track";
  }

  /** The Spotify URI; {@code spotify:local:...} for local files. */
  @JsonProperty("uri")
  String uri();

  /** Whether the track is a local file. Default {@code false}. */
  @JsonProperty("is_local")
  default boolean isLocal() {
    return false;
  }
}
