package io.gridcast.bridge.flows;

import io.gridcast.tradinggrid.model.Partner;
import io.gridcast.tradinggrid.model.Submission;
import java.util.Objects;
import java.util.Optional;

/**
 * A feedback submission rated below the configured threshold, with its episode and (when the
 * directory knows it) its partner: the source item of the issue phase of
 * {@link PartnerFeedbackFlow}. Immutable.
 *
 * @param rating the submission's rating, 1-5
 */
public record LowRating(ShowEpisode episode, Submission submission, int rating, Optional<Partner> partner) {

  public LowRating {
    Objects.requireNonNull(episode, "episode");
    Objects.requireNonNull(submission, "submission");
    Objects.requireNonNull(partner, "partner");
  }

  /** The stable source key (and the issue's {@code externalRef}): one per submission. */
  public String key() {
    return "gridcast:partner-feedback:issue:" + submission.id();
  }
}
