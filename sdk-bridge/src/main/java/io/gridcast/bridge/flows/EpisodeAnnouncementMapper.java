package io.gridcast.bridge.flows;

import io.gridcast.bridge.Mapper;
import io.gridcast.bridge.policy.PartnerDirectory;
import io.gridcast.bridge.policy.RoutingPolicy;
import io.gridcast.spotify.model.SimplifiedEpisode;
import io.gridcast.tradinggrid.model.Link;
import io.gridcast.tradinggrid.model.PostCreate;
import io.gridcast.tradinggrid.model.PostKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The default mapping of an episode to an announcement post: title, a Markdown body with the
 * show, release date, duration and release notes (the episode description), a link to the
 * episode on Spotify, metadata for filtering, the routed audience and the configured tags.
 * Pure for a given partner snapshot; thread-safe. This is the bridge's hot path: it builds each
 * post with one pre-sized {@link StringBuilder} and no intermediate collections beyond the
 * post's own.
 */
public final class EpisodeAnnouncementMapper implements Mapper<ShowEpisode, PostCreate> {

  private final RoutingPolicy<ShowEpisode> routing;
  private final Supplier<PartnerDirectory> partners;
  private final List<String> tags;
  private final PostKind kind;

  /**
   * @param partners the partner snapshot of the current run
   * @param kind {@link PostKind#ANNOUNCEMENT} for announcements; other flows reuse the layout
   */
  public EpisodeAnnouncementMapper(RoutingPolicy<ShowEpisode> routing, Supplier<PartnerDirectory> partners,
      List<String> tags, PostKind kind) {
    this.routing = routing;
    this.partners = partners;
    this.tags = List.copyOf(tags);
    this.kind = kind;
  }

  @Override
  public PostCreate map(ShowEpisode source) {
    SimplifiedEpisode e = source.episode();
    String link = e.externalUrls().spotify().orElse("https://open.spotify.com/episode/" + e.id());
    String duration = formatDuration(e.durationMs());
    String releaseDate = e.releaseDate().toString();
    StringBuilder body = new StringBuilder(256 + e.description().length());
    body.append("**").append(escape(source.showName())).append("** · ").append(e.releaseDate())
        .append(" · ").append(duration);
    if (e.explicit()) {
      body.append(" · explicit");
    }
    body.append("\n\n");
    if (!e.description().isBlank()) {
      body.append("### Release notes\n\n").append(e.description().strip()).append("\n\n");
    }
    body.append("[Listen on Spotify](").append(link).append(')');

    Map<String, String> metadata = new LinkedHashMap<>(8);
    metadata.put("spotifyUri", e.uri());
    metadata.put("showId", source.showId());
    metadata.put("releaseDate", releaseDate);
    metadata.put("durationMs", Long.toString(e.durationMs()));
    metadata.put("explicit", Boolean.toString(e.explicit()));
    if (!e.languages().isEmpty()) {
      metadata.put("languages", String.join(",", e.languages()));
    }
    return PostCreate.builder()
        .kind(kind)
        .title(source.showName() + ": " + e.name())
        .body(body.toString())
        .addLinks(Link.builder().rel("spotify").title("Listen on Spotify").url(link).build())
        .metadata(metadata)
        .audience(routing.audienceFor(source, partners.get()))
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

  /** Keeps a show name from turning into Markdown emphasis. */
  private static String escape(String text) {
    return text.replace("*", "\\*").replace("_", "\\_");
  }
}
