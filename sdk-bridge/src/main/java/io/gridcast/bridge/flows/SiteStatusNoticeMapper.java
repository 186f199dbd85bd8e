package io.gridcast.bridge.flows;

import io.gridcast.bridge.policy.PartnerDirectory;
import io.gridcast.bridge.policy.RoutingPolicy;
import io.gridcast.bridge.text.LinkPolicy;
import io.gridcast.bridge.text.PostMarkdown;
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
 * ({@code tradinggrid:site:<id>#<kind>:<day>}) so that it is posted once. Remote values are
 * escaped; only constants are markup. Pure and thread-safe.
 */
final class SiteStatusNoticeMapper {

  private final RoutingPolicy<Site> audience;
  private final List<String> tags;

  SiteStatusNoticeMapper(RoutingPolicy<Site> audience, List<String> tags) {
    this.audience = Objects.requireNonNull(audience, "audience");
    this.tags = List.copyOf(tags);
  }

  /**
   * The notice that the site went live with its playlist on {@code day} (the day the flow set it
   * live, in its time zone); one per rollout date.
   */
  PostCreate wentLive(Site site, String playlistId, LocalDate day, PartnerDirectory partners) {
    String link = playlistLink(playlistId);
    PostMarkdown text = PostMarkdown.create().strong(site.name()).markup(" (").text(site.region()).markup(") went live on ")
        .text(day.toString());
    site.rolloutDate().ifPresent(rollout -> {
      if (rollout.equals(day)) {
        text.markup(", its rollout date");
      } else {
        text.markup(" (its rollout date was ").text(rollout.toString()).markup(")");
      }
    });
    String body = text.markup(": its music programme now plays in store.\n\n")
        .link("Open the playlist on Spotify", link, LinkPolicy.spotify()).build();
    return notice(site, "live", site.rolloutDate().orElse(null), "Now live: " + site.name(), body, Optional.of(link),
        partners);
  }

  /** The notice that the site's programme is paused because its licence ran out after {@code validUntil}. */
  PostCreate licenceExpired(Site site, LocalDate validUntil, PartnerDirectory partners) {
    String body = PostMarkdown.create().markup("The music programme of ").strong(site.name()).markup(" (").text(site.region())
        .markup(") is paused: its public-performance licence was valid until ").text(validUntil.toString())
        .markup(", so its playlist is not updated and no music plays there until the licence is renewed.\n\n")
        .markup("**What to do:** upload the renewed licence to the site and set its new end date"
            + " (`licenceValidUntil`). The programme resumes by itself at the next run.").build();
    return notice(site, "licence-expired", validUntil, "Music paused: " + site.name(), body, Optional.empty(), partners);
  }

  /**
   * The notice that the site's programme resumed with its renewed licence, valid until
   * {@code validUntil} (empty: it does not expire).
   */
  PostCreate licenceRenewed(Site site, Optional<LocalDate> validUntil, String playlistId, PartnerDirectory partners) {
    String link = playlistLink(playlistId);
    PostMarkdown text = PostMarkdown.create().markup("The music programme of ").strong(site.name()).markup(" (")
        .text(site.region()).markup(") has resumed: its licence was renewed");
    validUntil.ifPresent(day -> text.markup(" and is valid until ").text(day.toString()));
    String body = text.markup(". Its playlist is up to date with its programme again.\n\n")
        .link("Open the playlist on Spotify", link, LinkPolicy.spotify()).build();
    return notice(site, "licence-renewed", validUntil.orElse(null), "Music resumed: " + site.name(), body,
        Optional.of(link), partners);
  }

  /** The {@code externalRef} of the site's notice of {@code kind} for {@code day} (or without a day). */
  static String externalRef(String siteId, String kind, LocalDate day) {
    return "tradinggrid:site:" + siteId + "#" + kind + (day == null ? "" : ":" + day);
  }

  private PostCreate notice(Site site, String kind, LocalDate day, String title, String body, Optional<String> link,
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
        .title(PostMarkdown.plain(title, EpisodeAnnouncementMapper.MAX_TITLE_CHARS, "Music programme"))
        .body(body)
        .metadata(metadata)
        .audience(audience.audienceFor(site, partners))
        .tags(tags)
        .externalRef(externalRef(site.id(), kind, day));
    link.ifPresent(url -> post.addLinks(Link.builder().rel("playlist").title("Open the playlist on Spotify").url(url).build()));
    return post.build();
  }

  private static String playlistLink(String playlistId) {
    return "https://open.spotify.com/playlist/" + SpotifyId.of(playlistId).value();
  }
}
