package io.gridcast.tradinggrid.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.gridcast.core.GridcastStyle;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A discussion thread, optionally about a post.
 */
@Value.Immutable
@GridcastStyle
@JsonSerialize(as = Thread.class)
@JsonDeserialize(as = Thread.class)
abstract class AbstractThread {

  /** The platform's id. */
  public abstract String id();

  /** The title. */
  public abstract String title();

  /** The post it discusses, if any. */
  public abstract Optional<String> postId();

  /** The caller's own reference, e.g. a Spotify URI, if one was given. */
  public abstract Optional<String> externalRef();

  /** When it was created. */
  public abstract Instant createdAt();
}
