package io.gridcast.spotify.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.gridcast.core.GridcastStyle;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A content restriction on a track, episode or album: Spotify's {@code TrackRestrictionObject},
 * {@code EpisodeRestrictionObject}, {@code AlbumRestrictionObject} and {@code
 * ChapterRestrictionObject}, which share one shape.
 */
@Value.Immutable
@GridcastStyle
@JsonSerialize(as = Restrictions.class)
@JsonDeserialize(as = Restrictions.class)
interface AbstractRestrictions {

  /** The reason for the restriction; {@link RestrictionReason#UNKNOWN} for a new reason. */
  @JsonProperty("reason")
  Optional<RestrictionReason> reason();
}
