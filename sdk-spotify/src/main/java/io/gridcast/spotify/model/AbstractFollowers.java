package io.gridcast.spotify.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.gridcast.core.GridcastStyle;
import java.util.Optional;
import org.immutables.value.Value;

/** Follower information: Spotify's {@code FollowersObject}. */
@Value.Immutable
@GridcastStyle
@JsonSerialize(as = Followers.class)
@JsonDeserialize(as = Followers.class)
interface AbstractFollowers {

  /** Always empty today: the Web API does not support this link. */
  @JsonProperty("href")
  Optional<String> href();

  /** The total number of followers. */
  @JsonProperty("total")
  long total();
}
