package io.gridcast.tradinggrid.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.gridcast.core.GridcastStyle;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A form partners answer, e.g. episode feedback.
 */
@Value.Immutable
@GridcastStyle
@JsonSerialize(as = Form.class)
@JsonDeserialize(as = Form.class)
abstract class AbstractForm {

  /** The platform's id. */
  public abstract String id();

  /** The title. */
  public abstract String title();

  /** A description, if set. */
  public abstract Optional<String> description();

  /** The questions, in order. */
  public abstract List<FormField> fields();

  /** The post it belongs to, if any. */
  public abstract Optional<String> postId();

  /** The caller's own reference, e.g. a Spotify URI, if one was given. */
  public abstract Optional<String> externalRef();

  /** When it was created. */
  public abstract Instant createdAt();
}
