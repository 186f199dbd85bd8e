package io.gridcast.bridge.flows;

import io.gridcast.tradinggrid.model.PostCreate;
import io.gridcast.bridge.Mapper;
import io.gridcast.bridge.text.PostTemplates;
import io.gridcast.bridge.RunCaps;
import io.gridcast.bridge.policy.RoutingPolicy;
import io.gridcast.bridge.text.LinkPolicy;
import io.gridcast.core.GridcastStyle;
import io.gridcast.spotify.Market;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Settings of {@link EpisodeAnnouncementsFlow} (the generated {@code
 * EpisodeAnnouncementsConfig}; build with {@code EpisodeAnnouncementsConfig.builder()}).
 *
 * <p>Required: at least one show id. Defaults: flow name {@code episode-announcements}; no
 * market; everyone in the community as audience; tags {@code podcast} and
 * {@code announcement}; remote images dropped; every episode (no release-date floor, no per-show maximum), read
 * whole once a day and down to the newest known ones in between; no run caps. Immutable and thread-safe.
 */
@Value.Immutable
@GridcastStyle
abstract class AbstractEpisodeAnnouncementsConfig {

  /** The shows whose episodes are announced (ids, URIs or links). */
  public abstract List<String> showIds();

  /** The flow's name, under which its state is kept; default {@code episode-announcements}. */
  @Value.Default
  public String flowName() {
    return "episode-announcements";
  }

  /** The Spotify market episodes are read in; empty means the Spotify client's default market. */
  public abstract Optional<Market> market();

  /** Who sees each announcement. */
  @Value.Default
  public RoutingPolicy<ShowEpisode> routing() {
    return RoutingPolicy.everyone();
  }

  /** Tags of each announcement post; default {@code podcast} and {@code announcement}. */
  @Value.Default
  public List<String> tags() {
    return List.of("podcast", "announcement");
  }

  /**
   * The hosts whose images, written into release notes as Markdown images, are kept in the
   * post; default {@link LinkPolicy#none()}: every remote image is dropped (a tracking pixel
   * would tell a stranger which partners read the post).
   */
  @Value.Default
  public LinkPolicy remoteImages() {
    return LinkPolicy.none();
  }

  /** Only episodes released on or after this date. */
  public abstract Optional<LocalDate> releasedSince();

  /** At most this many of each show's newest episodes. */
  public abstract Optional<Integer> maxEpisodesPerShow();

  /**
   * How often a run reads every episode of the shows again; the runs between read each show only
   * down to its first page of episodes already announced (a quiet run costs two Spotify requests
   * per show). The whole read notices edits to older episodes. Default one day; {@link
   * Duration#ZERO} reads everything on every run.
   */
  @Value.Default
  public Duration fullReadEvery() {
    return Duration.ofDays(1);
  }

  /**
   * Writes each announcement post; default {@link EpisodeAnnouncementMapper} with {@link #routing()},
   * {@link #tags()}, {@link #remoteImages()} and {@link #templates()}, which a custom mapper applies
   * itself (it may wrap the default one).
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

  /** Per-run limits (items seen, remote writes); default {@link RunCaps#none()}. */
  @Value.Default
  public RunCaps caps() {
    return RunCaps.none();
  }

  @Value.Check
  void check() {
    if (showIds().isEmpty()) {
      throw new IllegalArgumentException("episode announcements need at least one show id: call addShowIds(...)");
    }
    if (fullReadEvery().isNegative()) {
      throw new IllegalArgumentException("fullReadEvery must not be negative, was " + fullReadEvery());
    }
    maxEpisodesPerShow().ifPresent(n -> {
      if (n < 1) {
        throw new IllegalArgumentException("maxEpisodesPerShow must be >= 1, was " + n);
      }
    });
  }
}
