package io.gridcast.testkit;

import static io.gridcast.testkit.SpotifyDemoData.CURRENT_USER_ID;
import static io.gridcast.testkit.SpotifyDemoData.EDITORIAL_USER_ID;
import static io.gridcast.testkit.SpotifyDemoData.PLAYLIST_DEMO_MIX;
import static io.gridcast.testkit.SpotifyDemoData.PLAYLIST_EDITORIAL;
import static io.gridcast.testkit.SpotifyDemoData.PLAYLIST_STORE_BERLIN;
import static io.gridcast.testkit.SpotifyDemoData.PLAYLIST_TRAINING_QUEUE;
import static io.gridcast.testkit.SpotifyDemoData.SHOW_PARTNER_ACADEMY;
import static io.gridcast.testkit.SpotifyDemoData.SHOW_TRADING_GRID_WEEKLY;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Walks everything a fresh {@link SpotifySandbox} serves on its Web API, the way a client would:
 * every demo show and every page of its episodes, every episode, the current user and the library,
 * every demo playlist with every page of its items on the current and the deprecated paths, the
 * deprecated user routes, search for every type, every playlist write (on both paths), and the
 * errors (no token, bad token, invalid and unknown ids, missing scope, 403 on someone else's
 * playlist, an injected 429). Each request and response is judged against Spotify's OpenAPI
 * document with {@link SpotifyContract}.
 */
final class SpotifyCrawl {

  /** One request of the crawl, its route template and the document's verdict. */
  record Exchange(String route, String method, String pathAndQuery, int status, List<String> violations) {}

  private static final String JPEG_BASE64 = Base64.getEncoder().encodeToString(
      new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, (byte) 0xFF, (byte) 0xD9});

  private final SpotifySandbox sandbox;
  private final String base;
  private final String user;
  private final String client;
  private final List<Exchange> exchanges = new ArrayList<>();

  private SpotifyCrawl(SpotifySandbox sandbox) {
    this.sandbox = sandbox;
    this.base = sandbox.baseUri().toString();
    this.user = sandbox.userAccessToken();
    this.client = sandbox.clientAccessToken();
  }

  /** Crawls {@code sandbox}, which it changes (playlists are created and written). */
  static SpotifyCrawl of(SpotifySandbox sandbox) {
    SpotifyCrawl crawl = new SpotifyCrawl(sandbox);
    crawl.shows();
    crawl.library();
    crawl.playlists();
    crawl.search();
    crawl.writes();
    crawl.errors();
    return crawl;
  }

  List<Exchange> exchanges() {
    return exchanges;
  }

  /** Every violation, request and response, in crawl order. */
  List<String> violations() {
    List<String> all = new ArrayList<>();
    exchanges.forEach(e -> all.addAll(e.violations()));
    return all;
  }

  /** How many responses broke the document. */
  long failingResponses() {
    return exchanges.stream().filter(e -> e.violations().stream().anyMatch(v -> !v.contains(" request: "))).count();
  }

  /** The routes the crawl reached, as {@code METHOD template}. */
  Set<String> routes() {
    Set<String> routes = new TreeSet<>();
    exchanges.forEach(e -> routes.add(e.method() + " " + e.route()));
    return routes;
  }

  // ---- the walk -----------------------------------------------------------------------------

  private void shows() {
    for (int s = 0; s < SpotifyDemoData.SHOWS.size(); s++) {
      String show = SpotifyDemoData.SHOWS.get(s);
      get("/v1/shows/{id}", "/v1/shows/" + show, client);
      get("/v1/shows/{id}", "/v1/shows/" + show + "?market=DE", user);
      pages("/v1/shows/{id}/episodes", "/v1/shows/" + show + "/episodes?limit=50", user);
      get("/v1/shows/{id}/episodes", "/v1/shows/" + show + "/episodes?limit=3&offset=2&market=from_token", client);
      for (int n = 0; n < SpotifyDemoData.EPISODE_COUNTS.get(s); n++) {
        get("/v1/episodes/{id}", "/v1/episodes/" + SpotifyDemoData.episodeId(show, n), n % 2 == 0 ? user : client);
      }
    }
  }

  private void library() {
    get("/v1/me", "/v1/me", user);
    get("/v1/me", "/v1/me", sandbox.userAccessToken("playlist-read-private"));
    pages("/v1/me/shows", "/v1/me/shows?limit=2", user);
    pages("/v1/me/episodes", "/v1/me/episodes?limit=3&market=ES", user);
    pages("/v1/me/playlists", "/v1/me/playlists?limit=3", user);
    get("/v1/users/{user_id}", "/v1/users/" + CURRENT_USER_ID, user);
    get("/v1/users/{user_id}", "/v1/users/" + EDITORIAL_USER_ID, client);
    pages("/v1/users/{user_id}/playlists", "/v1/users/" + CURRENT_USER_ID + "/playlists?limit=3", user);
    pages("/v1/users/{user_id}/playlists", "/v1/users/" + EDITORIAL_USER_ID + "/playlists", client);
  }

  private void playlists() {
    for (String playlist : List.of(PLAYLIST_DEMO_MIX, PLAYLIST_TRAINING_QUEUE, PLAYLIST_STORE_BERLIN, PLAYLIST_EDITORIAL)) {
      get("/v1/playlists/{id}", "/v1/playlists/" + playlist, user);
      get("/v1/playlists/{id}", "/v1/playlists/" + playlist + "?market=DE&additional_types=track,episode", user);
      pages("/v1/playlists/{id}/items", "/v1/playlists/" + playlist + "/items?limit=5", user);
      pages("/v1/playlists/{id}/tracks", "/v1/playlists/" + playlist + "/tracks?limit=50&additional_types=episode", user);
      get("/v1/playlists/{id}/images", "/v1/playlists/" + playlist + "/images", user);
    }
    get("/v1/playlists/{id}", "/v1/playlists/" + PLAYLIST_EDITORIAL, client);
  }

  private void search() {
    get("/v1/search", "/v1/search?q=trading%20grid&type=show,episode,playlist,track&limit=10", user);
    get("/v1/search", "/v1/search?q=best&type=playlist", user);
    get("/v1/search", "/v1/search?q=classics&type=playlist", client);
    get("/v1/search", "/v1/search?q=nordlicht&type=track&market=DE", client);
    get("/v1/search", "/v1/search?q=z%C3%B6lle&type=episode&offset=0&limit=10", user);
    get("/v1/search", "/v1/search?q=gridcast&type=album,artist,audiobook", user);
    pages("/v1/search", "/v1/search?q=episode&type=episode&limit=10", user);
  }

  private void writes() {
    JsonNode mine = send("/v1/me/playlists", "POST", "/v1/me/playlists", user,
        Map.of("name", "Crawl – private", "description", "made by the contract crawl", "public", false));
    JsonNode forUser = send("/v1/users/{user_id}/playlists", "POST", "/v1/users/" + CURRENT_USER_ID + "/playlists", user,
        Map.of("name", "Crawl – public"));
    String id = mine.path("id").asText();
    String other = forUser.path("id").asText();
    String p = "/v1/playlists/" + id;
    send("/v1/playlists/{id}", "PUT", p, user, Map.of("name", "Crawl – renamed", "collaborative", true));
    send("/v1/playlists/{id}/items", "POST", p + "/items", user, Map.of("uris", List.of(
        "spotify:track:" + SpotifyDemoData.trackId(1), "spotify:episode:" + SpotifyDemoData.episodeId(SHOW_PARTNER_ACADEMY, 3),
        "spotify:track:" + SpotifyDemoData.trackId(2))));
    send("/v1/playlists/{id}/tracks", "POST", p + "/tracks", user, Map.of("uris", List.of("spotify:track:" + SpotifyDemoData.trackId(5)), "position", 0));
    send("/v1/playlists/{id}/items", "PUT", p + "/items", user, Map.of("range_start", 0, "insert_before", 3, "range_length", 1));
    send("/v1/playlists/{id}/tracks", "PUT", p + "/tracks", user, Map.of("range_start", 1, "insert_before", 0));
    send("/v1/playlists/{id}/items", "DELETE", p + "/items", user, Map.of("items", List.of(Map.of("uri", "spotify:track:" + SpotifyDemoData.trackId(2)))));
    send("/v1/playlists/{id}/tracks", "DELETE", p + "/tracks", user, Map.of("tracks", List.of(Map.of("uri", "spotify:track:" + SpotifyDemoData.trackId(5)))));
    call("/v1/playlists/{id}/images", "PUT", p + "/images", user, "image/jpeg", JPEG_BASE64.getBytes(StandardCharsets.US_ASCII));
    get("/v1/playlists/{id}/images", p + "/images", user);
    get("/v1/playlists/{id}", p, user);
    send("/v1/playlists/{id}/items", "PUT", "/v1/playlists/" + other + "/items", user, Map.of("uris", List.of(
        "spotify:episode:" + SpotifyDemoData.episodeId(SHOW_TRADING_GRID_WEEKLY, 1), "spotify:track:" + SpotifyDemoData.trackId(9))));
    send("/v1/playlists/{id}/tracks", "PUT", "/v1/playlists/" + other + "/tracks", user, Map.of("uris", List.of()));
    pages("/v1/me/playlists", "/v1/me/playlists?limit=50", user);
  }

  private void errors() {
    get("/v1/shows/{id}", "/v1/shows/" + SHOW_TRADING_GRID_WEEKLY, null);
    get("/v1/shows/{id}", "/v1/shows/" + SHOW_TRADING_GRID_WEEKLY, "not-a-token");
    get("/v1/me", "/v1/me", client);
    get("/v1/me/shows", "/v1/me/shows", sandbox.userAccessToken("user-read-email"));
    get("/v1/episodes/{id}", "/v1/episodes/" + "A".repeat(22), user);
    get("/v1/shows/{id}", "/v1/shows/not-an-id", user);
    get("/v1/search", "/v1/search?q=x&type=track&limit=11", user);
    get("/v1/shows/{id}", "/v1/shows/" + SHOW_PARTNER_ACADEMY + "?market=BR", user);
    get("/v1/playlists/{id}", "/v1/playlists/" + PLAYLIST_TRAINING_QUEUE, client);
    get("/v1/users/{user_id}/playlists", "/v1/users/nobody-here/playlists", user);
    send("/v1/playlists/{id}/items", "POST", "/v1/playlists/" + PLAYLIST_EDITORIAL + "/items", user,
        Map.of("uris", List.of("spotify:track:" + SpotifyDemoData.trackId(0))));
    sandbox.faults(FaultProfile.builder().rateLimitRate(1).build());
    try {
      get("/v1/shows/{id}", "/v1/shows/" + SHOW_TRADING_GRID_WEEKLY, user);
    } finally {
      sandbox.faults(FaultProfile.none());
    }
  }

  // ---- requests -----------------------------------------------------------------------------

  /** GETs every page, following {@code next} (also inside a search result's typed pages). */
  private void pages(String route, String first, String token) {
    String next = first;
    while (next != null) {
      JsonNode page = get(route, next, token);
      next = null;
      JsonNode link = page == null ? null : page.has("next") ? page.get("next") : firstTypedPage(page);
      if (link != null && link.isTextual()) {
        next = URI.create(link.asText()).getRawPath() + "?" + URI.create(link.asText()).getRawQuery();
      }
    }
  }

  private static JsonNode firstTypedPage(JsonNode searchResult) {
    for (JsonNode typed : searchResult) {
      if (typed.has("next")) {
        return typed.get("next");
      }
    }
    return null;
  }

  private JsonNode get(String route, String pathAndQuery, String token) {
    return call(route, "GET", pathAndQuery, token, null, null);
  }

  private JsonNode send(String route, String method, String pathAndQuery, String token, Object body) {
    try {
      return call(route, method, pathAndQuery, token, "application/json", Http.JSON.writeValueAsBytes(body));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private JsonNode call(String route, String method, String pathAndQuery, String token, String contentType, byte[] body) {
    URI uri = URI.create(base + pathAndQuery);
    Map<String, String> headers = new LinkedHashMap<>();
    if (token != null) {
      headers.put("Authorization", "Bearer " + token);
    }
    if (contentType != null) {
      headers.put("Content-Type", contentType);
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(uri)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(request::header);
    Http.Reply reply = Http.send(request.build());
    List<String> violations = new ArrayList<>();
    if (reply.status() < 400 && reply.raw().headers().firstValue("Retry-After").isEmpty()) {
      // the crawl's own requests are judged only where the sandbox took them: error cases are wrong on purpose
      violations.addAll(SpotifyContract.requestViolations(method, uri.getRawPath(), uri.getRawQuery() == null ? "" : uri.getRawQuery(), headers, body));
    }
    violations.addAll(SpotifyContract.violations(reply.raw()));
    exchanges.add(new Exchange(route, method, pathAndQuery, reply.status(), violations));
    String type = reply.header("Content-Type");
    return type != null && type.startsWith("application/json") && reply.raw().body().length > 0 ? reply.json() : null;
  }
}
