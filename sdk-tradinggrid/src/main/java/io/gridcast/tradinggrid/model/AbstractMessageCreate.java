package io.gridcast.tradinggrid.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.gridcast.core.GridcastStyle;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * The body that posts a message to a thread ({@code createThreadMessage}).
 */
@Value.Immutable
@GridcastStyle
@JsonSerialize(as = MessageCreate.class)
@JsonDeserialize(as = MessageCreate.class)
abstract class AbstractMessageCreate {

  private static final Pattern TAG = Pattern.compile("[a-z0-9][a-z0-9_-]{0,49}");

  /** The Markdown body. */
  public abstract String body();

  /** The partner on whose behalf it is written. */
  public abstract Optional<String> authorPartnerId();

  /** Topic tags (lowercase, 1-50 characters of a-z, 0-9, {@code _ -}; at most 20); none by default. */
  public abstract List<String> tags();

  /** Flags the message as a problem that needs follow-up; default {@code false}. */
  @Value.Default
  public boolean flagged() {
    return false;
  }

  /** The caller's own reference, e.g. {@code spotify:episode:…}; lists can filter on it. */
  public abstract Optional<String> externalRef();

  @Value.Check
  void check() {
    for (String tag : tags()) {
      if (!TAG.matcher(tag).matches()) {
        throw new IllegalArgumentException("message tag '" + tag + "' must be 1-50 characters of a-z, 0-9, '_' or '-', starting with a letter or digit");
      }
    }
    if (tags().size() > 20 || new HashSet<>(tags()).size() != tags().size()) {
      throw new IllegalArgumentException("a message takes at most 20 distinct tags, was " + tags());
    }
  }
}
