package io.gridcast.bridge.flows;

import io.gridcast.tradinggrid.TradingGridClient;
import io.gridcast.tradinggrid.model.Issue;
import java.util.Optional;

/**
 * Where the audio of an issue's audio update comes from: the extension point of {@link
 * IssueAudioUpdatesFlow}. The default, {@link #issueAttachment(TradingGridClient)}, takes the
 * issue's first attachment with an {@code audio/*} content type; implement this interface to
 * render the script with a text-to-speech service or fetch the recording from a media library.
 * Implementations must be thread-safe and should return the same audio for the same issue.
 */
@FunctionalInterface
public interface AudioSource {

  /**
   * The audio for {@code issue}, or empty when it has none (the flow then refuses the issue and
   * says so on the issue once).
   */
  Optional<AudioClip> audioFor(Issue issue);

  /** The issue's first attachment whose content type is {@code audio/*}, downloaded. */
  static AudioSource issueAttachment(TradingGridClient tradingGrid) {
    return new IssueAttachmentAudioSource(tradingGrid);
  }
}
