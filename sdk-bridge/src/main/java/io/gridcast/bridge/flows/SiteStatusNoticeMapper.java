package io.gridcast.bridge.flows;

import io.gridcast.bridge.policy.PartnerDirectory;
import io.gridcast.bridge.policy.RoutingPolicy;
import io.gridcast.bridge.text.LinkPolicy;
import io.gridcast.bridge.text.PostTemplates;
import io.gridcast.bridge.text.TemplateModel;
import io.gridcast.spotify.SpotifyId;
import io.gridcast.tradinggrid.model.Link;
import io.gridcast.tradinggrid.model.PostCreate;
import io.gridcast.tradinggrid.model.PostKind;
import io.gridcast.tradinggrid.model.Site;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The service notices a site's change of state gets, one method per kind: it went live on its
 * rollout date, its programme paused because its licence expired, and it resumed once the licence
 * was renewed. Each is for the configured audience (by default the site's partner and every
 * partner in its region), tagged as configured, and carries an {@code externalRef} of its own
 * ({@code tradinggrid:site:<id>#<kind>:<day>}) so that it is posted once. The text comes from the
 * {@code site-live}, {@code site-paused} and {@code site-resumed} templates. Pure and thread-safe.
 */
final class SiteStatusNoticeMapper {

  private final RoutingPolicy<Site> audience;
  private final List<String> tags;
  private final PostTemplates templates;

  SiteStatusNoticeMapper(RoutingPolicy<Site> audience, List<String> tags, PostTemplates templates) {
    this.audience = Objects.requireNonNull(audience, "audience");
    this.tags = List.copyOf(tags);
    this.templates = Objects.requireNonNull(templates, "templates");
  }

  /**
   * The notice that the site went live with its playlist on {@code day} (the day the flow set it
   * live, in its time zone); one per rollout date ({@code site-live}).
   */
  PostCreate wentLive(Site site, String playlistId, LocalDate day, PartnerDirectory partners) {
    String link = playlistLink(playlistId);
    TemplateModel model = model(site).date("day", day).flag("hasRollout", site.rolloutDate().isPresent())
        .flag("onRolloutDate", site.rolloutDate().map(day::equals).orElse(false))
        .url("playlistUrl", link, LinkPolicy.spotify());
    site.rolloutDate().ifPresent(rollout -> model.date("rollout", rollout));
    return notice(site, "live", site.rolloutDate().orElse(null), "site-live", model, Optional.of(link), partners);
  }

  /** The notice that the site's programme is paused because its licence ran out after {@code validUntil} ({@code site-paused}). */
  PostCreate licenceExpired(Site site, LocalDate validUntil, PartnerDirectory partners) {
    return notice(site, "licence-expired", validUntil, "site-paused", model(site).date("validUntil", validUntil), Optional.empty(),
        partners);
  }

  /**
   * The notice that the site's programme resumed with its renewed licence, valid until
   * {@code validUntil} (empty: it does not expire) ({@code site-resumed}).
   */
  PostCreate licenceRenewed(Site site, Optional<LocalDate> validUntil, String playlistId, PartnerDirectory partners) {
    String link = playlistLink(playlistId);
    TemplateModel model = model(site).flag("hasValidUntil", validUntil.isPresent()).url("playlistUrl", link, LinkPolicy.spotify());
    validUntil.ifPresent(day -> model.date("validUntil", day));
    return notice(site, "licence-renewed", validUntil.orElse(null), "site-resumed", model, Optional.of(link), partners);
  }

  private TemplateModel model(Site site) {
    return templates.model().text("site", site.name()).text("region", site.region());
  }

  /** The {@code externalRef} of the site's notice of {@code kind} for {@code day} (or without a day). */
  static String externalRef(String siteId, String kind, LocalDate day) {
    return "tradinggrid:site:" + siteId + "#" + kind + (day == null ? "" : ":" + day);
  }

  private PostCreate notice(Site site, String kind, LocalDate day, String template, TemplateModel model, Optional<String> link,
      PartnerDirectory partners) {
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put("siteId", site.id());
    metadata.put("region", site.region());
    metadata.put("notice", kind);
    if (day != null) {
      metadata.put("day", day.toString());
    }
    PostCreate.Builder post = PostCreate.builder()
        .kind(PostKind.SERVICE_NOTICE)
        .title(templates.title(template + ".title", model, EpisodeAnnouncementMapper.MAX_TITLE_CHARS, "Music programme"))
        .body(templates.render(template, model))
        .metadata(metadata)
        .audience(audience.audienceFor(site, partners))
        .tags(tags)
        .externalRef(externalRef(site.id(), kind, day));
    link.ifPresent(url -> post.addLinks(Link.builder().rel("playlist").title(templates.line("link-playlist.title")).url(url).build()));
    return post.build();
  }

  private static String playlistLink(String playlistId) {
    return "https://open.spotify.com/playlist/" + SpotifyId.of(playlistId).value();
  }
}
