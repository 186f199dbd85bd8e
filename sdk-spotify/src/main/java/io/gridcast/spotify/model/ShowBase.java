package io.gridcast.spotify.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Optional;

/**
 * The attributes every show has: Spotify's {@code ShowBase}, shared by {@link Show} and {@link
 * SimplifiedShow}.
 *
 * <p>{@code available_markets} and {@code publisher} are deprecated and may vanish; older
 * payloads lack {@code html_description} and {@code total_episodes}; {@code
 * is_externally_hosted} may be {@code null}. All of those are optional.
 */
public interface ShowBase {

  /** ISO 3166-1 alpha-2 markets the show can be played in; deprecated. */
  @JsonProperty("available_markets")
  Optional<List<String>> availableMarkets();

  /** The show's copyright statements. */
  @JsonProperty("copyrights")
  List<Copyright> copyrights();

  /** The description with HTML tags stripped. */
  @JsonProperty("description")
  String description();

  /** The description with HTML tags; absent in older payloads. */
  @JsonProperty("html_description")
  Optional<String> htmlDescription();

  /** Whether the show is explicit ({@code false} also means unknown). Default false. */
  @JsonProperty("explicit")
  default boolean explicit() {
    return false;
  }

  /** Known external URLs; empty object by default. */
  @JsonProperty("external_urls")
  default ExternalUrls externalUrls() {
    return ExternalUrls.builder().build();
  }

  /** The Web API endpoint of the show. */
  @JsonProperty("href")
  String href();

  /** The show's base-62 Spotify id. */
  @JsonProperty("id")
  String id();

  /** Cover art, widest first. */
  @JsonProperty("images")
  List<Image> images();

  /** Whether all episodes are hosted outside Spotify's CDN; may be unknown. */
  @JsonProperty("is_externally_hosted")
  Optional<Boolean> isExternallyHosted();

  /** ISO 639 codes of the languages used in the show. */
  @JsonProperty("languages")
  List<String> languages();

  /** The media type of the show, such as {@code audio} or {@code mixed}. */
  @JsonProperty("media_type")
  Optional<String> mediaType();

  /** The show's name. */
  @JsonProperty("name")
  String name();

  /** The show's publisher; deprecated. */
  @JsonProperty("publisher")
  Optional<String> publisher();

  /** The object type, {@code "show"}. */
  @JsonProperty("type")
  default String type() {
    return "show";
  }

  /** The Spotify URI, {@code spotify:show:<id>}. */
  @JsonProperty("uri")
  String uri();

  /** The number of episodes; absent in older payloads. */
  @JsonProperty("total_episodes")
  Optional<Integer> totalEpisodes();
}
