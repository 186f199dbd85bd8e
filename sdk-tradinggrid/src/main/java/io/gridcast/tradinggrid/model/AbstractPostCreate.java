package io.gridcast.tradinggrid.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.gridcast.core.GridcastStyle;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The body that publishes a post ({@code createPost}).
 */
@Value.Immutable
@GridcastStyle
@JsonSerialize(as = PostCreate.class)
@JsonDeserialize(as = PostCreate.class)
abstract class AbstractPostCreate {

  /** The kind of post. */
  public abstract PostKind kind();

  /** The title. */
  public abstract String title();

  /** The body in Markdown (CommonMark). */
  public abstract String body();

  /** Links, e.g. to the Spotify episode. */
  public abstract List<Link> links();

  /** Free-form string key/value pairs (at most 50). */
  public abstract Map<String, String> metadata();

  /** Who sees the post. */
  public abstract Audience audience();

  /** Ids of attached documents. */
  public abstract List<String> attachments();

  /** Tags. */
  public abstract List<String> tags();

  /** The caller's own reference, e.g. {@code spotify:episode:…}; lists can filter on it. */
  public abstract Optional<String> externalRef();

  @Value.Check
  void check() {
    Checks.known(kind(), "kind");
  }
}
