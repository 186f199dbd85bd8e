package io.gridcast.bridge.flows;

import io.gridcast.tradinggrid.TradingGridClient;
import io.gridcast.tradinggrid.model.Message;
import io.gridcast.tradinggrid.model.Partner;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Picks the partners' thread messages that report a problem out of a {@link FeedbackSnapshot}:
 * those flagged as one, and those holding one of the configured problem keywords as a whole word.
 * Thread-safe.
 */
final class ProblemReports {

  private final TradingGridClient tradingGrid;
  private final MessageWords keywords;
  private final MessageTopics topics;

  ProblemReports(TradingGridClient tradingGrid, PartnerFeedbackConfig config) {
    this.tradingGrid = tradingGrid;
    this.keywords = MessageWords.of("problemKeywords", config.problemKeywords());
    this.topics = MessageTopics.of(config.topics(), config.topicKeywords());
  }

  /** The problem reports in {@code snapshot}, episode by episode, oldest message first. */
  List<ProblemMessage> in(FeedbackSnapshot snapshot) {
    List<ProblemMessage> found = new ArrayList<>();
    for (EpisodeFeedback f : snapshot.episodes()) {
      for (Message m : f.messages()) {
        if (m.authorPartnerId().isPresent() && (m.flagged() || keywords.foundIn(m.body()))) {
          Optional<Partner> partner = snapshot.partners().partners().stream()
              .filter(p -> p.id().equals(m.authorPartnerId().get())).findFirst();
          found.add(new ProblemMessage(f.episode(), m, topics.of(m), partner,
              TradingGridLinks.message(tradingGrid, m.threadId(), m.id())));
        }
      }
    }
    return found;
  }
}
