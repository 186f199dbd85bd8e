package io.gridcast.bridge.flows;

import io.gridcast.bridge.Batch;
import io.gridcast.bridge.policy.PartnerDirectory;
import io.gridcast.tradinggrid.TradingGridClient;
import io.gridcast.tradinggrid.model.Form;
import io.gridcast.tradinggrid.model.Message;
import io.gridcast.tradinggrid.model.Submission;
import io.gridcast.tradinggrid.model.Thread;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The feedback on chosen shows' episodes at one moment, with the partner directory to resolve
 * regions and accounts: what the issue and summary phases of {@link PartnerFeedbackFlow} read.
 * Immutable.
 *
 * @param scope the stable scope id: {@code shows:<sorted show ids joined by +>}
 * @param episodes per episode with a feedback channel, in source order
 * @param partners the partner snapshot
 */
public record FeedbackSnapshot(String scope, List<EpisodeFeedback> episodes, PartnerDirectory partners) {

  public FeedbackSnapshot {
    episodes = List.copyOf(episodes);
  }

  /**
   * Reads the feedback of {@code source}'s episodes: each episode's form and thread (found by
   * {@code externalRef}; episodes without a channel yet are left out), their submissions and the
   * partners' messages, oldest first.
   */
  public static FeedbackSnapshot load(TradingGridClient tradingGrid, ShowEpisodesSource source, String scope) {
    List<EpisodeFeedback> feedback = new ArrayList<>();
    for (Batch<ShowEpisode> batch : source.readAll()) {
      for (ShowEpisode e : batch.items()) {
        Optional<Form> form = tradingGrid.forms().findByExternalRef(FeedbackChannel.formRef(e.key()));
        Optional<Thread> thread = tradingGrid.threads().findByExternalRef(FeedbackChannel.threadRef(e.key()));
        if (form.isEmpty() && thread.isEmpty()) {
          continue;
        }
        List<Submission> submissions = new ArrayList<>();
        form.ifPresent(f -> tradingGrid.forms().submissions(f.id(), (Instant) null).forEach(submissions::add));
        submissions.sort(Comparator.comparing(Submission::submittedAt).thenComparing(Submission::id));
        List<Message> messages = new ArrayList<>();
        thread.ifPresent(t -> tradingGrid.threads().messages(t.id(), null).forEach(m -> {
          if (m.authorPartnerId().isPresent()) {
            messages.add(m);
          }
        }));
        messages.sort(Comparator.comparing(Message::createdAt).thenComparing(Message::id));
        feedback.add(new EpisodeFeedback(e, submissions, messages));
      }
    }
    return new FeedbackSnapshot(scope, feedback, PartnerDirectory.load(tradingGrid));
  }
}
