package io.gridcast.tradinggrid.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.gridcast.core.GridcastStyle;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A comment on an {@link Issue}.
 */
@Value.Immutable
@GridcastStyle
@JsonSerialize(as = IssueComment.class)
@JsonDeserialize(as = IssueComment.class)
abstract class AbstractIssueComment {

  /** The platform's id. */
  public abstract String id();

  /** The issue it belongs to. */
  public abstract String issueId();

  /** The partner who wrote it, if a partner did. */
  public abstract Optional<String> authorPartnerId();

  /** The Markdown body. */
  public abstract String body();

  /** The caller's own reference, e.g. a Spotify URI, if one was given. */
  public abstract Optional<String> externalRef();

  /** When it was created. */
  public abstract Instant createdAt();
}
