package io.gridcast.bridge.flows;

/**
 * An issue has no audio to publish: its {@link AudioSource} found none (by default: no
 * attachment with an {@code audio/*} content type). The item is dead-lettered with this
 * message, and the issue gets one comment saying so. To fix it, attach the recorded audio update
 * to the issue (or have a custom {@link AudioSource} supply it), then replay the dead letter with
 * {@code bridge.replayDeadLetters(flow)} (the flow {@link IssueAudioUpdatesFlow#create} returned) or resolve the
 * issue again.
 */
public final class MissingAudioException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  private final String issueId;

  /** @param issueId the issue the audio source found no audio for */
  public MissingAudioException(String issueId) {
    super("issue " + issueId + " has no audio attachment (a document with an audio/* content type, or audio from the "
        + "configured AudioSource): attach the recorded audio update to the issue, then replay the dead letter with "
        + "Bridge.replayDeadLetters(flow) or resolve the issue again");
    this.issueId = issueId;
  }

  /** The issue without audio. */
  public String issueId() {
    return issueId;
  }
}
