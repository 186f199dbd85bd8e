package io.gridcast.bridge.flows;

/**
 * An approved package is not released because its release notes cannot be the episode's show
 * notes: the document is not {@code text/plain} or {@code text/markdown}, not UTF-8, empty, or
 * longer than show notes may be ({@value ShowNotes#MAX_CHARS} characters). The reason is on the
 * approval's audit trail ({@code release_blocked}); the item is dead-lettered and nothing is
 * published. An approved package cannot be reopened: submit the package with fitting release notes
 * under a new key.
 */
public final class ReleaseNotesRejectedException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  private final String approvalId;

  /**
   * @param approvalId the approval whose release was refused
   * @param problem what is wrong with the release notes
   */
  public ReleaseNotesRejectedException(String approvalId, String problem) {
    super("approval " + approvalId + " is not released: " + problem + ". Submit the package under a new key with "
        + "release notes as a text/plain or text/markdown document of at most " + ShowNotes.MAX_CHARS + " characters");
    this.approvalId = approvalId;
  }

  /** The approval whose release was refused. */
  public String approvalId() {
    return approvalId;
  }
}
