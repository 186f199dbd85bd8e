package io.gridcast.tradinggrid.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.gridcast.core.GridcastStyle;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A post in the community: an announcement, training, audio update, report or service notice.
 */
@Value.Immutable
@GridcastStyle
@JsonSerialize(as = Post.class)
@JsonDeserialize(as = Post.class)
abstract class AbstractPost implements Versioned {

  /** The platform's id. */
  public abstract String id();

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

  /** The caller's own reference, e.g. a Spotify URI, if one was given. */
  public abstract Optional<String> externalRef();

  /** The resource version, starting at 1; send it as {@code If-Match} to update. */
  public abstract long version();

  /** When it was created. */
  public abstract Instant createdAt();

  /** When it last changed. */
  public abstract Instant updatedAt();
}
