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
import io.gridcast.spotify.model.Playlist;
import io.gridcast.tradinggrid.model.Link;
import io.gridcast.tradinggrid.model.PostCreate;
import io.gridcast.tradinggrid.model.PostKind;
import io.gridcast.tradinggrid.model.Site;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The default service notice of a site's playlist: one post per site, kept up to date, naming
 * the playlist, its item count and its current snapshot, with a link to it; for the configured
 * audience (by default the site's partner and every partner in its region). A new snapshot on
 * Spotify (an edit there or by the flow) changes the notice, so it is updated, never duplicated.
 * Pure for a given partner snapshot; thread-safe.
 */
public final class SitePlaylistNoticeMapper implements Mapper<SitePlaylistState, PostCreate> {

  private final RoutingPolicy<Site> audience;
  private final Snapshot<PartnerDirectory> partners;
  private final List<String> tags;
  private final PostTemplates templates;

  public SitePlaylistNoticeMapper(RoutingPolicy<Site> audience, Snapshot<PartnerDirectory> partners, List<String> tags,
      PostTemplates templates) {
    this.templates = templates;
    this.audience = audience;
    this.partners = partners;
    this.tags = List.copyOf(tags);
  }

  @Override
  public PostCreate map(SitePlaylistState source, RunContext run) {
    Site site = source.site();
    Playlist p = source.playlist();
    String link = p.externalUrls().spotify().flatMap(LinkPolicy.spotify()::check)
        .orElseGet(() -> "https://open.spotify.com/playlist/" + SpotifyId.of(p.id()).value());
    // Spotify leaves the items out of playlists the reader neither owns nor collaborates on
    OptionalLong items = p.itemsPage().map(page -> OptionalLong.of(page.total())).orElse(OptionalLong.empty());
    TemplateModel model = templates.model().text("site", site.name()).text("region", site.region()).text("playlist", p.name())
        .flag("hasItems", items.isPresent()).number("items", items.orElse(0)).flag("oneItem", items.orElse(0) == 1)
        .code("snapshot", p.snapshotId()).url("playlistUrl", link, LinkPolicy.spotify());
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put("siteId", site.id());
    metadata.put("region", site.region());
    metadata.put("playlistUri", "spotify:playlist:" + p.id());
    metadata.put("snapshotId", p.snapshotId());
    items.ifPresent(n -> metadata.put("items", Long.toString(n)));
    return PostCreate.builder()
        .kind(PostKind.SERVICE_NOTICE)
        .title(templates.title("site-notice.title", model, EpisodeAnnouncementMapper.MAX_TITLE_CHARS, "Music programme"))
        .body(templates.render("site-notice", model))
        .addLinks(Link.builder().rel("playlist").title(templates.line("link-playlist.title")).url(link).build())
        .metadata(metadata)
        .audience(audience.audienceFor(site, run.snapshot(partners)))
        .tags(tags)
        .externalRef(source.key())
        .build();
  }
}
