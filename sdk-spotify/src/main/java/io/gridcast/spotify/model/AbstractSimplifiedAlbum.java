package io.gridcast.spotify.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.gridcast.core.GridcastStyle;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An album as embedded in a track: Spotify's {@code SimplifiedAlbumObject}.
 *
 * <p>The album of a local file has only a name, so identity, type, track count and release date
 * are optional. {@code release_date_precision} is derived from {@link #releaseDate()}.
 */
@Value.Immutable
@GridcastStyle
@JsonSerialize(as = SimplifiedAlbum.class)
@JsonDeserialize(as = SimplifiedAlbum.class)
interface AbstractSimplifiedAlbum {

  /** The album type; {@link AlbumType#UNKNOWN} for a new value. */
  @JsonProperty("album_type")
  Optional<AlbumType> albumType();

  /** The number of tracks on the album. */
  @JsonProperty("total_tracks")
  Optional<Integer> totalTracks();

  /** ISO 3166-1 alpha-2 markets the album is available in; absent when a market was given. */
  @JsonProperty("available_markets")
  Optional<List<String>> availableMarkets();

  /** Known external URLs; empty object by default. */
  @JsonProperty("external_urls")
  default ExternalUrls externalUrls() {
    return ExternalUrls.builder().build();
  }

  /** The Web API endpoint of the album; empty for local files. */
  @JsonProperty("href")
  Optional<String> href();

  /** The Spotify id; empty for local files. */
  @JsonProperty("id")
  Optional<String> id();

  /** Cover art, widest first. */
  @JsonProperty("images")
  List<Image> images();

  /** The album's name; may be empty after a takedown. */
  @JsonProperty("name")
  String name();

  /** When the album was first released; empty for local files. */
  @JsonProperty("release_date")
  Optional<ReleaseDate> releaseDate();

  /** The precision of {@link #releaseDate()}, written as {@code release_date_precision}. */
  @JsonProperty("release_date_precision")
  @Value.Derived
  default Optional<ReleaseDatePrecision> releaseDatePrecision() {
    return releaseDate().map(ReleaseDate::precision);
  }

  /** Present when a content restriction applies. */
  @JsonProperty("restrictions")
  Optional<Restrictions> restrictions();

  /** The object type, {@code "album"}. */
  @JsonProperty("type")
  default String type() {
    return "album";
  }

  /** The Spotify URI; empty for local files. */
  @JsonProperty("uri")
  Optional<String> uri();

  /** The artist's relation to the album; only when listing an artist's albums. */
  @JsonProperty("album_group")
  Optional<AlbumGroup> albumGroup();

  /** The album's artists. */
  @JsonProperty("artists")
  List<SimplifiedArtist> artists();
}
