package io.gridcast.bridge.flows;

import io.gridcast.tradinggrid.model.Message;
import io.gridcast.tradinggrid.model.Submission;
import java.util.List;
import java.util.Objects;

/**
 * What partners said about one episode: the submissions of its feedback form and the partners'
 * messages in its feedback thread (messages of the community's owners are left out). Immutable.
 */
public record EpisodeFeedback(ShowEpisode episode, List<Submission> submissions, List<Message> messages) {

  public EpisodeFeedback {
    Objects.requireNonNull(episode, "episode");
    submissions = List.copyOf(submissions);
    messages = List.copyOf(messages);
  }
}
