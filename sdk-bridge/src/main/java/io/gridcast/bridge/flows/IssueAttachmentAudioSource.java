package io.gridcast.bridge.flows;

import io.gridcast.tradinggrid.TradingGridClient;
import io.gridcast.tradinggrid.model.Document;
import io.gridcast.tradinggrid.model.Issue;
import java.util.Objects;
import java.util.Optional;

/**
 * The default {@link AudioSource}: the issue's first attachment (in attachment order) that is a
 * document with an {@code audio/*} content type, downloaded through {@code documents().download}
 * (which checks its SHA-256). Thread-safe.
 */
final class IssueAttachmentAudioSource implements AudioSource {

  private final TradingGridClient tradingGrid;

  IssueAttachmentAudioSource(TradingGridClient tradingGrid) {
    this.tradingGrid = Objects.requireNonNull(tradingGrid, "tradingGrid");
  }

  @Override
  public Optional<AudioClip> audioFor(Issue issue) {
    for (String documentId : issue.attachments()) {
      Document document = tradingGrid.documents().get(documentId);
      if (AudioClip.isAudio(document.contentType())) {
        byte[] bytes = tradingGrid.documents().download(documentId);
        return Optional.of(AudioClip.of(document.fileName(), document.contentType(), bytes));
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return "AudioSource.issueAttachment";
  }
}
