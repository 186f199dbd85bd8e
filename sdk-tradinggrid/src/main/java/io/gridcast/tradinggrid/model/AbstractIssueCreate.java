package io.gridcast.tradinggrid.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.gridcast.core.GridcastStyle;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The body that logs an issue ({@code createIssue}); new issues start {@code open}.
 */
@Value.Immutable
@GridcastStyle
@JsonSerialize(as = IssueCreate.class)
@JsonDeserialize(as = IssueCreate.class)
abstract class AbstractIssueCreate {

  /** The kind of issue. */
  public abstract IssueType type();

  /** How severe it is; the platform defaults to {@code medium}. */
  public abstract Optional<IssueSeverity> severity();

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

  /** Corrective actions already taken. */
  /** Who works the issue: a person, role or team of the community owner, e.g. {@code content-team}. */
  public abstract Optional<String> owner();

  public abstract List<String> correctiveActions();

  /** Links. */
  public abstract List<Link> links();

  /** Ids of attached documents. */
  public abstract List<String> attachments();

  /** The caller's own reference, e.g. {@code spotify:episode:…}; lists can filter on it. */
  public abstract Optional<String> externalRef();

  @Value.Check
  void check() {
    Checks.known(type(), "type");
    severity().ifPresent(v -> Checks.known(v, "severity"));
    owner().ifPresent(o -> {
      if (o.isBlank() || o.length() > 200) {
        throw new IllegalArgumentException("owner must be 1-200 characters and not blank, was '" + o + "'");
      }
    });
  }
}
