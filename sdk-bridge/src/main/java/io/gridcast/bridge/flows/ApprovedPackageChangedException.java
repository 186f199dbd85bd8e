package io.gridcast.bridge.flows;

/**
 * An approved package is not released because one of its documents is no longer byte for byte
 * what was submitted for review and approved: its SHA-256 differs from the one on the approval's
 * audit trail ({@code document_approved}, or {@code package_submitted} before the approval). The
 * reason is on the trail ({@code release_blocked}); the item is dead-lettered and nothing is
 * published. To fix it, restore the document's approved content in Trading Grid (then replay the
 * dead letter), or have the changed package reviewed: an approved package cannot be reopened, so
 * submit it under a new key.
 */
public final class ApprovedPackageChangedException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  private final String approvalId;
  private final String part;
  private final String documentId;

  /**
   * @param approvalId the approval whose release was refused
   * @param part which document of the package changed: {@code script}, {@code artwork}, {@code
   *     release notes} or {@code audio}
   * @param documentId the changed document
   * @param reason what changed, with the approved and the current SHA-256
   */
  public ApprovedPackageChangedException(String approvalId, String part, String documentId, String reason) {
    super("approval " + approvalId + " is not released: " + reason + ". Restore the approved " + part
        + " in Trading Grid and replay the dead letter, or submit the changed package under a new key for review");
    this.approvalId = approvalId;
    this.part = part;
    this.documentId = documentId;
  }

  /** The approval whose release was refused. */
  public String approvalId() {
    return approvalId;
  }

  /** Which document of the package changed: {@code script}, {@code artwork}, {@code release notes} or {@code audio}. */
  public String part() {
    return part;
  }

  /** The changed document's id. */
  public String documentId() {
    return documentId;
  }
}
