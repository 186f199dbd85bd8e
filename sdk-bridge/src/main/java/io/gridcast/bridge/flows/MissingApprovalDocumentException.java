package io.gridcast.bridge.flows;

/**
 * A campaign lists an approval document that does not exist (deleted, or an id from elsewhere),
 * so its campaign kit cannot attach it. The kit of that campaign fails and is dead-lettered with
 * this message; nothing is posted until it is fixed. To fix it, upload the document again and
 * set the campaign's {@code approvalDocumentIds} to its new id (or remove the id), then run the
 * flow again or replay the dead letter with {@code bridge.replayDeadLetters(flow)}.
 */
public final class MissingApprovalDocumentException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String campaignId;
  private final String documentId;

  /**
   * @param campaignId the campaign that lists the document
   * @param documentId the approval document's id that was not found
   */
  public MissingApprovalDocumentException(String campaignId, String documentId) {
    super("campaign " + campaignId + " lists approval document " + documentId + ", which does not exist in Trading Grid:"
        + " upload it again and put its new id in the campaign's approvalDocumentIds (or remove the id), then run again");
    this.campaignId = campaignId;
    this.documentId = documentId;
  }

  /** The campaign that lists the missing document. */
  public String campaignId() {
    return campaignId;
  }

  /** The id of the approval document that was not found. */
  public String documentId() {
    return documentId;
  }
}
