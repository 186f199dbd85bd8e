package io.gridcast.spotify.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.gridcast.core.GridcastStyle;
import java.time.Instant;
import org.immutables.value.Value;

/** A show in the current user's library: Spotify's {@code SavedShowObject}. */
@Value.Immutable
@GridcastStyle
@JsonSerialize(as = SavedShow.class)
@JsonDeserialize(as = SavedShow.class)
interface AbstractSavedShow {

  /** When the user saved the show. */
  @JsonProperty("added_at")
  Instant addedAt();

  /** The saved show. */
  @JsonProperty("show")
  SimplifiedShow show();
}
