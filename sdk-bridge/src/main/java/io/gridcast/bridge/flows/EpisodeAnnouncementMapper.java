package io.gridcast.bridge.flows;

import io.gridcast.bridge.Snapshot;
import io.gridcast.bridge.RunContext;
import io.gridcast.bridge.Mapper;
import io.gridcast.bridge.policy.PartnerDirectory;
import io.gridcast.bridge.policy.RoutingPolicy;
import io.gridcast.bridge.text.LinkPolicy;
import io.gridcast.bridge.text.PostMarkdown;
import io.gridcast.spotify.SpotifyId;
import io.gridcast.spotify.model.SimplifiedEpisode;
import io.gridcast.tradinggrid.model.Link;
import io.gridcast.tradinggrid.model.PostCreate;
import io.gridcast.tradinggrid.model.PostKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The default mapping of an episode to an announcement post: title, a Markdown body with the
 * show, release date, duration and release notes (the episode description), a link to the
 * episode on Spotify, metadata for filtering, the routed audience and the configured tags.
 * Every remote value passes through {@link PostMarkdown}: the show name and release notes are
 * escaped, links in the notes kept only with {@code https} targets, remote images dropped unless
 * the image policy allows their host, and the "Listen" link is Spotify's own. An episode whose
 * id is not a Spotify id fails with {@link IllegalArgumentException} (a per-item failure).
 * Pure for a given partner snapshot; thread-safe. This is the bridge's hot path: it builds each
 * post in one pass and no intermediate collections beyond the post's own.
 */
public final class EpisodeAnnouncementMapper implements Mapper<ShowEpisode, PostCreate> {

  /** Longest post title the contract accepts. */
  static final int MAX_TITLE_CHARS = 300;

  private final RoutingPolicy<ShowEpisode> routing;
  private final Snapshot<PartnerDirectory> partners;
  private final List<String> tags;
  private final PostKind kind;
  private final LinkPolicy images;

  /**
   * @param partners the partner snapshot of the current run
   * @param kind {@link PostKind#ANNOUNCEMENT} for announcements; other flows reuse the layout
   */
  public EpisodeAnnouncementMapper(RoutingPolicy<ShowEpisode> routing, Snapshot<PartnerDirectory> partners,
      List<String> tags, PostKind kind) {
    this(routing, partners, tags, kind, LinkPolicy.none());
  }

  /**
   * @param partners the partner snapshot of the current run
   * @param kind {@link PostKind#ANNOUNCEMENT} for announcements; other flows reuse the layout
   * @param images the hosts whose images in release notes are kept ({@link LinkPolicy#none()}: every
   *     remote image is dropped)
   */
  public EpisodeAnnouncementMapper(RoutingPolicy<ShowEpisode> routing, Snapshot<PartnerDirectory> partners,
      List<String> tags, PostKind kind, LinkPolicy images) {
    this.images = Objects.requireNonNull(images, "images");
    this.routing = routing;
    this.partners = partners;
    this.tags = List.copyOf(tags);
    this.kind = kind;
  }

  @Override
  public PostCreate map(ShowEpisode source, RunContext run) {
    SimplifiedEpisode e = source.episode();
    SpotifyId.of(e.id()); // a hostile id fails this item here, before it reaches a link, path or key
    String link = episodeLink(e);
    String duration = formatDuration(e.durationMs());
    String releaseDate = e.releaseDate().toString();
    PostMarkdown body = PostMarkdown.create(images);
    body.strong(source.showName()).markup(" · ").markup(releaseDate).markup(" · ").markup(duration);
    if (e.explicit()) {
      body.markup(" · explicit");
    }
    body.markup("\n\n");
    if (!e.description().isBlank()) {
      body.markup("### Release notes\n\n").notes(e.description(), LinkPolicy.anyHttps()).markup("\n\n");
    }
    body.link("Listen on Spotify", link, LinkPolicy.spotify());

    Map<String, String> metadata = new LinkedHashMap<>(8);
    metadata.put("spotifyUri", "spotify:episode:" + e.id());
    metadata.put("showId", source.showId());
    metadata.put("releaseDate", releaseDate);
    metadata.put("durationMs", Long.toString(e.durationMs()));
    metadata.put("explicit", Boolean.toString(e.explicit()));
    if (!e.languages().isEmpty()) {
      metadata.put("languages", String.join(",", e.languages()));
    }
    return PostCreate.builder()
        .kind(kind)
        .title(PostMarkdown.plain(source.showName() + ": " + e.name(), MAX_TITLE_CHARS, "Episode " + e.id()))
        .body(body.build())
        .addLinks(Link.builder().rel("spotify").title("Listen on Spotify").url(link).build())
        .metadata(metadata)
        .audience(routing.audienceFor(source, run.snapshot(partners)))
        .tags(tags)
        .externalRef(source.key())
        .build();
  }

  /** {@code h:mm:ss} or {@code m:ss}. */
  static String formatDuration(long millis) {
    long s = millis / 1000;
    long h = s / 3600;
    long m = (s % 3600) / 60;
    long sec = s % 60;
    StringBuilder sb = new StringBuilder(8);
    if (h > 0) {
      sb.append(h).append(':');
      if (m < 10) {
        sb.append('0');
      }
    }
    sb.append(m).append(':');
    if (sec < 10) {
      sb.append('0');
    }
    return sb.append(sec).toString();
  }

  /**
   * The episode's web link: its {@code external_urls.spotify} when that is an {@code https} link
   * on Spotify's hosts, otherwise the canonical {@code open.spotify.com} link built from its
   * (validated) id.
   */
  static String episodeLink(SimplifiedEpisode e) {
    return e.externalUrls().spotify().flatMap(LinkPolicy.spotify()::check)
        .orElseGet(() -> "https://open.spotify.com/episode/" + SpotifyId.of(e.id()).value());
  }
}
