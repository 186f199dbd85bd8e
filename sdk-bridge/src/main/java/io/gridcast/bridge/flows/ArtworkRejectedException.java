package io.gridcast.bridge.flows;

/**
 * An approved package cannot be released because its artwork is not what Spotify accepts (see
 * {@link ArtworkCheck}). The reason is on the approval's audit trail ({@code release_blocked});
 * the item is dead-lettered. To fix it, replace the artwork with a square JPEG or PNG image of
 * {@value ArtworkCheck#MIN_SIDE} to {@value ArtworkCheck#MAX_SIDE} pixels a side and submit the
 * package again under a new key (an approved package cannot be reopened for another round).
 */
public final class ArtworkRejectedException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  private final String approvalId;

  /**
   * @param approvalId the approved request whose artwork was refused
   * @param problem what is wrong with the artwork, as {@link ArtworkCheck#problem} says it
   */
  public ArtworkRejectedException(String approvalId, String problem) {
    super("approval " + approvalId + " is not released: " + problem + ". Replace the artwork with a square JPEG or PNG "
        + "of " + ArtworkCheck.MIN_SIDE + "-" + ArtworkCheck.MAX_SIDE + " px a side and submit the package again "
        + "under a new key");
    this.approvalId = approvalId;
  }

  /** The approval whose release was blocked. */
  public String approvalId() {
    return approvalId;
  }
}
