package io.gridcast.bridge.flows;

import java.util.Objects;
import java.util.Optional;

/**
 * One follow-up action a {@link FollowUpRule} found in a period's performance: the source item of
 * the follow-up stage of {@link PerformanceReportFlow}, which opens one Trading Grid issue for it.
 * Immutable.
 *
 * @param key the stable source key and the issue's {@code externalRef}: the report's key, the rule's id and the episode's id
 * @param rule the rule that fired
 * @param data the period's figures
 * @param episode the episode it is about; empty for a rule on the report's totals
 * @param value the figure that fired it: the episode's completion, or the change against the period before (negative)
 * @param threshold the rule's threshold
 */
public record FollowUp(String key, FollowUpRule rule, PerformanceData data, Optional<EpisodePerformance> episode, double value,
    double threshold) {

  /** @throws NullPointerException if a component is null */
  public FollowUp {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(episode, "episode");
  }
}
