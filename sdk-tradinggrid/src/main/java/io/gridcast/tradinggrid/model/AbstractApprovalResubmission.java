package io.gridcast.tradinggrid.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.gridcast.core.GridcastStyle;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The body that resubmits a revised package for another round of review ({@code
 * resubmitApproval}): the revised documents, and the title and description when they change too.
 * Documents are immutable, so revised content is a newly uploaded document.
 */
@Value.Immutable
@GridcastStyle
@JsonSerialize(as = ApprovalResubmission.class)
@JsonDeserialize(as = ApprovalResubmission.class)
abstract class AbstractApprovalResubmission {

  /** The revised documents under review (JSON {@code package}). */
  @JsonProperty("package")
  public abstract ContentPackage contentPackage();

  /** A new title, if it changes. */
  public abstract Optional<String> title();

  /** A new description, if it changes. */
  public abstract Optional<String> description();

  /** What changed since the last round, for the reviewers; written to the audit trail. */
  public abstract Optional<String> comment();
}
