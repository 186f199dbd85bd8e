package io.gridcast.bridge.flows;

import java.util.Objects;

/**
 * What {@link BusinessMusicFlow} does with an open site request. Immutable.
 *
 * @param requestId the request
 * @param verdict accept, refuse or leave for people
 * @param comment for a refusal, the comment that says why (posted exactly once); {@code null}
 *     otherwise
 */
public record SiteRequestDecision(String requestId, Verdict verdict, String comment) {

  /** The outcomes of a decision. */
  public enum Verdict {
    /** The flow carries it out: its status becomes accepted, then done once applied. */
    ACCEPT,
    /** Refused with a comment saying why. */
    REFUSE,
    /** Nothing for the flow to do (yet): left open for people. */
    LEAVE
  }

  public SiteRequestDecision {
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(verdict, "verdict");
    if (verdict == Verdict.REFUSE && (comment == null || comment.isBlank())) {
      throw new IllegalArgumentException("a refusal needs a comment saying why");
    }
  }

  /** Accept the request: the flow carries it out. */
  public static SiteRequestDecision accept(String requestId) {
    return new SiteRequestDecision(requestId, Verdict.ACCEPT, null);
  }

  /** Refuse the request with one comment saying why (Markdown; escape remote text in it). */
  public static SiteRequestDecision refuse(String requestId, String why) {
    return new SiteRequestDecision(requestId, Verdict.REFUSE, why);
  }

  /** Leave the request open for people. */
  public static SiteRequestDecision leave(String requestId) {
    return new SiteRequestDecision(requestId, Verdict.LEAVE, null);
  }
}
