package io.gridcast.provingground.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.gridcast.spotify.feed.FeedItem;
import io.gridcast.spotify.feed.FileSystemFeedSink;
import io.gridcast.spotify.feed.PodcastFeed;
import io.gridcast.testkit.SpotifyDemoData;
import io.gridcast.testkit.TradingGridResource;
import io.gridcast.testkit.TradingGridSandbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Everything a pair's sandboxes and folder hold, read without faults, as {@link Record}s: every
 * Trading Grid resource of the demo community (events excepted: they log each write, so a
 * write repeated with the same content adds one without changing the state), the children of
 * threads, issues, forms and approvals, the current user's Spotify playlists with their items, the
 * episodes of the demo shows, the items of the flows' podcast feeds and the files in the pair's
 * folder. {@link NormalizedState} turns them into a comparable view.
 */
final class SandboxState {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /**
   * One thing held.
   *
   * @param kind e.g. {@code tradinggrid:posts} or {@code spotify:playlists}
   * @param id its id, or null for things without one (feed items, files)
   * @param selfIds other ids that belong to it alone (a playlist's snapshot id)
   * @param json its content
   */
  record Record(String kind, String id, Set<String> selfIds, JsonNode json) {}

  private SandboxState() {}

  /**
   * Reads everything; the sandboxes must not inject faults any more. The sandboxes' own
   * addresses (in {@code href}s, download links) read as {@code ⟨spotify⟩} and {@code
   * ⟨tradinggrid⟩}: each pair listens on its own ports.
   */
  static List<Record> read(SandboxPair pair, List<String> feedFiles) {
    List<Record> out = new ArrayList<>();
    readTradingGrid(pair.tradingGridSandbox, out);
    readSpotify(pair, out);
    readFeeds(pair.dir, feedFiles, out);
    readFiles(pair.dir, feedFiles, out);
    String spotify = pair.spotifySandbox.baseUri().toString();
    String tradingGrid = pair.tradingGridSandbox.baseUri().toString();
    return out.stream().map(r -> new Record(r.kind(), r.id(), r.selfIds(),
        replace(r.json(), spotify, "⟨spotify⟩", tradingGrid, "⟨tradinggrid⟩"))).toList();
  }

  private static JsonNode replace(JsonNode node, String a, String aBy, String b, String bBy) {
    if (node.isTextual()) {
      return TextNode.valueOf(node.asText().replace(a, aBy).replace(b, bBy));
    }
    if (node.isContainerNode()) {
      JsonNode copy = node.deepCopy();
      if (copy.isObject()) {
        var fields = new ArrayList<String>();
        copy.fieldNames().forEachRemaining(fields::add);
        for (String f : fields) {
          ((ObjectNode) copy).set(f, replace(copy.get(f), a, aBy, b, bBy));
        }
      } else {
        ArrayNode array = (ArrayNode) copy;
        for (int i = 0; i < array.size(); i++) {
          array.set(i, replace(array.get(i), a, aBy, b, bBy));
        }
      }
      return copy;
    }
    return node;
  }

  private static void readTradingGrid(TradingGridSandbox tg, List<Record> out) {
    for (TradingGridResource type : TradingGridResource.values()) {
      for (JsonNode r : tg.resources(type)) {
        String id = r.path("id").asText();
        out.add(new Record("tradinggrid:" + type.collection(), id, embeddedIds(r), r));
        switch (type) {
          case THREADS -> children(out, "tradinggrid:thread-messages", id, tg.threadMessages(id));
          case ISSUES -> children(out, "tradinggrid:issue-comments", id, tg.issueComments(id));
          case FORMS -> children(out, "tradinggrid:form-submissions", id, tg.formSubmissions(id));
          case APPROVALS -> children(out, "tradinggrid:audit-trail", id, tg.auditTrail(id));
          default -> { }
        }
      }
    }
  }

  /**
   * The ids of objects embedded in a record's arrays (a site request's comments): they belong to
   * it alone, and the sandbox draws them in the order writes arrive, which several writes in
   * flight make differ from run to run.
   */
  private static Set<String> embeddedIds(JsonNode record) {
    Set<String> ids = new java.util.LinkedHashSet<>();
    record.fields().forEachRemaining(field -> {
      if (field.getValue().isArray()) {
        for (JsonNode element : field.getValue()) {
          if (element.isObject() && element.path("id").isTextual()) {
            ids.add(element.path("id").asText());
          }
        }
      }
    });
    return ids;
  }

  /** Children are kept in order: a position in a thread or an audit trail is part of the state. */
  private static void children(List<Record> out, String kind, String parentId, List<JsonNode> children) {
    int position = 0;
    for (JsonNode child : children) {
      ObjectNode json = child.deepCopy();
      json.put("_parent", parentId).put("_position", position++);
      out.add(new Record(kind, child.path("id").asText(), Set.of(), json));
    }
  }

  private static void readSpotify(SandboxPair pair, List<Record> out) {
    String api = pair.spotifySandbox.apiBaseUri().toString();
    for (JsonNode simplified : pages(pair, api + "/me/playlists?limit=50")) {
      String id = simplified.path("id").asText();
      ObjectNode playlist = (ObjectNode) get(pair, api + "/playlists/" + id);
      playlist.remove(List.of("items", "tracks"));
      var items = playlist.putArray("_items");
      for (JsonNode item : pages(pair, api + "/playlists/" + id + "/items?limit=100")) {
        JsonNode what = item.hasNonNull("item") ? item.path("item") : item.path("track");
        items.add(what.path("uri").asText());
      }
      String snapshot = playlist.path("snapshot_id").asText();
      out.add(new Record("spotify:playlists", id, snapshot.isEmpty() ? Set.of() : Set.of(snapshot), playlist));
    }
    for (String show : SpotifyDemoData.SHOWS) {
      for (JsonNode episode : pages(pair, api + "/shows/" + show + "/episodes?limit=50")) {
        ObjectNode json = episode.deepCopy();
        json.put("_show", show);
        out.add(new Record("spotify:episodes", episode.path("id").asText(), Set.of(), json));
      }
    }
  }

  private static List<JsonNode> pages(SandboxPair pair, String firstUrl) {
    List<JsonNode> items = new ArrayList<>();
    String url = firstUrl;
    while (url != null) {
      JsonNode page = get(pair, url);
      page.path("items").forEach(items::add);
      url = page.hasNonNull("next") ? page.path("next").asText() : null;
    }
    return items;
  }

  private static JsonNode get(SandboxPair pair, String url) {
    try {
      HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
          .header("Authorization", "Bearer " + pair.spotifyUserToken).GET().build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("GET " + url + " answered " + response.statusCode() + ": " + response.body());
      }
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException("GET " + url + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted reading " + url, e);
    }
  }

  private static void readFeeds(Path dir, List<String> feedFiles, List<Record> out) {
    PodcastFeed anyChannel = PodcastFeed.builder().title("reader").link(URI.create("https://example.com"))
        .description("reader").author("reader").ownerName("reader").ownerEmail("reader@example.com").category("Business")
        .imageUrl(URI.create("https://example.com/cover.png")).build();
    for (String feed : feedFiles) {
      try {
        for (FeedItem item : FileSystemFeedSink.create(dir.resolve(feed), URI.create("https://example.com/feed.xml"), anyChannel)
            .items()) {
          ObjectNode json = JSON.createObjectNode();
          json.put("guid", item.guid()).put("title", item.title()).put("description", item.description())
              .put("pubDate", item.pubDate().toString()).put("enclosureUrl", item.enclosureUrl().toString())
              .put("enclosureLength", item.enclosureLength()).put("enclosureType", item.enclosureType())
              .put("duration", item.duration().toString()).put("explicit", item.explicit())
              .put("episodeType", item.episodeType().name())
              .put("imageUrl", item.imageUrl().map(URI::toString).orElse(null))
              .put("link", item.link().map(URI::toString).orElse(null));
          out.add(new Record("feed:" + feed, null, Set.of(), json));
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the feed " + feed, e);
      }
    }
  }

  /** Every other file the flows wrote (media): its path and a digest of its bytes. */
  private static void readFiles(Path dir, List<String> feedFiles, List<Record> out) {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        String name = dir.relativize(file).toString().replace('\\', '/');
        if (feedFiles.contains(name) || name.endsWith(".lock")) {
          continue;
        }
        ObjectNode json = JSON.createObjectNode().put("path", name).put("sha256", sha256(Files.readAllBytes(file)));
        out.add(new Record("files", null, Set.of(), json));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
