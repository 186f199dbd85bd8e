package io.gridcast.spotify.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.gridcast.core.GridcastStyle;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A Spotify user: the private user ({@code PrivateUserObject}, from {@code /me}), the public user
 * ({@code PublicUserObject}), and a playlist's owner or the user who added an item ({@code
 * PlaylistOwnerObject}, {@code PlaylistUserObject}) in one model.
 *
 * <p>The private fields ({@link #country()}, {@link #email()}, {@link #product()}, {@link
 * #explicitContent()}) appear only for the current user and only with the matching scopes;
 * Spotify has deprecated several of them, as well as {@link #followers()}, so all are optional.
 */
@Value.Immutable
@GridcastStyle
@JsonSerialize(as = User.class)
@JsonDeserialize(as = User.class)
interface AbstractUser {

  /** The Spotify user id; not base-62, see {@link io.gridcast.spotify.SpotifyUri}. */
  @JsonProperty("id")
  String id();

  /** The name shown on the profile; empty when not available. */
  @JsonProperty("display_name")
  Optional<String> displayName();

  /** Known external URLs of the user; empty object by default. */
  @JsonProperty("external_urls")
  default ExternalUrls externalUrls() {
    return ExternalUrls.builder().build();
  }

  /** Follower information; deprecated by Spotify and often absent. */
  @JsonProperty("followers")
  Optional<Followers> followers();

  /** The Web API endpoint for this user. */
  @JsonProperty("href")
  Optional<String> href();

  /** Profile images; empty when the user has none or Spotify omits them. */
  @JsonProperty("images")
  List<Image> images();

  /** The object type, {@code "user"}. */
  @JsonProperty("type")
  default String type() {
    return "user";
  }

  /** The Spotify URI, {@code spotify:user:<id>}. */
  @JsonProperty("uri")
  Optional<String> uri();

  /** The ISO 3166-1 alpha-2 country of the account ({@code user-read-private}); deprecated. */
  @JsonProperty("country")
  Optional<String> country();

  /** The unverified e-mail address ({@code user-read-email}); deprecated. */
  @JsonProperty("email")
  Optional<String> email();

  /** The subscription level, such as {@code premium} or {@code free}; deprecated. */
  @JsonProperty("product")
  Optional<String> product();

  /** Explicit-content settings ({@code user-read-private}). */
  @JsonProperty("explicit_content")
  Optional<ExplicitContentSettings> explicitContent();
}
