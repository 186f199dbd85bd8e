package io.gridcast.spotify.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.gridcast.core.GridcastStyle;
import java.util.Optional;
import org.immutables.value.Value;

/** The cursors of a {@link CursorPaging} page: Spotify's {@code CursorObject}. */
@Value.Immutable
@GridcastStyle
@JsonSerialize(as = Cursors.class)
@JsonDeserialize(as = Cursors.class)
interface AbstractCursors {

  /** The cursor to pass as {@code after} to read the next page; empty on the last page. */
  @JsonProperty("after")
  Optional<String> after();

  /** The cursor to pass as {@code before} to read the previous page. */
  @JsonProperty("before")
  Optional<String> before();
}
