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
 * @param postFingerprint the fingerprint of the post's content other than its feedback link, so
 *     that a post rewritten by someone else (flow 1 replacing its links after an episode changed)
 *     is linked again
 */
record FeedbackThreadLink(ShowEpisode episode, String postId, String threadId, String threadUrl, String postFingerprint) {

  FeedbackThreadLink {
    Objects.requireNonNull(episode, "episode");
    Objects.requireNonNull(postId, "postId");
    Objects.requireNonNull(threadId, "threadId");
    Objects.requireNonNull(threadUrl, "threadUrl");
    Objects.requireNonNull(postFingerprint, "postFingerprint");
  }
}
