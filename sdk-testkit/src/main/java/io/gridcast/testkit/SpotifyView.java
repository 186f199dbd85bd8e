package io.gridcast.testkit;

import io.gridcast.testkit.SpotifyCatalog.Entry;
import io.gridcast.testkit.SpotifyCatalog.Episode;
import io.gridcast.testkit.SpotifyCatalog.Playlist;
import io.gridcast.testkit.SpotifyCatalog.Saved;
import io.gridcast.testkit.SpotifyCatalog.Show;
import io.gridcast.testkit.SpotifyCatalog.Track;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The Spotify sandbox's read-only web view, for a person to see what it holds and what a flow
 * wrote: at {@code /} its shows, playlists, registered feeds and the user's library; at {@code
 * /view/shows/{id}} a show with its episodes (newest first, {@value #PAGE_SIZE} a page); at
 * {@code /view/playlists/{id}} a playlist with its items.
 *
 * <p>Everything taken from stored data is escaped: show and episode names and descriptions come
 * from feeds and playlist names from API calls, that is from strangers; descriptions are shown as
 * text, never as HTML. Thread-safe: reads under the catalog's lock.
 */
final class SpotifyView {

  static final int PAGE_SIZE = 50;
  private static final String SITE = "Spotify sandbox";

  private final SpotifyCatalog catalog;
  private final FeedIngestion ingestion;

  SpotifyView(SpotifyCatalog catalog, FeedIngestion ingestion) {
    this.catalog = catalog;
    this.ingestion = ingestion;
  }

  /** Adds the view's routes to {@code router} and returns it. */
  SandboxRouter addTo(SandboxRouter router) {
    return router
        .get("/", req -> index())
        .get(HtmlPage.STYLE_PATH, req -> HtmlPage.style())
        .get("/view/shows/{showId}", req -> show(req.pathParam("showId"), offset(req)))
        .get("/view/playlists/{playlistId}", req -> playlist(req.pathParam("playlistId"), offset(req)));
  }

  private SandboxResponse index() {
    Map<String, URI> feeds = ingestion.feeds();
    synchronized (catalog) {
      HtmlPage page = new HtmlPage(SITE, "Overview").heading(1, SITE)
          .note(catalog.shows.size() + " shows, " + catalog.episodes.size() + " episodes, " + catalog.playlists.size()
              + " playlists. The Web API answers under /v1, tokens at /api/token.");
      page.heading(2, "Shows");
      List<List<Html>> shows = new ArrayList<>();
      for (Show s : catalog.shows.values()) {
        URI feed = feeds.get(s.id());
        shows.add(List.of(Html.link("/view/shows/" + Html.pathSegment(s.id()), s.name()), Html.text(s.publisher()),
            Html.text(catalog.episodesByShow.getOrDefault(s.id(), List.of()).size()), Html.text(String.join(", ", s.languages())),
            Html.text(feed == null ? "" : feed), Html.text(s.id())));
      }
      page.table(List.of("Show", "Publisher", "Episodes#", "Languages", "Feed", "Id"), shows, "No shows.");

      page.heading(2, "Playlists");
      List<List<Html>> playlists = new ArrayList<>();
      for (Playlist p : catalog.playlists.values()) {
        playlists.add(List.of(Html.link("/view/playlists/" + Html.pathSegment(p.id), p.name), Html.text(p.ownerId),
            Html.text(p.entries.size()), Html.text(p.isPublic == null ? "—" : p.isPublic ? "public" : "private"),
            Html.text(p.followers), Html.text(p.id)));
      }
      page.table(List.of("Playlist", "Owner", "Items#", "Visibility", "Followers#", "Id"), playlists, "No playlists.");

      page.heading(2, "Library of " + catalog.currentUserId);
      page.table(List.of("Saved", "Kind", "Added"), library(), "Nothing saved.");
      return page.response();
    }
  }

  private List<List<Html>> library() {
    List<List<Html>> rows = new ArrayList<>();
    for (Saved saved : catalog.savedShows) {
      Show s = catalog.shows.get(saved.id());
      rows.add(List.of(s == null ? Html.text(saved.id()) : Html.link("/view/shows/" + Html.pathSegment(s.id()), s.name()),
          Html.text("show"), Html.text(saved.addedAt())));
    }
    for (Saved saved : catalog.savedEpisodes) {
      Episode e = catalog.episodes.get(saved.id());
      rows.add(List.of(e == null ? Html.text(saved.id()) : episodeLink(e), Html.text("episode"), Html.text(saved.addedAt())));
    }
    return rows;
  }

  private Html episodeLink(Episode e) {
    Show show = catalog.shows.get(e.showId());
    return Html.concat(Html.link("/view/shows/" + Html.pathSegment(e.showId()), e.name()),
        Html.text(show == null ? "" : " (" + show.name() + ")"));
  }

  private SandboxResponse show(String showId, int offset) {
    URI feed = ingestion.feeds().get(showId);
    synchronized (catalog) {
      Show s = catalog.shows.get(showId);
      if (s == null) {
        return HtmlPage.notFound(SITE, "No show " + showId + " in the sandbox.");
      }
      List<Episode> episodes = catalog.episodesByShow.getOrDefault(showId, List.of());
      HtmlPage page = new HtmlPage(SITE, s.name()).heading(1, s.name());
      page.facts(List.of(
          Map.entry("Publisher", Html.text(s.publisher())),
          Map.entry("Id", Html.text(s.id())),
          Map.entry("Description", Html.text(s.description())),
          Map.entry("Explicit", Html.text(s.explicit() ? "yes" : "no")),
          Map.entry("Languages", Html.text(String.join(", ", s.languages()))),
          Map.entry("Markets", Html.text(s.availableMarkets() == null ? "" : String.join(", ", s.availableMarkets()))),
          Map.entry("Copyright", Html.text(s.copyright())),
          Map.entry("Feed", Html.text(feed == null ? "" : feed))));
      page.heading(2, "Episodes (" + episodes.size() + ")");
      List<List<Html>> rows = new ArrayList<>();
      for (Episode e : episodes.subList(Math.min(offset, episodes.size()), Math.min(offset + PAGE_SIZE, episodes.size()))) {
        rows.add(List.of(Html.text(e.releaseDate()), Html.tag("strong", Html.text(e.name())), Html.text(duration(e.durationMs())),
            Html.text(e.explicit() ? "explicit" : ""), Html.text(e.language()), Html.tag("span", "description", Html.text(e.description())),
            Html.text(e.id())));
      }
      page.table(List.of("Released", "Episode", "Length", "Explicit", "Language", "Description", "Id"), rows, "No episodes.");
      page.add(pager("/view/shows/" + Html.pathSegment(showId), offset, episodes.size()));
      return page.response();
    }
  }

  private SandboxResponse playlist(String playlistId, int offset) {
    synchronized (catalog) {
      Playlist p = catalog.playlists.get(playlistId);
      if (p == null) {
        return HtmlPage.notFound(SITE, "No playlist " + playlistId + " in the sandbox.");
      }
      HtmlPage page = new HtmlPage(SITE, p.name).heading(1, p.name);
      page.facts(List.of(
          Map.entry("Id", Html.text(p.id)),
          Map.entry("Owner", Html.text(p.ownerId)),
          Map.entry("Description", Html.text(p.description)),
          Map.entry("Visibility", Html.text(p.isPublic == null ? "not stated" : p.isPublic ? "public" : "private")),
          Map.entry("Collaborative", Html.text(p.collaborative ? "yes" : "no")),
          Map.entry("Followers", Html.text(p.followers)),
          Map.entry("Snapshot", Html.text(p.snapshotId)),
          Map.entry("Cover images", Html.text(p.images.size()))));
      page.heading(2, "Items (" + p.entries.size() + ")");
      List<List<Html>> rows = new ArrayList<>();
      for (int i = Math.min(offset, p.entries.size()); i < Math.min(offset + PAGE_SIZE, p.entries.size()); i++) {
        Entry entry = p.entries.get(i);
        rows.add(List.of(Html.text(i + 1), item(entry.uri()), Html.text(entry.addedAt()), Html.text(entry.addedBy()),
            Html.text(entry.uri())));
      }
      page.table(List.of("#", "Item", "Added", "Added by", "URI"), rows, "No items.");
      page.add(pager("/view/playlists/" + Html.pathSegment(playlistId), offset, p.entries.size()));
      return page.response();
    }
  }

  /** What a playlist position holds, by its URI: a track with its artists, an episode with its show, or what is missing. */
  private Html item(String uri) {
    String[] parts = uri.split(":", 3);
    if (parts.length == 3 && parts[1].equals("track")) {
      Track t = catalog.tracks.get(parts[2]);
      return t == null ? Html.text("unavailable track")
          : Html.text(t.name() + " · " + t.artists().stream().map(SpotifyCatalog.Artist::name).collect(Collectors.joining(", ")));
    }
    if (parts.length == 3 && parts[1].equals("episode")) {
      Episode e = catalog.episodes.get(parts[2]);
      return e == null ? Html.text("unavailable episode") : Html.concat(Html.text("episode: "), episodeLink(e));
    }
    return Html.text(parts.length > 1 && parts[1].equals("local") ? "local file" : "unknown item");
  }

  private static Html pager(String path, int offset, int total) {
    List<Html> links = new ArrayList<>();
    if (offset > 0) {
      links.add(Html.link(path + "?offset=" + Math.max(0, offset - PAGE_SIZE), "← newer"));
    }
    if (offset + PAGE_SIZE < total) {
      links.add(Html.link(path + "?offset=" + (offset + PAGE_SIZE), "older →"));
    }
    return links.isEmpty() ? Html.EMPTY : Html.tag("p", Html.join(" · ", links));
  }

  private static int offset(SandboxRequest req) {
    try {
      return Math.max(0, Integer.parseInt(req.query("offset").orElse("0")));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static String duration(long millis) {
    long seconds = millis / 1000;
    return seconds / 60 + ":" + String.format(java.util.Locale.ROOT, "%02d", seconds % 60);
  }
}
