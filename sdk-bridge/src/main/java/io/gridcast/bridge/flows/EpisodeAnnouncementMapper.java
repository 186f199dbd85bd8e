package io.gridcast.bridge.flows;

import io.gridcast.bridge.Snapshot;
import io.gridcast.bridge.RunContext;
import io.gridcast.bridge.Mapper;
import io.gridcast.bridge.policy.PartnerDirectory;
import io.gridcast.bridge.policy.RoutingPolicy;
import io.gridcast.bridge.text.LinkPolicy;
import io.gridcast.bridge.text.PostTemplates;
import io.gridcast.bridge.text.TemplateModel;
import io.gridcast.spotify.SpotifyId;
import io.gridcast.spotify.model.ReleaseDate;
import io.gridcast.spotify.model.SimplifiedEpisode;
import io.gridcast.tradinggrid.model.Link;
import io.gridcast.tradinggrid.model.PostCreate;
import io.gridcast.tradinggrid.model.PostKind;
import java.time.Duration;
import java.time.Year;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The default mapping of an episode to an announcement post: title and Markdown body from the
 * {@code announcement.title} and {@code announcement} templates ({@link PostTemplates}: the show,
 * release date, duration and release notes (the episode description), a link to the episode on
 * Spotify), metadata for filtering, the routed audience and the configured tags.
 * Every remote value passes through {@link io.gridcast.bridge.text.PostMarkdown}: the show name and release notes are
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
  private final PostTemplates templates;

  /**
   * @param partners the partner snapshot of the current run
   * @param kind {@link PostKind#ANNOUNCEMENT} for announcements; other flows reuse the layout
   */
  public EpisodeAnnouncementMapper(RoutingPolicy<ShowEpisode> routing, Snapshot<PartnerDirectory> partners,
      List<String> tags, PostKind kind) {
    this(routing, partners, tags, kind, LinkPolicy.none(), PostTemplates.english());
  }

  /**
   * @param partners the partner snapshot of the current run
   * @param kind {@link PostKind#ANNOUNCEMENT} for announcements; other flows reuse the layout
   * @param images the hosts whose images in release notes are kept ({@link LinkPolicy#none()}: every
   *     remote image is dropped)
   */
  public EpisodeAnnouncementMapper(RoutingPolicy<ShowEpisode> routing, Snapshot<PartnerDirectory> partners,
      List<String> tags, PostKind kind, LinkPolicy images) {
    this(routing, partners, tags, kind, images, PostTemplates.english());
  }

  /**
   * @param partners the partner snapshot of the current run
   * @param kind {@link PostKind#ANNOUNCEMENT} for announcements; other flows reuse the layout
   * @param images the hosts whose images in release notes are kept ({@link LinkPolicy#none()}: every
   *     remote image is dropped)
   * @param templates where the {@code announcement} and {@code announcement.title} templates come from
   */
  public EpisodeAnnouncementMapper(RoutingPolicy<ShowEpisode> routing, Snapshot<PartnerDirectory> partners,
      List<String> tags, PostKind kind, LinkPolicy images, PostTemplates templates) {
    this.images = Objects.requireNonNull(images, "images");
    this.templates = Objects.requireNonNull(templates, "templates");
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
    String releaseDate = e.releaseDate().toString();
    TemplateModel model = model(templates.model(), source, link);
    String body = templates.render("announcement", model.notes("releaseNotes", e.description(), LinkPolicy.anyHttps(), images));

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
        .title(templates.title("announcement.title", model, MAX_TITLE_CHARS, "Episode " + e.id()))
        .body(body)
        .addLinks(Link.builder().rel("spotify").title(templates.line("link-listen.title")).url(link).build())
        .metadata(metadata)
        .audience(routing.audienceFor(source, run.snapshot(partners)))
        .tags(tags)
        .externalRef(source.key())
        .build();
  }

  /**
   * The values of the {@code announcement} template (and of the training post that extends it)
   * for an episode: {@code show}, {@code episode}, {@code released} (at the precision Spotify
   * gives: a day, a month or a year), {@code duration}, {@code explicit} and {@code episodeUrl}.
   * The caller adds {@code releaseNotes}.
   */
  static TemplateModel model(TemplateModel model, ShowEpisode source, String link) {
    SimplifiedEpisode e = source.episode();
    ReleaseDate released = e.releaseDate();
    model.text("show", source.showName()).text("episode", e.name());
    switch (released.precision()) {
      case YEAR -> model.year("released", Year.of(released.year()));
      case MONTH -> model.month("released", YearMonth.of(released.year(), released.month().getAsInt()));
      default -> model.date("released", released.firstDay());
    }
    return model.duration("duration", Duration.ofMillis(e.durationMs())).flag("explicit", e.explicit())
        .url("episodeUrl", link, LinkPolicy.spotify());
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
