package io.gridcast.bridge.flows;

import io.gridcast.tradinggrid.model.PostCreate;
import io.gridcast.bridge.Mapper;
import io.gridcast.bridge.text.PostTemplates;
import io.gridcast.bridge.RunCaps;
import io.gridcast.bridge.policy.RoutingPolicy;
import io.gridcast.core.GridcastStyle;
import io.gridcast.spotify.Market;
import io.gridcast.tradinggrid.model.OnboardingStage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Settings of {@link TrainingSeriesFlow} (the generated {@code TrainingSeriesConfig}; build with
 * {@code TrainingSeriesConfig.builder()}).
 *
 * <p>Required: exactly one source — show ids, or a playlist id. Defaults: flow name
 * {@code training-series} (phases {@code <name>.posts} and {@code <name>.assignments}); no
 * market; every episode; assignments for every partner at onboarding stage
 * {@link io.gridcast.tradinggrid.model.OnboardingStage#ONBOARDING} ({@code assignTo}); the post's audience is the same as
 * {@code assignTo}; due 14 days after the episode's release; reason {@code Partner training
 * series}; no documents folder, no existing documents, no FAQs; tags {@code podcast} and
 * {@code training}; no run caps. Immutable and thread-safe.
 *
 * <p>{@code assignTo} is a {@link RoutingPolicy}: the partner groups it names are assigned as
 * groups, the partners it names (e.g. through {@code RoutingPolicy.stages(...)} or
 * {@code regions(...)}) are assigned one by one — so that a partner who moves stage or region
 * gets (or loses) the assignment on the next run.
 *
 * <p>The documents folder: files directly in it are attached to every training post; files in a
 * sub-folder named after an episode's Spotify id only to that episode's post.
 */
@Value.Immutable
@GridcastStyle
abstract class AbstractTrainingSeriesConfig {

  /** The training shows (ids, URIs or links); leave empty when using a playlist. */
  public abstract List<String> showIds();

  /** A playlist whose episodes are the training series (its tracks are ignored). */
  public abstract Optional<String> playlistId();

  /**
   * The flow's name; its phases are named {@code <name>.posts} and {@code <name>.assignments}.
   * Default {@code training-series}.
   */
  @Value.Default
  public String flowName() {
    return "training-series";
  }

  /** The Spotify market episodes are read in; empty means the Spotify client's default market. */
  public abstract Optional<Market> market();

  /** Only episodes released on or after this date. */
  public abstract Optional<LocalDate> releasedSince();

  /** At most this many of each show's newest episodes (shows only). */
  public abstract Optional<Integer> maxEpisodesPerShow();

  /** Who is assigned each training post. */
  @Value.Default
  public RoutingPolicy<ShowEpisode> assignTo() {
    return RoutingPolicy.stages(OnboardingStage.ONBOARDING);
  }

  /** Who sees each training post; by default whoever it is assigned to. */
  @Value.Default
  public RoutingPolicy<ShowEpisode> audience() {
    return assignTo();
  }

  /** Days from an episode's release to its assignments' due date. */
  @Value.Default
  public int dueAfterDays() {
    return 14;
  }

  /** The reason each assignment gives (1-2000 characters); default {@code Partner training series}. */
  @Value.Default
  public String assignmentReason() {
    return "Partner training series";
  }

  /** Supporting documents and FAQ sheets to upload and attach (see the class comment). */
  public abstract Optional<Path> documentsFolder();

  /** Ids of Trading Grid documents that already exist, attached to every training post. */
  public abstract List<String> documentIds();

  /** Questions and answers shown under "FAQ" on every training post, in order. */
  public abstract Map<String, String> faqs();

  /** Tags of each training post; default {@code podcast} and {@code training}. */
  @Value.Default
  public List<String> tags() {
    return List.of("podcast", "training");
  }

  /**
   * Writes each training post (title, body, audience, tags, links, metadata); default the
   * {@code training} template with the episode's FAQs, for {@link #audience()} with {@link #tags()}.
   * Whatever the mapper, the flow attaches {@link #documentIds()} and the episode's supporting
   * documents, and sets the post's {@code externalRef}.
   */
  public abstract Optional<Mapper<ShowEpisode, PostCreate>> mapper();

  /**
   * Where the text of the posts, comments and issues this flow writes comes from; default
   * {@link PostTemplates#english()}. Give {@code PostTemplates.builder().locale(Locale.GERMAN).build()}
   * for German, or a folder of the host's own templates.
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
    if (showIds().isEmpty() == playlistId().isEmpty()) {
      throw new IllegalArgumentException(
          "a training series needs exactly one source: set showIds (addShowIds(...)) or playlistId, not both and not neither");
    }
    if (dueAfterDays() < 0 || dueAfterDays() > 3650) {
      throw new IllegalArgumentException("dueAfterDays must be between 0 and 3650, was " + dueAfterDays());
    }
    if (assignmentReason().isBlank() || assignmentReason().length() > 2000) {
      throw new IllegalArgumentException("assignmentReason must be 1-2000 characters");
    }
    documentsFolder().ifPresent(dir -> {
      if (!Files.isDirectory(dir)) {
        throw new IllegalArgumentException("documentsFolder " + dir + " is not a directory");
      }
    });
    maxEpisodesPerShow().ifPresent(n -> {
      if (n < 1) {
        throw new IllegalArgumentException("maxEpisodesPerShow must be >= 1, was " + n);
      }
    });
    faqs().forEach((q, a) -> {
      if (q.isBlank() || a.isBlank()) {
        throw new IllegalArgumentException("faqs: questions and answers must not be blank");
      }
    });
  }
}
