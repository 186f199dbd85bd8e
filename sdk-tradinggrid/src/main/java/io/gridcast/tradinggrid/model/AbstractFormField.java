package io.gridcast.tradinggrid.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.gridcast.core.GridcastStyle;
import java.util.List;
import org.immutables.value.Value;

/**
 * A question on a {@link Form}.
 */
@Value.Immutable
@GridcastStyle
@JsonSerialize(as = FormField.class)
@JsonDeserialize(as = FormField.class)
abstract class AbstractFormField {

  /** The answer key, e.g. {@code usefulness} (lower case, digits, underscores). */
  public abstract String key();

  /** The question as shown. */
  public abstract String label();

  /** The kind of answer. */
  public abstract FormFieldType type();

  /** Whether an answer is required. */
  public abstract boolean required();

  /** The allowed answers of a {@code choice} field; empty otherwise. */
  public abstract List<String> choices();

  @Value.Check
  void check() {
    Checks.known(type(), "type");
    if (type() == FormFieldType.CHOICE && choices().size() < 2) {
      throw new IllegalArgumentException(
          "form field " + key() + " is a choice field: give it at least two choices");
    }
  }
}
