package io.gridcast.bridge.flows;

import java.util.Optional;
import io.gridcast.bridge.text.PostTemplates;
import io.gridcast.bridge.Mapper;
import io.gridcast.bridge.RunCaps;
import io.gridcast.bridge.policy.ApprovalPolicy;
import io.gridcast.core.GridcastStyle;
import java.util.HashSet;
import io.gridcast.tradinggrid.model.Approval;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import java.util.Set;
import org.immutables.value.Value;

/**
 * Settings of {@link ApprovalGatedPublishingFlow} (the generated {@code
 * ApprovalGatedPublishingConfig}; build with {@code ApprovalGatedPublishingConfig.builder()}).
 *
 * <p>Required: {@link #publishing()}. Defaults: no submissions (only approvals submitted earlier
 * are released); {@link ApprovalPolicy#standard()} (legal, compliance, partner operations); flow
 * name {@code approval-publishing} (phases {@code approval-publishing-requests} and {@code
 * approval-publishing-releases}); no run caps. Immutable and thread-safe.
 */
@Value.Immutable
@GridcastStyle
abstract class AbstractApprovalGatedPublishingConfig {

  /** Where and how approved packages are published. */
  public abstract FeedPublishingConfig publishing();

  /**
   * The packages to submit for approval, each once by key. Changing a submission (new documents, a
   * new title or description) after reviewers rejected it or asked for changes resubmits it to the
   * same approval for another review round; a change while it is under review or after it was
   * approved is refused ({@link ResubmissionRefusedException}).
   */
  public abstract List<ContentSubmission> submissions();

  /**
   * Approvals created in Trading Grid itself (by people in Active Community, not by a Gridcast
   * flow) that this flow releases once every required role has approved, like its own requests:
   * the approval's title and description become the episode's, its content package the release.
   * Approvals a Gridcast flow requested ({@code externalRef} starting {@code gridcast:approval:})
   * are never taken this way. Default: none. Wake the flow on {@code approval.created} and
   * {@code approval.completed} events to release them promptly.
   *
   * <pre>{@code
   * .approvalsFromTradingGrid(a -> a.requiredRoles().contains("partner_operations"))
   * }</pre>
   */
  @Value.Default
  public Predicate<Approval> approvalsFromTradingGrid() {
    return NO_APPROVALS;
  }

  /** The default of {@link #approvalsFromTradingGrid()}: none. */
  static final Predicate<Approval> NO_APPROVALS = a -> false;

  /**
   * How often the releases phase reads every approval again. The runs between read the Trading
   * Grid events since its cursor and only the approvals they name (created, decided, completed),
   * and the releases that failed and are tried again (a quiet run costs one events request).
   * Default one day; {@link Duration#ZERO} reads every approval on every run.
   */
  @Value.Default
  public Duration fullReadEvery() {
    return Duration.ofDays(1);
  }

  /** Which roles must approve before a release. */
  @Value.Default
  public ApprovalPolicy policy() {
    return ApprovalPolicy.standard();
  }

  /**
   * The flow's name; its phases are named {@code <name>-requests} and {@code <name>-releases}.
   * Default {@code approval-publishing}; at most 55 characters.
   */
  @Value.Default
  public String flowName() {
    return "approval-publishing";
  }

  /**
   * Decides what an approval's state means for its release (released, not yet, objected to);
   * default {@link ApprovalReleaseMapper} with {@link #policy()}.
   */
  public abstract Optional<Mapper<Approval, ReleaseDecision>> releaseMapper();

  /**
   * Where the text of the messages this flow writes comes from (the review thread's title and the
   * message to the submitter about an objection); default {@link PostTemplates#english()}.
   */
  @Value.Default
  public PostTemplates templates() {
    return PostTemplates.english();
  }

  /** Limits for each phase's run (items seen, remote writes); default {@link RunCaps#none()}. */
  @Value.Default
  public RunCaps caps() {
    return RunCaps.none();
  }

  @Value.Check
  void check() {
    if (fullReadEvery().isNegative()) {
      throw new IllegalArgumentException("fullReadEvery must not be negative, was " + fullReadEvery());
    }
    Set<String> keys = new HashSet<>();
    for (ContentSubmission s : submissions()) {
      if (!keys.add(s.key())) {
        throw new IllegalArgumentException("submissions has the key " + s.key() + " twice: keys must be unique");
      }
    }
    if (flowName().length() > 55) {
      throw new IllegalArgumentException("flowName must be at most 55 characters (phases add a suffix), was " + flowName());
    }
  }
}
