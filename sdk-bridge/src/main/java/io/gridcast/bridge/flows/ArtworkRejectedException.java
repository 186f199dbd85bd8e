package io.gridcast.bridge.flows;

/**
 * An approved package cannot be released because its artwork is not what Spotify accepts (see
 * {@link ArtworkCheck}). The reason is on the approval's audit trail; the item is
 * dead-lettered. Submit the package again with corrected artwork.
 */
public final class ArtworkRejectedException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  public ArtworkRejectedException(String approvalId, String problem) {
    super("approval " + approvalId + " is not released: " + problem);
  }
}
