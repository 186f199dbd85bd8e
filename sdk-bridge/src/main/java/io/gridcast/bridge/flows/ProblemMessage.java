package io.gridcast.bridge.flows;

import io.gridcast.tradinggrid.model.Message;
import io.gridcast.tradinggrid.model.Partner;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A partner's message in an episode's feedback thread that reports a problem (flagged as one, or
 * holding one of the configured problem keywords), with its episode, topics and (when the
 * directory knows it) its partner: the source item of the problems stage of
 * {@link PartnerFeedbackFlow}. Immutable.
 *
 * @param episode the episode whose feedback thread holds the message
 * @param message the message
 * @param topics the message's topics, in the configured order (see {@link PartnerFeedbackConfig#topicKeywords()}); may be empty
 * @param partner the partner who wrote it, if the directory knows it
 * @param messageUrl the address of the message in Active Community: its thread's address in the
 *     API with the message id as fragment
 */
public record ProblemMessage(ShowEpisode episode, Message message, List<String> topics, Optional<Partner> partner,
    String messageUrl) {

  /** Checks that no component is null and copies the topics. */
  public ProblemMessage {
    Objects.requireNonNull(episode, "episode");
    Objects.requireNonNull(message, "message");
    topics = List.copyOf(topics);
    Objects.requireNonNull(partner, "partner");
    Objects.requireNonNull(messageUrl, "messageUrl");
  }

  /** The stable source key (and the issue's {@code externalRef}): one per message. */
  public String key() {
    return "gridcast:partner-feedback:problem:" + message.id();
  }
}
