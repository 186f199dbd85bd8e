package io.gridcast.tradinggrid.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.gridcast.core.GridcastStyle;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The body that creates a form ({@code createForm}).
 */
@Value.Immutable
@GridcastStyle
@JsonSerialize(as = FormCreate.class)
@JsonDeserialize(as = FormCreate.class)
abstract class AbstractFormCreate {

  /** The title. */
  public abstract String title();

  /** A description. */
  public abstract Optional<String> description();

  /** The questions, in order; keys must be unique. */
  public abstract List<FormField> fields();

  /** The post it belongs to. */
  public abstract Optional<String> postId();

  /** The caller's own reference, e.g. {@code spotify:episode:…}; lists can filter on it. */
  public abstract Optional<String> externalRef();

  @Value.Check
  void check() {
    if (fields().isEmpty()) {
      throw new IllegalArgumentException("form fields are missing: add at least one field");
    }
  }
}
