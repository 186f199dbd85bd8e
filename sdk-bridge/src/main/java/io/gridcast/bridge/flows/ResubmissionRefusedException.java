package io.gridcast.bridge.flows;

import io.gridcast.tradinggrid.model.ApprovalStatus;
import java.util.Locale;

/**
 * A submission changed after it was submitted, but its approval cannot take a revised package:
 * reviewers are still deciding on the package they were sent ({@code pending}), or already
 * approved it ({@code approved}). Only a package that reviewers rejected or sent back with changes
 * requested is resubmitted, to the same approval under the same key. The item is dead-lettered and
 * the approval left as it is.
 */
public final class ResubmissionRefusedException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  private final String submissionKey;
  private final String approvalId;
  private final ApprovalStatus status;

  /**
   * @param submissionKey the submission's key
   * @param approvalId the approval the submission was submitted as
   * @param status the approval's status, neither rejected nor changes requested
   */
  public ResubmissionRefusedException(String submissionKey, String approvalId, ApprovalStatus status) {
    super(message(submissionKey, approvalId, status));
    this.submissionKey = submissionKey;
    this.approvalId = approvalId;
    this.status = status;
  }

  private static String message(String key, String approvalId, ApprovalStatus status) {
    String head = "submission " + key + " changed after it was submitted as approval " + approvalId + ", which is "
        + status.name().toLowerCase(Locale.ROOT) + "; the package under review is not changed: ";
    return head + (status == ApprovalStatus.APPROVED
        ? "an approved package is released as approved, so submit the changed package under a new key"
        : "restore the submission as it was until reviewers decide; once they reject it or ask for changes, the "
            + "revised package is resubmitted under the same key");
  }

  /** The submission's key. */
  public String submissionKey() {
    return submissionKey;
  }

  /** The approval the submission was submitted as. */
  public String approvalId() {
    return approvalId;
  }

  /** The approval's status when the revision was refused. */
  public ApprovalStatus status() {
    return status;
  }
}
