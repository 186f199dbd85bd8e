package io.gridcast.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridcast.testkit.SpotifyAccounts.AccessToken;
import io.gridcast.testkit.SpotifyCatalog.Entry;
import io.gridcast.testkit.SpotifyCatalog.Episode;
import io.gridcast.testkit.SpotifyCatalog.Playlist;
import io.gridcast.testkit.SpotifyCatalog.Saved;
import io.gridcast.testkit.SpotifyCatalog.Show;
import io.gridcast.testkit.SpotifyCatalog.Track;
import io.gridcast.testkit.SpotifyJson.ShowRef;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The Web API read endpoints of the Spotify sandbox (shows, episodes, library, playlists, search,
 * current user) and the wiring of all routes. Playlist writes live in {@link SpotifyPlaylistWrites}.
 *
 * <p>All catalog access synchronises on the catalog.
 */
final class SpotifyApi {

  private static final Pattern MARKET = Pattern.compile("[A-Z]{2}");
  static final String USER_AUTH_REQUIRED = "This request requires user authentication.";

  final SpotifyCatalog catalog;
  final SpotifyAccounts accounts;
  final FeedIngestion ingestion;
  final PlaylistFieldNames names;
  final Set<SpotifyQuirk> quirks;
  final boolean itemsForOwnersOnly;
  final Clock clock;
  final Runnable onMutation;
  private final SpotifyPlaylistWrites writes;

  SpotifyApi(SpotifyCatalog catalog, SpotifyAccounts accounts, FeedIngestion ingestion, PlaylistFieldNames names,
      Set<SpotifyQuirk> quirks, boolean itemsForOwnersOnly, Clock clock, long seed, Runnable onMutation,
      java.util.function.LongSupplier nextSequence) {
    this.catalog = catalog;
    this.accounts = accounts;
    this.ingestion = ingestion;
    this.names = names;
    this.quirks = quirks;
    this.itemsForOwnersOnly = itemsForOwnersOnly;
    this.clock = clock;
    this.onMutation = onMutation;
    this.writes = new SpotifyPlaylistWrites(this, seed, nextSequence);
  }

  SandboxRouter routes() {
    var router = new SandboxRouter()
        .post("/api/token", accounts::token)
        .get("/authorize", accounts::authorize)
        .get("/images/{key}", this::image)
        .get("/v1/shows/{id}", this::show)
        .get("/v1/shows/{id}/episodes", this::showEpisodes)
        .get("/v1/episodes/{id}", this::episode)
        .get("/v1/me", this::me)
        .get("/v1/me/shows", this::savedShows)
        .get("/v1/me/episodes", this::savedEpisodes)
        .get("/v1/me/playlists", this::myPlaylists)
        .post("/v1/me/playlists", writes::create)
        .get("/v1/users/{user_id}", this::userProfile)
        .get("/v1/users/{user_id}/playlists", this::userPlaylists)
        .post("/v1/users/{user_id}/playlists", writes::createForUser)
        .get("/v1/playlists/{id}", this::playlist)
        .put("/v1/playlists/{id}", writes::changeDetails)
        .get("/v1/playlists/{id}/images", this::playlistImages)
        .put("/v1/playlists/{id}/images", writes::uploadImage)
        .get("/v1/search", this::search);
    for (String alias : List.of("items", "tracks")) {
      router.get("/v1/playlists/{id}/" + alias, this::playlistItems)
          .post("/v1/playlists/{id}/" + alias, writes::addItems)
          .put("/v1/playlists/{id}/" + alias, writes::updateItems)
          .delete("/v1/playlists/{id}/" + alias, writes::removeItems);
    }
    return router;
  }

  // ---- shows and episodes -------------------------------------------------------------------

  private SandboxResponse show(SandboxRequest req) {
    AccessToken token = accounts.authenticate(req);
    String id = id(req);
    Optional<String> market = market(req, token);
    ingestion.pollIfDue(id);
    synchronized (catalog) {
      ingestion.materialize(catalog, false);
      Show show = availableShow(id, market);
      SpotifyJson json = json(req);
      return SandboxResponse.json(200, json.showFull(show, catalog.episodesByShow.get(id), marketQuery(req), token.isUser()));
    }
  }

  private SandboxResponse showEpisodes(SandboxRequest req) {
    AccessToken token = accounts.authenticate(req);
    String id = id(req);
    Optional<String> market = market(req, token);
    int limit = limit(req, 20, 50);
    int offset = offset(req, Integer.MAX_VALUE);
    ingestion.pollIfDue(id);
    synchronized (catalog) {
      ingestion.materialize(catalog, false);
      availableShow(id, market);
      List<Episode> all = catalog.episodesByShow.get(id);
      SpotifyJson json = json(req);
      List<ObjectNode> page = slice(all, offset, limit).stream().map(e -> json.episode(e, null, token.isUser())).toList();
      return SandboxResponse.json(200, json.paging("/shows/" + id + "/episodes", marketQuery(req), page, offset, limit, all.size()));
    }
  }

  private SandboxResponse episode(SandboxRequest req) {
    AccessToken token = accounts.authenticate(req);
    String id = id(req);
    Optional<String> market = market(req, token);
    synchronized (catalog) {
      ingestion.materialize(catalog, false);
      Episode episode = catalog.episodes.get(id);
      if (episode == null) {
        throw SandboxHttpException.notFound("Non existing id: 'spotify:episode:" + id + "'");
      }
      Show show = catalog.shows.get(episode.showId());
      if (market.isPresent() && show.availableMarkets() != null && !show.availableMarkets().contains(market.get())) {
        throw SandboxHttpException.notFound("Non existing id: 'spotify:episode:" + id + "'");
      }
      return SandboxResponse.json(200, json(req).episode(episode, showRef(show), token.isUser()));
    }
  }

  private Show availableShow(String id, Optional<String> market) {
    Show show = catalog.shows.get(id);
    if (show == null || (market.isPresent() && show.availableMarkets() != null && !show.availableMarkets().contains(market.get()))) {
      throw SandboxHttpException.notFound("Non existing id: 'spotify:show:" + id + "'");
    }
    return show;
  }

  ShowRef showRef(Show show) {
    return new ShowRef(show, catalog.episodesByShow.get(show.id()).size());
  }

  // ---- current user and library -------------------------------------------------------------

  private SandboxResponse me(SandboxRequest req) {
    AccessToken token = userToken(req);
    synchronized (catalog) {
      return SandboxResponse.json(200, json(req).privateUser(catalog.currentUser(), token.has("user-read-email"), token.has("user-read-private")));
    }
  }

  private SandboxResponse savedShows(SandboxRequest req) {
    AccessToken token = userToken(req);
    requireScope(token, "user-library-read");
    int limit = limit(req, 20, 50);
    int offset = offset(req, Integer.MAX_VALUE);
    synchronized (catalog) {
      SpotifyJson json = json(req);
      List<ObjectNode> page = slice(catalog.savedShows, offset, limit).stream().map(s -> {
        ObjectNode item = SandboxJson.object().put("added_at", SpotifyJson.timestamp(s.addedAt()));
        Show show = catalog.shows.get(s.id());
        item.set("show", json.showSimplified(show, catalog.episodesByShow.get(show.id()).size()));
        return item;
      }).toList();
      return SandboxResponse.json(200, json.paging("/me/shows", "", page, offset, limit, catalog.savedShows.size()));
    }
  }

  private SandboxResponse savedEpisodes(SandboxRequest req) {
    AccessToken token = userToken(req);
    requireScope(token, "user-library-read");
    market(req, token);
    int limit = limit(req, 20, 50);
    int offset = offset(req, Integer.MAX_VALUE);
    synchronized (catalog) {
      SpotifyJson json = json(req);
      List<ObjectNode> page = new ArrayList<>();
      for (Saved s : slice(catalog.savedEpisodes, offset, limit)) {
        Episode e = catalog.episodes.get(s.id());
        ObjectNode item = SandboxJson.object().put("added_at", SpotifyJson.timestamp(s.addedAt()));
        item.set("episode", json.episode(e, showRef(catalog.shows.get(e.showId())), true));
        page.add(item);
      }
      return SandboxResponse.json(200, json.paging("/me/episodes", marketQuery(req), page, offset, limit, catalog.savedEpisodes.size()));
    }
  }

  private SandboxResponse myPlaylists(SandboxRequest req) {
    userToken(req);
    int limit = limit(req, 20, 50);
    int offset = offset(req, 100_000);
    synchronized (catalog) {
      SpotifyJson json = json(req);
      List<ObjectNode> page = slice(catalog.userPlaylistIds, offset, limit).stream().map(id -> {
        Playlist p = catalog.playlists.get(id);
        return json.playlistSimplified(p, catalog.users.get(p.ownerId));
      }).toList();
      return SandboxResponse.json(200, json.paging("/me/playlists", "", page, offset, limit, catalog.userPlaylistIds.size()));
    }
  }

  /**
   * {@code GET /users/{user_id}/playlists} (deprecated, still served): the playlists a user owns
   * or follows. The current user sees all of theirs, like {@code /me/playlists}; anyone else sees
   * the user's public playlists.
   */
  private SandboxResponse userPlaylists(SandboxRequest req) {
    AccessToken token = accounts.authenticate(req);
    String userId = req.pathParam("user_id");
    int limit = limit(req, 20, 50);
    int offset = offset(req, 100_000);
    synchronized (catalog) {
      if (!catalog.users.containsKey(userId)) {
        throw SandboxHttpException.notFound("No such user");
      }
      List<Playlist> listed = new ArrayList<>();
      if (userId.equals(token.userId())) {
        catalog.userPlaylistIds.forEach(id -> listed.add(catalog.playlists.get(id)));
      } else {
        for (Playlist p : catalog.playlists.values()) {
          if (p.ownerId.equals(userId) && !Boolean.FALSE.equals(p.isPublic)) {
            listed.add(p);
          }
        }
      }
      SpotifyJson json = json(req);
      List<ObjectNode> page = slice(listed, offset, limit).stream().map(p -> json.playlistSimplified(p, catalog.users.get(p.ownerId))).toList();
      return SandboxResponse.json(200, json.paging("/users/" + enc(userId) + "/playlists", "", page, offset, limit, listed.size()));
    }
  }

  /** {@code GET /users/{user_id}} (deprecated, still served): a user's public profile. */
  private SandboxResponse userProfile(SandboxRequest req) {
    accounts.authenticate(req);
    synchronized (catalog) {
      SpotifyCatalog.User u = catalog.users.get(req.pathParam("user_id"));
      if (u == null) {
        throw SandboxHttpException.notFound("No such user");
      }
      return SandboxResponse.json(200, json(req).publicUser(u));
    }
  }

  // ---- playlists ----------------------------------------------------------------------------

  private SandboxResponse playlist(SandboxRequest req) {
    AccessToken token = accounts.authenticate(req);
    String id = id(req);
    market(req, token);
    synchronized (catalog) {
      Playlist p = readablePlaylist(id, token);
      SpotifyJson json = json(req);
      ObjectNode items = itemsVisibleTo(p, token)
          ? itemsPage(json, p, "/playlists/" + id + "/items", 0, 100, marketQuery(req), token)
          : null;
      return SandboxResponse.json(200, json.playlistFull(p, catalog.users.get(p.ownerId), items));
    }
  }

  private SandboxResponse playlistItems(SandboxRequest req) {
    AccessToken token = accounts.authenticate(req);
    String id = id(req);
    market(req, token);
    int limit = limit(req, 20, 100);
    int offset = offset(req, Integer.MAX_VALUE);
    String alias = req.path().endsWith("/tracks") ? "/tracks" : "/items";
    synchronized (catalog) {
      Playlist p = readablePlaylist(id, token);
      if (!itemsVisibleTo(p, token)) {
        throw new SandboxHttpException(403, "Forbidden: only the owner and collaborators of a playlist can read its items.");
      }
      SpotifyJson json = json(req);
      return SandboxResponse.json(200, itemsPage(json, p, "/playlists/" + id + alias, offset, limit, marketQuery(req), token));
    }
  }

  /** Whether the caller may read the items: always, unless the sandbox applies Spotify's owner-only rule. */
  private boolean itemsVisibleTo(Playlist p, AccessToken token) {
    return !itemsForOwnersOnly || p.collaborative || p.ownerId.equals(token.userId());
  }

  private SandboxResponse playlistImages(SandboxRequest req) {
    AccessToken token = accounts.authenticate(req);
    String id = id(req);
    synchronized (catalog) {
      Playlist p = readablePlaylist(id, token);
      return SandboxResponse.json(200, json(req).images(p.images));
    }
  }

  private SandboxResponse image(SandboxRequest req) {
    synchronized (catalog) {
      byte[] bytes = catalog.uploadedImages.get(req.pathParam("key"));
      if (bytes == null) {
        throw SandboxHttpException.notFound("Not found.");
      }
      return SandboxResponse.bytes(200, "image/jpeg", bytes);
    }
  }

  Playlist readablePlaylist(String id, AccessToken token) {
    Playlist p = catalog.playlists.get(id);
    boolean privateToOthers = p != null && Boolean.FALSE.equals(p.isPublic) && !p.collaborative && !p.ownerId.equals(token.userId());
    if (p == null || privateToOthers) {
      throw SandboxHttpException.notFound("Resource not found");
    }
    return p;
  }

  private ObjectNode itemsPage(SpotifyJson json, Playlist p, String path, int offset, int limit, String extra, AccessToken token) {
    List<ObjectNode> page = slice(p.entries, offset, limit).stream().map(e -> json.playlistItem(e, content(json, e, token))).toList();
    return json.paging(path, extra, page, offset, limit, p.entries.size());
  }

  /** The track, episode or local file behind an entry; {@code null} when it is no longer available. */
  private JsonNode content(SpotifyJson json, Entry entry, AccessToken token) {
    String uri = entry.uri();
    if (uri.startsWith("spotify:local:")) {
      return json.localTrack(uri);
    }
    String id = uri.substring(uri.lastIndexOf(':') + 1);
    if (uri.startsWith("spotify:track:")) {
      Track t = catalog.tracks.get(id);
      return t == null ? null : json.track(t);
    }
    Episode e = catalog.episodes.get(id);
    return e == null ? null : json.episode(e, showRef(catalog.shows.get(e.showId())), token.isUser());
  }

  // ---- search -------------------------------------------------------------------------------

  private static final List<String> SEARCH_TYPES = List.of("album", "artist", "playlist", "track", "show", "episode", "audiobook");

  private SandboxResponse search(SandboxRequest req) {
    AccessToken token = accounts.authenticate(req);
    String q = req.query("q").or(() -> req.query("query")).filter(s -> !s.isBlank()).orElseThrow(() -> SandboxHttpException.badRequest("No search query"));
    String typeParam = req.query("type").filter(s -> !s.isBlank()).orElseThrow(() -> SandboxHttpException.badRequest("Missing parameter type"));
    Optional<String> market = market(req, token);
    int limit = limit(req, 5, 10);
    int offset = offset(req, 1000);
    List<String> types = new ArrayList<>();
    for (String t : typeParam.split(",")) {
      String type = t.trim().toLowerCase(Locale.ROOT);
      if (!SEARCH_TYPES.contains(type)) {
        throw SandboxHttpException.badRequest("Bad search type field " + t.trim());
      }
      if (!types.contains(type)) {
        types.add(type);
      }
    }
    List<String> terms = new ArrayList<>();
    for (String term : q.toLowerCase(Locale.ROOT).split("\\s+")) {
      if (!term.isEmpty() && !term.contains(":")) {
        terms.add(term);
      }
    }
    catalog.shows.keySet().forEach(ingestion::pollIfDue);
    synchronized (catalog) {
      ingestion.materialize(catalog, false);
      SpotifyJson json = json(req);
      ObjectNode body = SandboxJson.object();
      for (String type : types) {
        String extra = (json.quirk(SpotifyQuirk.QUERY_IN_SEARCH_LINKS) ? "query=" : "q=") + enc(q) + "&type=" + type + marketQuery(req).transform(m -> m.isEmpty() ? "" : "&" + m);
        List<JsonNode> hits = searchHits(type, terms, market, json, token);
        List<JsonNode> page = slice(hits, offset, limit);
        body.set(type + "s", json.paging("/search", extra, page, offset, limit, hits.size()));
      }
      return SandboxResponse.json(200, body);
    }
  }

  private List<JsonNode> searchHits(String type, List<String> terms, Optional<String> market, SpotifyJson json, AccessToken token) {
    var hits = new ArrayList<JsonNode>();
    switch (type) {
      case "show":
        for (Show s : catalog.shows.values()) {
          if (inMarket(s, market) && matches(terms, s.name(), s.description(), s.publisher())) {
            hits.add(json.showSimplified(s, catalog.episodesByShow.get(s.id()).size()));
          }
        }
        break;
      case "episode":
        for (Show s : catalog.shows.values()) {
          if (!inMarket(s, market)) {
            continue;
          }
          for (Episode e : catalog.episodesByShow.get(s.id())) {
            if (matches(terms, e.name(), e.description())) {
              hits.add(json.episode(e, null, token.isUser()));
            }
          }
        }
        break;
      case "track":
        for (Track t : catalog.tracks.values()) {
          String artists = String.join(" ", t.artists().stream().map(SpotifyCatalog.Artist::name).toList());
          if (matches(terms, t.name(), artists, t.album().name())) {
            hits.add(json.track(t));
          }
        }
        break;
      case "playlist":
        for (Playlist p : catalog.playlists.values()) {
          if (!Boolean.FALSE.equals(p.isPublic) && matches(terms, p.name, p.description)) {
            hits.add(json.playlistSimplified(p, catalog.users.get(p.ownerId)));
          }
        }
        if (!json.quirk(SpotifyQuirk.NULL_SEARCH_RESULTS)) {
          break;
        }
        // Spotify answers null for playlists that matched its index but are gone.
        int slot = 1;
        for (String removed : catalog.removedPlaylistNames) {
          if (matches(terms, removed)) {
            hits.add(Math.min(slot, hits.size()), SandboxJson.MAPPER.nullNode());
            slot += 2;
          }
        }
        break;
      default:
        break;
    }
    return hits;
  }

  private static boolean inMarket(Show s, Optional<String> market) {
    return market.isEmpty() || s.availableMarkets() == null || s.availableMarkets().contains(market.get());
  }

  private static boolean matches(List<String> terms, String... fields) {
    StringBuilder haystack = new StringBuilder();
    for (String f : fields) {
      if (f != null) {
        haystack.append(f.toLowerCase(Locale.ROOT)).append(' ');
      }
    }
    for (String term : terms) {
      if (haystack.indexOf(term) < 0) {
        return false;
      }
    }
    return true;
  }

  // ---- shared request helpers ---------------------------------------------------------------

  SpotifyJson json(SandboxRequest req) {
    return new SpotifyJson(req.baseUri(), names, quirks);
  }

  AccessToken userToken(SandboxRequest req) {
    AccessToken token = accounts.authenticate(req);
    if (!token.isUser()) {
      throw new SandboxHttpException(401, USER_AUTH_REQUIRED);
    }
    return token;
  }

  static void requireScope(AccessToken token, String... anyOf) {
    for (String scope : anyOf) {
      if (token.has(scope)) {
        return;
      }
    }
    throw new SandboxHttpException(403, "Insufficient client scope");
  }

  static String id(SandboxRequest req) {
    String id = req.pathParam("id");
    if (!SpotifyIds.isValid(id)) {
      throw SandboxHttpException.badRequest("Invalid base62 id");
    }
    return id;
  }

  private Optional<String> market(SandboxRequest req, AccessToken token) {
    Optional<String> market = req.query("market");
    if (market.isEmpty()) {
      return market;
    }
    if (market.get().equals("from_token")) {
      return token.isUser() ? Optional.ofNullable(catalog.currentUser().country()) : Optional.empty();
    }
    if (!MARKET.matcher(market.get()).matches()) {
      throw SandboxHttpException.badRequest("Invalid market code");
    }
    return market;
  }

  private static String marketQuery(SandboxRequest req) {
    return req.query("market").map(m -> "market=" + enc(m)).orElse("");
  }

  static int limit(SandboxRequest req, int defaultLimit, int max) {
    return integer(req, "limit", defaultLimit, 1, max, "Invalid limit");
  }

  static int offset(SandboxRequest req, int max) {
    return integer(req, "offset", 0, 0, max, "Invalid offset");
  }

  private static int integer(SandboxRequest req, String name, int dflt, int min, int max, String message) {
    Optional<String> raw = req.query(name);
    if (raw.isEmpty()) {
      return dflt;
    }
    try {
      int value = Integer.parseInt(raw.get().trim());
      if (value < min || value > max) {
        throw SandboxHttpException.badRequest(message);
      }
      return value;
    } catch (NumberFormatException e) {
      throw SandboxHttpException.badRequest(message);
    }
  }

  static <T> List<T> slice(List<T> all, int offset, int limit) {
    if (offset >= all.size()) {
      return List.of();
    }
    return new ArrayList<>(all.subList(offset, Math.min(all.size(), offset + limit)));
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
