package io.gridcast.spotify.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The attributes every episode has: Spotify's {@code EpisodeBase}, shared by {@link Episode} and
 * {@link SimplifiedEpisode}.
 *
 * <p>{@code audio_preview_url} and {@code language} are deprecated and may vanish; older payloads
 * lack {@code html_description}; {@code is_playable} is absent without a market. All of those are
 * optional. {@code release_date_precision} is derived from {@link #releaseDate()}.
 */
public interface EpisodeBase {

  /** A 30-second MP3 preview; deprecated and often absent. */
  @JsonProperty("audio_preview_url")
  Optional<String> audioPreviewUrl();

  /** The description with HTML tags stripped. */
  @JsonProperty("description")
  String description();

  /** The description with HTML tags; absent in older payloads. */
  @JsonProperty("html_description")
  Optional<String> htmlDescription();

  /** The episode length in milliseconds. */
  @JsonProperty("duration_ms")
  long durationMs();

  /** Whether the episode is explicit ({@code false} also means unknown). Default false. */
  @JsonProperty("explicit")
  default boolean explicit() {
    return false;
  }

  /** Known external URLs; empty object by default. */
  @JsonProperty("external_urls")
  default ExternalUrls externalUrls() {
    return ExternalUrls.builder().build();
  }

  /** The Web API endpoint of the episode. */
  @JsonProperty("href")
  String href();

  /** The episode's base-62 Spotify id. */
  @JsonProperty("id")
  String id();

  /** Cover art, widest first. */
  @JsonProperty("images")
  List<Image> images();

  /** Whether the episode is hosted outside Spotify's CDN. Default false. */
  @JsonProperty("is_externally_hosted")
  default boolean isExternallyHosted() {
    return false;
  }

  /** Whether the episode is playable in the given market; absent without a market. */
  @JsonProperty("is_playable")
  Optional<Boolean> isPlayable();

  /** The ISO 639 language code; deprecated in favour of {@link #languages()}. */
  @JsonProperty("language")
  Optional<String> language();

  /** ISO 639-1 codes of the languages used in the episode. */
  @JsonProperty("languages")
  List<String> languages();

  /** The episode's name. */
  @JsonProperty("name")
  String name();

  /** When the episode was first released, to the year, month or day. */
  @JsonProperty("release_date")
  ReleaseDate releaseDate();

  /** The precision of {@link #releaseDate()}, written as {@code release_date_precision}. */
  @JsonProperty("release_date_precision")
  @Value.Derived
  default ReleaseDatePrecision releaseDatePrecision() {
    return releaseDate().precision();
  }

  /** The current user's position in the episode; needs {@code user-read-playback-position}. */
  @JsonProperty("resume_point")
  Optional<ResumePoint> resumePoint();

  /** The object type, {@code "episode"}. */
  @JsonProperty("type")
  default String type() {
    return "episode";
  }

  /** The Spotify URI, {@code spotify:episode:<id>}. */
  @JsonProperty("uri")
  String uri();

  /** Present when a content restriction applies. */
  @JsonProperty("restrictions")
  Optional<Restrictions> restrictions();
}
