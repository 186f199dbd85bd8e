package io.gridcast.bridge.flows;

/**
 * An issue has no audio to publish: its {@link AudioSource} found none (by default: no
 * attachment with an {@code audio/*} content type). The item is dead-lettered with this
 * message, and the issue gets one comment saying so; attach the audio and replay the dead
 * letter (or resolve the issue again) to publish it.
 */
public final class MissingAudioException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  private final String issueId;

  public MissingAudioException(String issueId) {
    super("issue " + issueId + " has no audio attachment (a document with an audio/* content type): "
        + "attach the recorded audio update to the issue, then replay the dead letter");
    this.issueId = issueId;
  }

  /** The issue without audio. */
  public String issueId() {
    return issueId;
  }
}
