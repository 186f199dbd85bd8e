package io.gridcast.bridge.flows;

import io.gridcast.tradinggrid.model.IssueCreate;
import io.gridcast.tradinggrid.model.PostCreate;
import io.gridcast.bridge.Mapper;
import io.gridcast.bridge.text.PostTemplates;
import io.gridcast.bridge.RunCaps;
import io.gridcast.core.GridcastStyle;
import io.gridcast.spotify.Market;
import io.gridcast.tradinggrid.model.Audience;
import io.gridcast.tradinggrid.model.IssueSeverity;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * Settings of {@link PartnerFeedbackFlow} (the generated {@code PartnerFeedbackConfig}; build
 * with {@code PartnerFeedbackConfig.builder()}).
 *
 * <p>Required: at least one show id. Defaults: flow name {@code partner-feedback} (its phases
 * are {@code <name>.channels}, {@code <name>.links}, {@code <name>.issues}, {@code <name>.problems} and
 * {@code <name>.summary}); no market;
 * every episode (no release-date floor, no per-show maximum); topics {@code asn},
 * {@code invoicing}, {@code onboarding}, {@code returns}, {@code other}, no topic keywords (thread
 * messages are classified by their tags alone); ratings below
 * {@code 3} and flagged thread messages (no problem keywords) open an issue of severity {@code medium}; the summary post's audience is empty (only
 * the community's owners see it); summary tags {@code podcast} and {@code feedback}; no run caps
 * ({@link RunCaps#none()}; the caps apply to each phase). Immutable and thread-safe.
 */
@Value.Immutable
@GridcastStyle
abstract class AbstractPartnerFeedbackConfig {

  private static final Pattern TOPIC = Pattern.compile("[a-z0-9][a-z0-9_-]{0,49}");

  /** The shows whose episodes get feedback threads and forms (ids, URIs or links). */
  public abstract List<String> showIds();

  /**
   * The flow's name; its phases are named {@code <name>.channels}, {@code <name>.links},
   * {@code <name>.issues}, {@code <name>.problems} and {@code <name>.summary}. Default
   * {@code partner-feedback}.
   */
  @Value.Default
  public String flowName() {
    return "partner-feedback";
  }

  /** The Spotify market episodes are read in; empty means the Spotify client's default market. */
  public abstract Optional<Market> market();

  /** Only episodes released on or after this date. */
  public abstract Optional<LocalDate> releasedSince();

  /** At most this many of each show's newest episodes. */
  public abstract Optional<Integer> maxEpisodesPerShow();

  /** The choices of the form's topic question (lowercase, digits, {@code _ -}; at least two). */
  @Value.Default
  public List<String> topics() {
    return List.of("asn", "invoicing", "onboarding", "returns", "other");
  }

  /**
   * Words that put a partner's thread message under a topic when the message has no tag naming one
   * of the {@link #topics()}: per topic, keywords matched case-insensitively as whole words (a
   * message can fall under several topics, and counts once in each). Keywords are 1-100
   * characters of letters, digits, spaces, {@code ' _ -}, beginning and ending with a letter or
   * digit. Default none: only tags classify. A message with neither counts in the summary's
   * {@code (none)} topic row.
   *
   * <pre>{@code
   * .putTopicKeywords("asn", List.of("asn", "advance ship notice"))
   * .putTopicKeywords("invoicing", List.of("invoice", "credit note"))
   * }</pre>
   */
  public abstract Map<String, List<String>> topicKeywords();

  /**
   * Words that make a partner's thread message a problem report, matched as {@link #topicKeywords()}
   * are (case-insensitive, whole words; e.g. {@code problem}, {@code broken}, {@code error}). A
   * message its author or a moderator flagged ({@code flagged} in the contract) is one in any case.
   * Each problem report opens one feedback issue of {@link #issueSeverity()}. Default none: only
   * flagged messages open issues, since a word alone also matches praise ("no problem at all").
   */
  public abstract List<String> problemKeywords();

  /** A submission rated below this (1-5) opens a feedback issue; 1 opens none. */
  @Value.Default
  public int lowRatingThreshold() {
    return 3;
  }

  /** The severity of the issues low ratings and problem reports open. */
  @Value.Default
  public IssueSeverity issueSeverity() {
    return IssueSeverity.MEDIUM;
  }

  /** Who sees the summary post besides the community's owners. */
  @Value.Default
  public Audience summaryAudience() {
    return Audience.builder().build();
  }

  /** Tags of the summary post; default {@code podcast} and {@code feedback}. */
  @Value.Default
  public List<String> summaryTags() {
    return List.of("podcast", "feedback");
  }

  /**
   * How often a run reads every episode and all feedback again. The runs between read each show
   * down to its first page of episodes that have channels, and the feedback again only when
   * Trading Grid events say a form was answered, a thread written in or a partner changed (a run
   * after a quiet period costs one events request per later phase). Default one day; {@link
   * Duration#ZERO} reads everything on every run.
   */
  @Value.Default
  public Duration fullReadEvery() {
    return Duration.ofDays(1);
  }

  /** Writes each episode's feedback thread and form; default {@link FeedbackChannelMapper} with {@link #topics()}. */
  public abstract Optional<Mapper<ShowEpisode, FeedbackChannel>> channelMapper();

  /** Writes the issue opened for a low rating; default {@link FeedbackIssueMapper} with {@link #issueSeverity()}. */
  public abstract Optional<Mapper<LowRating, IssueCreate>> issueMapper();

  /**
   * Writes the issue opened for a thread message reporting a problem; default
   * {@link FeedbackProblemIssueMapper} with {@link #issueSeverity()}.
   */
  public abstract Optional<Mapper<ProblemMessage, IssueCreate>> problemIssueMapper();

  /**
   * Writes the summary post; default {@link FeedbackSummaryMapper} with {@link #lowRatingThreshold()},
   * {@link #summaryAudience()}, {@link #summaryTags()}, {@link #topics()} and {@link #topicKeywords()}.
   */
  public abstract Optional<Mapper<FeedbackSnapshot, PostCreate>> summaryMapper();

  /**
   * Where the text of the posts, comments and issues this flow writes comes from; default
   * {@link PostTemplates#english()}. Give {@code PostTemplates.builder().locale(Locale.GERMAN).build()}
   * for German, or a folder of the host's own templates.
   */
  @Value.Default
  public PostTemplates templates() {
    return PostTemplates.english();
  }

  /** Limits for each phase's run (items seen, remote writes); none by default. */
  @Value.Default
  public RunCaps caps() {
    return RunCaps.none();
  }

  @Value.Check
  void check() {
    if (fullReadEvery().isNegative()) {
      throw new IllegalArgumentException("fullReadEvery must not be negative, was " + fullReadEvery());
    }
    if (showIds().isEmpty()) {
      throw new IllegalArgumentException("partner feedback needs at least one show id: call addShowIds(...)");
    }
    if (lowRatingThreshold() < 1 || lowRatingThreshold() > 5) {
      throw new IllegalArgumentException("lowRatingThreshold must be between 1 and 5, was " + lowRatingThreshold());
    }
    if (topics().size() < 2) {
      throw new IllegalArgumentException("topics needs at least two choices, was " + topics());
    }
    if (new HashSet<>(topics()).size() != topics().size()) {
      throw new IllegalArgumentException("topics must not repeat a choice, was " + topics());
    }
    for (String t : topics()) {
      if (!TOPIC.matcher(t).matches()) {
        throw new IllegalArgumentException("topics: '" + t + "' must be 1-50 characters of a-z, 0-9, '_' or '-'");
      }
    }
    MessageWords.checkTopics(topics(), topicKeywords());
    MessageWords.check("problemKeywords", problemKeywords());
    maxEpisodesPerShow().ifPresent(n -> {
      if (n < 1) {
        throw new IllegalArgumentException("maxEpisodesPerShow must be >= 1, was " + n);
      }
    });
  }
}
