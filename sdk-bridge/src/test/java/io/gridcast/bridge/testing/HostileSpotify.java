package io.gridcast.bridge.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridcast.core.Secret;
import io.gridcast.core.auth.AccessToken;
import io.gridcast.core.auth.AccessTokenProvider;
import io.gridcast.core.resilience.ResilienceConfig;
import io.gridcast.spotify.SpotifyClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A Spotify Web API that a stranger controls: one show whose episodes carry whatever titles,
 * descriptions, links and ids a test gives them, served over real HTTP in Spotify's JSON shapes
 * ({@code GET /v1/shows/{id}}, {@code GET /v1/shows/{id}/episodes}, {@code GET /v1/episodes/{id}}).
 * The sandbox refuses to hold such content, so hostile-content tests point the client here and
 * keep the Trading Grid sandbox as the target.
 */
public final class HostileSpotify implements AutoCloseable {

  /** The id of the one show. */
  public static final String SHOW_ID = "4rOoJ6Egrf8K2IrywzwOMk";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final MockWebServer server = new MockWebServer();
  private final SpotifyClient client;

  /** Serves a show called {@code showName} with these episodes, newest first. */
  public HostileSpotify(String showName, List<ObjectNode> episodes) {
    ObjectNode show = show(showName, episodes.size());
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        if (path.equals("/v1/shows/" + SHOW_ID)) {
          return json(show);
        }
        if (path.equals("/v1/shows/" + SHOW_ID + "/episodes")) {
          ObjectNode page = JSON.createObjectNode();
          page.put("href", "https://api.spotify.com/v1/shows/" + SHOW_ID + "/episodes");
          ArrayNode items = page.putArray("items");
          episodes.forEach(items::add);
          page.put("limit", 50).putNull("next").put("offset", 0).putNull("previous").put("total", episodes.size());
          return json(page);
        }
        for (ObjectNode e : episodes) {
          if (path.equals("/v1/episodes/" + e.path("id").asText())) {
            ObjectNode full = e.deepCopy();
            full.set("show", show.deepCopy());
            return json(full);
          }
        }
        return new MockResponse.Builder().code(404).addHeader("Content-Type", "application/json")
            .body("{\"error\":{\"status\":404,\"message\":\"Resource not found\"}}").build();
      }
    });
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    client = SpotifyClient.builder()
        .baseUrl(server.url("/v1/").toString())
        .tokenProvider(AccessTokenProvider.fixed(
            new AccessToken(Secret.of("hostile-test-token"), Instant.now().plus(Duration.ofHours(1)), null, null)))
        .resilience(ResilienceConfig.builder().maxRetries(0).build())
        .build();
  }

  /** An episode in Spotify's simplified shape; change any field of the result to attack. */
  public static ObjectNode episode(String id, String name, String description, String externalUrl) {
    ObjectNode e = JSON.createObjectNode();
    e.putNull("audio_preview_url");
    e.put("description", description);
    e.put("html_description", "<p>" + description + "</p>");
    e.put("duration_ms", 1_686_230);
    e.put("explicit", false);
    e.putObject("external_urls").put("spotify", externalUrl);
    e.put("href", "https://api.spotify.com/v1/episodes/" + id);
    e.put("id", id);
    e.putArray("images").addObject().put("url", "https://i.scdn.co/image/ab6765630000ba8a" + id.hashCode())
        .put("height", 640).put("width", 640);
    e.put("is_externally_hosted", false);
    e.put("is_playable", true);
    e.putArray("languages").add("en");
    e.put("name", name);
    e.put("release_date", "2026-03-02");
    e.put("release_date_precision", "day");
    e.put("type", "episode");
    e.put("uri", "spotify:episode:" + id);
    return e;
  }

  private static ObjectNode show(String name, int total) {
    ObjectNode s = JSON.createObjectNode();
    s.putArray("available_markets").add("DE").add("GB");
    s.putArray("copyrights");
    s.put("description", "A show anyone could publish.");
    s.put("html_description", "<p>A show anyone could publish.</p>");
    s.put("explicit", false);
    s.putObject("external_urls").put("spotify", "https://open.spotify.com/show/" + SHOW_ID);
    s.put("href", "https://api.spotify.com/v1/shows/" + SHOW_ID);
    s.put("id", SHOW_ID);
    s.putArray("images");
    s.put("is_externally_hosted", false);
    s.putArray("languages").add("en");
    s.put("media_type", "audio");
    s.put("name", name);
    s.put("publisher", "Anyone");
    s.put("type", "show");
    s.put("uri", "spotify:show:" + SHOW_ID);
    s.put("total_episodes", total);
    ObjectNode page = s.putObject("episodes");
    page.put("href", "https://api.spotify.com/v1/shows/" + SHOW_ID + "/episodes");
    page.putArray("items");
    page.put("limit", 0).putNull("next").put("offset", 0).putNull("previous").put("total", total);
    return s;
  }

  private static MockResponse json(Object body) {
    try {
      return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
          .body(JSON.writeValueAsString(body)).build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A Spotify client on this server. */
  public SpotifyClient client() {
    return client;
  }

  @Override
  public void close() {
    client.close();
    server.close();
  }
}
