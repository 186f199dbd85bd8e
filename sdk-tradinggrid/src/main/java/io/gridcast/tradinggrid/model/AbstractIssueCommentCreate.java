package io.gridcast.tradinggrid.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.gridcast.core.GridcastStyle;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The body that comments on an issue ({@code createIssueComment}).
 */
@Value.Immutable
@GridcastStyle
@JsonSerialize(as = IssueCommentCreate.class)
@JsonDeserialize(as = IssueCommentCreate.class)
abstract class AbstractIssueCommentCreate {

  /** The Markdown body. */
  public abstract String body();

  /** The partner on whose behalf it is written. */
  public abstract Optional<String> authorPartnerId();

  /** The caller's own reference, e.g. {@code spotify:episode:…}; lists can filter on it. */
  public abstract Optional<String> externalRef();
}
