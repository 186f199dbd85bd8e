package io.gridcast.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridcast.testkit.SpotifyAccounts.AccessToken;
import io.gridcast.testkit.SpotifyCatalog.Entry;
import io.gridcast.testkit.SpotifyCatalog.Image;
import io.gridcast.testkit.SpotifyCatalog.Playlist;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * Playlist writes of the Spotify sandbox: create, change details, add, remove, reorder, replace
 * and cover upload. Every successful write gives the playlist a new {@code snapshot_id} and saves
 * the state.
 */
final class SpotifyPlaylistWrites {

  static final int MAX_ITEMS_PER_REQUEST = 100;
  /** Spotify's limit for a cover upload: 256 KB of base64 text. */
  static final int MAX_IMAGE_PAYLOAD_BYTES = 256 * 1024;
  private static final Pattern ITEM_URI = Pattern.compile("spotify:(track|episode):[0-9A-Za-z]{22}");

  private final SpotifyApi api;
  private final SpotifyCatalog catalog;
  private final long seed;
  private final LongSupplier nextSequence;

  SpotifyPlaylistWrites(SpotifyApi api, long seed, LongSupplier nextSequence) {
    this.api = api;
    this.catalog = api.catalog;
    this.seed = seed;
    this.nextSequence = nextSequence;
  }

  SandboxResponse create(SandboxRequest req) {
    AccessToken token = api.userToken(req);
    return createFor(req, token);
  }

  SandboxResponse createForUser(SandboxRequest req) {
    AccessToken token = api.userToken(req);
    if (!req.pathParam("user_id").equals(token.userId())) {
      throw new SandboxHttpException(403, "You cannot create a playlist for another user.");
    }
    return createFor(req, token);
  }

  private SandboxResponse createFor(SandboxRequest req, AccessToken token) {
    JsonNode body = req.bodyJson();
    JsonNode name = body.get("name");
    if (name == null || !name.isTextual() || name.asText().isBlank()) {
      throw SandboxHttpException.badRequest("Missing required field: name");
    }
    boolean isPublic = optionalBoolean(body, "public").orElse(true);
    boolean collaborative = optionalBoolean(body, "collaborative").orElse(false);
    SpotifyApi.requireScope(token, isPublic ? "playlist-modify-public" : "playlist-modify-private");
    if (collaborative && isPublic) {
      throw SandboxHttpException.badRequest("Collaborative playlists must not be public.");
    }
    String description = body.hasNonNull("description") ? body.get("description").asText() : null;
    synchronized (catalog) {
      String id = SpotifyIds.base62("playlist:" + seed + ":" + nextSequence.getAsLong());
      Playlist p = new Playlist(id, name.asText(), description, isPublic, collaborative, token.userId());
      catalog.playlists.put(id, p);
      catalog.userPlaylistIds.add(0, id);
      bump(p);
      SpotifyJson json = api.json(req);
      var items = json.paging("/playlists/" + id + "/items", "", List.of(), 0, 100, 0);
      return SandboxResponse.json(201, json.playlistFull(p, catalog.users.get(p.ownerId), items));
    }
  }

  SandboxResponse changeDetails(SandboxRequest req) {
    AccessToken token = api.userToken(req);
    String id = SpotifyApi.id(req);
    JsonNode body = req.bodyJson();
    synchronized (catalog) {
      Playlist p = writablePlaylist(id, token);
      boolean changed = false;
      if (body.has("name")) {
        if (!body.get("name").isTextual() || body.get("name").asText().isBlank()) {
          throw SandboxHttpException.badRequest("Invalid name");
        }
        p.name = body.get("name").asText();
        changed = true;
      }
      if (body.has("description")) {
        p.description = body.get("description").isNull() ? null : body.get("description").asText();
        changed = true;
      }
      Optional<Boolean> isPublic = optionalBoolean(body, "public");
      Optional<Boolean> collaborative = optionalBoolean(body, "collaborative");
      if (isPublic.orElse(Boolean.TRUE.equals(p.isPublic)) && collaborative.orElse(p.collaborative)) {
        throw SandboxHttpException.badRequest("Collaborative playlists must not be public.");
      }
      if (isPublic.isPresent()) {
        p.isPublic = isPublic.get();
        changed = true;
      }
      if (collaborative.isPresent()) {
        p.collaborative = collaborative.get();
        changed = true;
      }
      if (!changed) {
        throw SandboxHttpException.badRequest("No changes requested: send name, description, public or collaborative.");
      }
      bump(p);
      return SandboxResponse.empty(200);
    }
  }

  SandboxResponse addItems(SandboxRequest req) {
    AccessToken token = api.userToken(req);
    String id = SpotifyApi.id(req);
    JsonNode body = req.hasBody() ? req.bodyJson() : SandboxJson.object();
    List<String> uris = uris(req, body);
    if (uris.isEmpty()) {
      throw SandboxHttpException.badRequest("No uris provided");
    }
    if (uris.size() > MAX_ITEMS_PER_REQUEST) {
      throw SandboxHttpException.badRequest("You can add a maximum of 100 tracks per request.");
    }
    Optional<Integer> position = req.query("position").map(SpotifyPlaylistWrites::parsePosition)
        .or(() -> body.hasNonNull("position") ? Optional.of(body.get("position").asInt(-1)) : Optional.empty());
    synchronized (catalog) {
      Playlist p = writablePlaylist(id, token);
      List<Entry> entries = entries(uris, token);
      int at = position.orElse(p.entries.size());
      if (at < 0 || at > p.entries.size()) {
        throw SandboxHttpException.badRequest("Index out of bounds");
      }
      p.entries.addAll(at, entries);
      bump(p);
      return snapshot(201, p);
    }
  }

  SandboxResponse removeItems(SandboxRequest req) {
    AccessToken token = api.userToken(req);
    String id = SpotifyApi.id(req);
    JsonNode body = req.bodyJson();
    // Current API: "items"; the deprecated /tracks form sent "tracks". Both are understood.
    JsonNode items = body.has("items") ? body.get("items") : body.get("tracks");
    if (items == null || !items.isArray() || items.isEmpty()) {
      throw SandboxHttpException.badRequest("Missing items: send {\"items\":[{\"uri\":\"spotify:track:...\"}]}");
    }
    if (items.size() > MAX_ITEMS_PER_REQUEST) {
      throw SandboxHttpException.badRequest("Too many items to remove: the maximum is 100.");
    }
    synchronized (catalog) {
      Playlist p = writablePlaylist(id, token);
      var doomed = new TreeSet<Integer>();
      for (JsonNode item : items) {
        String uri = item.path("uri").asText("");
        if (!ITEM_URI.matcher(uri).matches() && !uri.startsWith("spotify:local:")) {
          throw SandboxHttpException.badRequest("Invalid track uri: " + uri);
        }
        JsonNode positions = item.get("positions");
        if (positions != null && positions.isArray()) {
          for (JsonNode pos : positions) {
            int i = pos.asInt(-1);
            if (i < 0 || i >= p.entries.size() || !p.entries.get(i).uri().equals(uri)) {
              throw SandboxHttpException.badRequest("Invalid position " + pos.asText() + " for " + uri);
            }
            doomed.add(i);
          }
        } else {
          for (int i = 0; i < p.entries.size(); i++) {
            if (p.entries.get(i).uri().equals(uri)) {
              doomed.add(i);
            }
          }
        }
      }
      for (int i : doomed.descendingSet()) {
        p.entries.remove(i);
      }
      bump(p);
      return snapshot(200, p);
    }
  }

  SandboxResponse updateItems(SandboxRequest req) {
    AccessToken token = api.userToken(req);
    String id = SpotifyApi.id(req);
    JsonNode body = req.hasBody() ? req.bodyJson() : SandboxJson.object();
    boolean replace = req.query("uris").isPresent() || body.has("uris");
    synchronized (catalog) {
      Playlist p = writablePlaylist(id, token);
      if (replace) {
        List<String> uris = uris(req, body);
        if (uris.size() > MAX_ITEMS_PER_REQUEST) {
          throw SandboxHttpException.badRequest("You can set a maximum of 100 tracks per request.");
        }
        List<Entry> entries = entries(uris, token);
        p.entries.clear();
        p.entries.addAll(entries);
      } else {
        reorder(p, body);
      }
      bump(p);
      return snapshot(200, p);
    }
  }

  private static void reorder(Playlist p, JsonNode body) {
    if (!body.hasNonNull("range_start") || !body.hasNonNull("insert_before")) {
      throw SandboxHttpException.badRequest("Send uris to replace, or range_start and insert_before to reorder.");
    }
    int size = p.entries.size();
    int start = body.get("range_start").asInt(-1);
    int insertBefore = body.get("insert_before").asInt(-1);
    int length = body.hasNonNull("range_length") ? body.get("range_length").asInt(-1) : 1;
    if (start < 0 || length < 1 || start + length > size || insertBefore < 0 || insertBefore > size) {
      throw SandboxHttpException.badRequest("Invalid range: range_start " + start + ", range_length " + length
          + ", insert_before " + insertBefore + " on a playlist of " + size + " items");
    }
    if (insertBefore >= start && insertBefore <= start + length) {
      return; // moving a block to where it already is
    }
    List<Entry> block = new ArrayList<>(p.entries.subList(start, start + length));
    p.entries.subList(start, start + length).clear();
    int target = insertBefore > start ? insertBefore - length : insertBefore;
    p.entries.addAll(target, block);
  }

  SandboxResponse uploadImage(SandboxRequest req) {
    AccessToken token = api.userToken(req);
    String id = SpotifyApi.id(req);
    SpotifyApi.requireScope(token, "ugc-image-upload");
    byte[] payload = req.body();
    if (payload.length > MAX_IMAGE_PAYLOAD_BYTES) {
      throw new SandboxHttpException(413, "Request Entity Too Large: the maximum payload size is 256 KB");
    }
    byte[] jpeg;
    try {
      jpeg = Base64.getMimeDecoder().decode(payload);
    } catch (IllegalArgumentException e) {
      throw SandboxHttpException.badRequest("Image must be a Base64 encoded JPEG");
    }
    if (jpeg.length < 3 || (jpeg[0] & 0xff) != 0xFF || (jpeg[1] & 0xff) != 0xD8 || (jpeg[2] & 0xff) != 0xFF) {
      throw SandboxHttpException.badRequest("Image must be a Base64 encoded JPEG");
    }
    synchronized (catalog) {
      Playlist p = writablePlaylist(id, token);
      String key = SpotifyIds.hex(Base64.getEncoder().encodeToString(jpeg), 40);
      catalog.uploadedImages.put(key, jpeg);
      // Custom covers come back without dimensions, as from Spotify: height and width are null.
      p.images = new ArrayList<>(List.of(new Image("/images/" + key, null, null)));
      bump(p);
      return SandboxResponse.empty(202);
    }
  }

  // ---- helpers ------------------------------------------------------------------------------

  private Playlist writablePlaylist(String id, AccessToken token) {
    Playlist p = api.readablePlaylist(id, token);
    SpotifyApi.requireScope(token, "playlist-modify-public", "playlist-modify-private");
    if (!p.ownerId.equals(token.userId()) && !p.collaborative) {
      throw new SandboxHttpException(403, "You cannot modify a playlist owned by another user.");
    }
    return p;
  }

  private List<String> uris(SandboxRequest req, JsonNode body) {
    List<String> uris = new ArrayList<>();
    Optional<String> query = req.query("uris");
    if (query.isPresent()) {
      for (String uri : query.get().split(",")) {
        if (!uri.isBlank()) {
          uris.add(uri.trim());
        }
      }
      return uris;
    }
    JsonNode array = body.get("uris");
    if (array != null && !array.isArray()) {
      throw SandboxHttpException.badRequest("uris must be an array");
    }
    if (array != null) {
      array.forEach(u -> uris.add(u.asText()));
    }
    return uris;
  }

  private List<Entry> entries(List<String> uris, AccessToken token) {
    Instant now = api.clock.instant();
    var entries = new ArrayList<Entry>();
    for (String uri : uris) {
      if (!ITEM_URI.matcher(uri).matches()) {
        throw SandboxHttpException.badRequest("Invalid track uri: " + uri);
      }
      String itemId = uri.substring(uri.lastIndexOf(':') + 1);
      boolean exists = uri.startsWith("spotify:track:") ? catalog.tracks.containsKey(itemId) : catalog.episodes.containsKey(itemId);
      if (!exists) {
        throw SandboxHttpException.badRequest("Payload contains a non-existing ID");
      }
      entries.add(new Entry(uri, now, token.userId()));
    }
    return entries;
  }

  private void bump(Playlist p) {
    p.version++;
    p.snapshotId = SpotifyIds.snapshot(p.id, p.version, seed);
    api.onMutation.run();
  }

  private static SandboxResponse snapshot(int status, Playlist p) {
    return SandboxResponse.json(status, SandboxJson.object().put("snapshot_id", p.snapshotId));
  }

  private static Optional<Boolean> optionalBoolean(JsonNode body, String field) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (!v.isBoolean()) {
      throw SandboxHttpException.badRequest(field + " must be true or false");
    }
    return Optional.of(v.booleanValue());
  }

  private static int parsePosition(String raw) {
    try {
      return Integer.parseInt(raw.trim());
    } catch (NumberFormatException e) {
      throw SandboxHttpException.badRequest("Invalid position");
    }
  }
}
