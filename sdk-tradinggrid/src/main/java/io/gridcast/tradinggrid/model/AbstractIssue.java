package io.gridcast.tradinggrid.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.gridcast.core.GridcastStyle;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An issue-log entry: a trading issue, process change, feedback or support case.
 */
@Value.Immutable
@GridcastStyle
@JsonSerialize(as = Issue.class)
@JsonDeserialize(as = Issue.class)
abstract class AbstractIssue implements Versioned {

  /** The platform's id. */
  public abstract String id();

  /** The kind of issue. */
  public abstract IssueType type();

  /** Where it stands. */
  public abstract IssueStatus status();

  /** How severe it is. */
  public abstract IssueSeverity severity();

  /** The title. */
  public abstract String title();

  /** The Markdown description. */
  public abstract String description();

  /** The partner concerned, if any. */
  public abstract Optional<String> partnerId();

  /** The region concerned, if any. */
  public abstract Optional<String> region();

  /** The Trading Grid account concerned, if any. */
  public abstract Optional<String> accountId();

  /** A short subject that groups issues, e.g. {@code asn}. */
  public abstract Optional<String> topic();

  /** The corrective actions taken. */
  /** Who works the issue: a person, role or team of the community owner, e.g. {@code content-team}. */
  public abstract Optional<String> owner();

  public abstract List<String> correctiveActions();

  /** How it was resolved, once it is. */
  public abstract Optional<String> resolutionSummary();

  /** Links, e.g. to an audio update on Spotify. */
  public abstract List<Link> links();

  /** Ids of attached documents. */
  public abstract List<String> attachments();

  /** The caller's own reference, e.g. a Spotify URI, if one was given. */
  public abstract Optional<String> externalRef();

  /** The resource version, starting at 1; send it as {@code If-Match} to update. */
  public abstract long version();

  /** When it was created. */
  public abstract Instant createdAt();

  /** When it last changed. */
  public abstract Instant updatedAt();

  /** When it was last resolved, if it was. */
  public abstract Optional<Instant> resolvedAt();
}
