package io.gridcast.spotify.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.gridcast.core.GridcastStyle;

import org.immutables.value.Value;

/**
 * The answer to a playlist change: the playlist's new {@code snapshot_id}, which later requests
 * may pass to target this version of the playlist.
 */
@Value.Immutable
@GridcastStyle
@JsonSerialize(as = SnapshotResponse.class)
@JsonDeserialize(as = SnapshotResponse.class)
interface AbstractSnapshotResponse {

  /** The version identifier of the playlist after the change. */
  @JsonProperty("snapshot_id")
  String snapshotId();
}
