package io.gridcast.bridge.flows;

import io.gridcast.tradinggrid.model.IssueSeverity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A rule that turns a figure of a performance report into a follow-up action: a line in the
 * report's "Follow-up actions" section and a Trading Grid issue for its owner to work. Two kinds:
 * <ul>
 *   <li>{@link #completionBelow(double)}: an episode whose completion (the share of starts played
 *       to the end) is below the threshold, one action per such episode;
 *   <li>{@link #dropFromPrevious(Measure, double)}: the report's total starts or streams fell by
 *       more than the given share against the period of the same length before, one action per
 *       report.
 * </ul>
 * Defaults: no owner, severity {@link IssueSeverity#MEDIUM}. Immutable and thread-safe; {@link
 * #owner} and {@link #severity} return changed copies.
 *
 * <pre>{@code
 * PerformanceReportConfig.builder()
 *     .addFollowUps(FollowUpRule.completionBelow(0.45).owner("content-team"),
 *         FollowUpRule.dropFromPrevious(FollowUpRule.Measure.STREAMS, 0.20).owner("partner-marketing")
 *             .severity(IssueSeverity.HIGH))
 * }</pre>
 */
public final class FollowUpRule {

  /** What a drop is measured on. */
  public enum Measure {
    /** Plays begun. */
    STARTS,
    /** Plays of at least 60 seconds. */
    STREAMS
  }

  private enum Kind { COMPLETION_BELOW, DROP }

  private final Kind kind;
  private final Measure measure;
  private final double threshold;
  private final String owner;
  private final IssueSeverity severity;

  private FollowUpRule(Kind kind, Measure measure, double threshold, String owner, IssueSeverity severity) {
    this.kind = kind;
    this.measure = measure;
    this.threshold = threshold;
    this.owner = owner;
    this.severity = severity;
  }

  /**
   * An action for each episode whose completion is below {@code threshold}.
   *
   * @param threshold a share above 0 and at most 1, e.g. {@code 0.45} for 45 %
   * @throws IllegalArgumentException for a threshold outside (0, 1]
   */
  public static FollowUpRule completionBelow(double threshold) {
    if (!(threshold > 0 && threshold <= 1)) {
      throw new IllegalArgumentException("completionBelow threshold must be above 0 and at most 1 (0.45 is 45 %), was " + threshold);
    }
    return new FollowUpRule(Kind.COMPLETION_BELOW, null, threshold, null, IssueSeverity.MEDIUM);
  }

  /**
   * An action when the report's total {@code measure} fell by more than {@code share} against the
   * period before (reports without a previous period, or with nothing in it, never fire).
   *
   * @param share a share above 0 and below 1, e.g. {@code 0.2} for a drop of more than 20 %
   * @throws IllegalArgumentException for a share outside (0, 1) or a null measure
   */
  public static FollowUpRule dropFromPrevious(Measure measure, double share) {
    Objects.requireNonNull(measure, "measure");
    if (!(share > 0 && share < 1)) {
      throw new IllegalArgumentException("dropFromPrevious share must be above 0 and below 1 (0.2 is 20 %), was " + share);
    }
    return new FollowUpRule(Kind.DROP, measure, share, null, IssueSeverity.MEDIUM);
  }

  /**
   * This rule with an owner: who works the issues it opens (a person, role or team, 1-200
   * characters), written to the issue's {@code owner}.
   */
  public FollowUpRule owner(String owner) {
    if (owner == null || owner.isBlank() || owner.length() > 200) {
      throw new IllegalArgumentException("a follow-up owner must be 1-200 characters and not blank, was '" + owner + "'");
    }
    return new FollowUpRule(kind, measure, threshold, owner.strip(), severity);
  }

  /** This rule with the severity of the issues it opens. */
  public FollowUpRule severity(IssueSeverity severity) {
    return new FollowUpRule(kind, measure, threshold, owner, Objects.requireNonNull(severity, "severity"));
  }

  /** Who works the issues this rule opens, if anyone is named. */
  public Optional<String> owner() {
    return Optional.ofNullable(owner);
  }

  /** The severity of the issues this rule opens. */
  public IssueSeverity severity() {
    return severity;
  }

  /** A stable name, part of each action's key: {@code completion-below-45} or {@code streams-drop-20}. */
  public String id() {
    long percent = Math.round(threshold * 1000);
    String p = percent % 10 == 0 ? Long.toString(percent / 10) : String.format(Locale.ROOT, "%.1f", percent / 10.0);
    return kind == Kind.COMPLETION_BELOW ? "completion-below-" + p : measure.name().toLowerCase(Locale.ROOT) + "-drop-" + p;
  }

  /** The actions this rule finds in a report's data, in the report's episode order. */
  List<FollowUp> evaluate(PerformanceData data) {
    List<FollowUp> actions = new ArrayList<>();
    if (kind == Kind.COMPLETION_BELOW) {
      for (EpisodePerformance e : data.episodes()) {
        OptionalDouble completion = e.completion();
        if (completion.isPresent() && completion.getAsDouble() < threshold) {
          actions.add(new FollowUp(data.key() + "#follow-up:" + id() + ":" + e.episodeId(), this, data, Optional.of(e),
              completion.getAsDouble(), threshold));
        }
      }
    } else if (data.previous().isPresent()) {
      long before = measure == Measure.STARTS ? data.previous().get().starts() : data.previous().get().streams();
      long now = data.episodes().stream().mapToLong(measure == Measure.STARTS ? EpisodePerformance::starts : EpisodePerformance::streams).sum();
      if (before > 0 && (before - now) / (double) before > threshold) {
        actions.add(new FollowUp(data.key() + "#follow-up:" + id(), this, data, Optional.empty(), (now - before) / (double) before,
            threshold));
      }
    }
    return actions;
  }

  boolean isDrop() {
    return kind == Kind.DROP;
  }

  Measure measure() {
    return measure;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FollowUpRule r && r.kind == kind && r.measure == measure && r.threshold == threshold
        && Objects.equals(r.owner, owner) && r.severity == severity;
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, measure, threshold, owner, severity);
  }

  @Override
  public String toString() {
    return "FollowUpRule{" + id() + (owner == null ? "" : ", owner=" + owner) + ", severity=" + severity + "}";
  }
}
