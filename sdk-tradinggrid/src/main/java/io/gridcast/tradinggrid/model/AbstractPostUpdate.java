package io.gridcast.tradinggrid.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.gridcast.core.GridcastStyle;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The changes to a post ({@code updatePost}); fields left empty stay as they are, lists and maps
 * replace the current ones. The kind of a post cannot change.
 */
@Value.Immutable
@GridcastStyle
@JsonSerialize(as = PostUpdate.class)
@JsonDeserialize(as = PostUpdate.class)
abstract class AbstractPostUpdate {

  /** The new title. */
  public abstract Optional<String> title();

  /** The new Markdown body. */
  public abstract Optional<String> body();

  /** The links, replacing the current ones. */
  public abstract Optional<List<Link>> links();

  /** The metadata, replacing the current map. */
  public abstract Optional<Map<String, String>> metadata();

  /** The new audience. */
  public abstract Optional<Audience> audience();

  /** The attached document ids, replacing the current ones. */
  public abstract Optional<List<String>> attachments();

  /** The tags, replacing the current ones. */
  public abstract Optional<List<String>> tags();

  @Value.Check
  void check() {
    if (title().isEmpty()
        && body().isEmpty()
        && links().isEmpty()
        && metadata().isEmpty()
        && audience().isEmpty()
        && attachments().isEmpty()
        && tags().isEmpty()) {
      throw new IllegalArgumentException(
          "PostUpdate changes nothing: set at least one field");
    }
  }
}
