package io.gridcast.bridge.flows;

import java.util.Objects;

/**
 * An episode whose announcement post and feedback thread both exist: the source item of the
 * links stage of {@link PartnerFeedbackFlow}, which links the thread from the post. Immutable.
 *
 * @param episode the episode
 * @param postId the episode's announcement post (the post of kind announcement whose {@code externalRef} is the episode's URI)
 * @param threadId the episode's feedback thread
 * @param threadUrl the thread's address (see {@link TradingGridLinks})
 */
record FeedbackThreadLink(ShowEpisode episode, String postId, String threadId, String threadUrl) {

  FeedbackThreadLink {
    Objects.requireNonNull(episode, "episode");
    Objects.requireNonNull(postId, "postId");
    Objects.requireNonNull(threadId, "threadId");
    Objects.requireNonNull(threadUrl, "threadUrl");
  }
}
