package io.gridcast.spotify;

import io.gridcast.core.paging.Paginator;
import io.gridcast.spotify.SpotifyUri.Type;
import io.gridcast.spotify.model.Playlist;
import io.gridcast.spotify.model.PlaylistItem;
import io.gridcast.spotify.model.SimplifiedPlaylist;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import okhttp3.MediaType;
import okhttp3.RequestBody;

/**
 * Playlists, read and written through {@code /playlists/{id}/items} and {@code /me/playlists}
 * (the {@code /tracks} and {@code /users/{id}/playlists} forms are deprecated). Obtain from
 * {@link SpotifyClient#playlists()}. Thread-safe. Writes need a user token with the
 * {@code playlist-modify-public} or {@code playlist-modify-private} scope.
 *
 * <p>Creating a playlist and adding items ({@code POST}) are not idempotent on Spotify's side, so
 * they are not retried after a failure (a retried add could add the items twice); the error
 * surfaces instead. {@link #reorder} is not retried either: a retried move could move twice. The
 * other {@code PUT} and {@code DELETE} writes (details, replace, remove, cover) end in the same
 * state however often they are sent, and are retried like reads by the client's resilience
 * policy.
 */
public final class PlaylistsApi {

  /** Spotify accepts at most 100 items per add, remove or replace request. */
  public static final int MAX_ITEMS_PER_REQUEST = 100;

  /** Spotify refuses a cover upload whose base64 payload exceeds 256 KB. */
  public static final int MAX_COVER_PAYLOAD_BYTES = 256 * 1024;

  /**
   * The largest JPEG {@link #uploadCover} accepts: 192 KB (196,608 bytes), whose base64 encoding
   * is exactly {@link #MAX_COVER_PAYLOAD_BYTES}.
   */
  public static final int MAX_COVER_BYTES = MAX_COVER_PAYLOAD_BYTES / 4 * 3;

  private static final String ADDITIONAL_TYPES = "track,episode";
  private static final MediaType JPEG = MediaType.get("image/jpeg");

  private final SpotifyContext ctx;

  PlaylistsApi(SpotifyContext ctx) {
    this.ctx = ctx;
  }

  /**
   * One playlist with its first page of items (tracks and episodes). Spotify sends the items
   * only for playlists the current user owns or collaborates on; for others {@link
   * Playlist#itemsPage()} is empty.
   */
  public Playlist get(String playlistId, Market market) {
    return ctx.service.playlist(SpotifyContext.id(Type.PLAYLIST, playlistId), ctx.market(market), ADDITIONAL_TYPES);
  }

  /** One playlist with its first page of items, in the client's default market. */
  public Playlist get(String playlistId) {
    return get(playlistId, null);
  }

  /**
   * One playlist with its first page of items, asynchronously; {@code market} may be {@code null}
   * for the client's default market. Request failures complete the future exceptionally; an invalid
   * id throws {@link IllegalArgumentException} at once.
   */
  public CompletableFuture<Playlist> getAsync(String playlistId, Market market) {
    return ctx.service.playlistAsync(SpotifyContext.id(Type.PLAYLIST, playlistId), ctx.market(market), ADDITIONAL_TYPES);
  }

  /**
   * Every item of a playlist, paged lazily. An item's content may be a track, an episode, a
   * local file, or absent (no longer available).
   */
  public Paginator<PlaylistItem> items(String playlistId, Market market) {
    String id = SpotifyContext.id(Type.PLAYLIST, playlistId);
    String m = ctx.market(market);
    return ctx.pages(() -> ctx.service.playlistItems(id, m, ADDITIONAL_TYPES, ctx.pageSize, 0),
        ctx.service::playlistItemsPage);
  }

  /** The current user's playlists, paged lazily. */
  public Paginator<SimplifiedPlaylist> mine() {
    return ctx.pages(() -> ctx.service.myPlaylists(ctx.pageSize, 0), ctx.service::simplifiedPlaylistsPage);
  }

  /**
   * The playlists a user owns or follows, paged lazily, through {@code GET /users/{user_id}/playlists}.
   * For another user these are their public playlists; for the current user all of theirs.
   *
   * @param userId a Spotify user id (letters, digits, {@code .}, {@code _}, {@code -})
   * @throws IllegalArgumentException if {@code userId} is not a Spotify user id
   * @deprecated Spotify deprecated {@code GET /users/{user_id}/playlists}; it is still served. For
   *     the current user, use {@link #mine()} ({@code GET /me/playlists}).
   */
  @Deprecated
  public Paginator<SimplifiedPlaylist> ofUser(String userId) {
    String id = SpotifyUri.user(userId).id();
    return ctx.pages(() -> ctx.service.userPlaylists(id, ctx.pageSize, 0), ctx.service::simplifiedPlaylistsPage);
  }

  /**
   * Creates a playlist for the current user.
   *
   * @param isPublic whether it appears on the user's profile
   */
  public Playlist create(String name, String description, boolean isPublic, boolean collaborative) {
    requireName(name);
    if (collaborative && isPublic) {
      throw new IllegalArgumentException("a collaborative playlist must not be public: pass isPublic=false");
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", name);
    body.put("public", isPublic);
    body.put("collaborative", collaborative);
    if (description != null) {
      body.put("description", description);
    }
    return ctx.service.createPlaylist(body);
  }

  /** Changes name, description, visibility or collaboration; {@code null} leaves a field as is. */
  public void changeDetails(String playlistId, String name, String description, Boolean isPublic, Boolean collaborative) {
    String id = SpotifyContext.id(Type.PLAYLIST, playlistId);
    Map<String, Object> body = new LinkedHashMap<>();
    if (name != null) {
      requireName(name);
      body.put("name", name);
    }
    if (description != null) {
      body.put("description", description);
    }
    if (isPublic != null) {
      body.put("public", isPublic);
    }
    if (collaborative != null) {
      body.put("collaborative", collaborative);
    }
    if (body.isEmpty()) {
      throw new IllegalArgumentException("nothing to change: pass at least one of name, description, isPublic, collaborative");
    }
    ctx.service.changePlaylistDetails(id, body);
  }

  /**
   * Adds items, 100 per request, in order.
   *
   * @param position where to insert the first item, or {@code null} to append
   * @return the playlist's snapshot id after the last request
   */
  public String addItems(String playlistId, List<SpotifyUri> uris, Integer position) {
    String id = SpotifyContext.id(Type.PLAYLIST, playlistId);
    List<String> values = playable(uris);
    if (position != null && position < 0) {
      throw new IllegalArgumentException("position must be >= 0, was " + position);
    }
    String snapshot = null;
    for (int from = 0; from < values.size(); from += MAX_ITEMS_PER_REQUEST) {
      List<String> chunk = values.subList(from, Math.min(from + MAX_ITEMS_PER_REQUEST, values.size()));
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("uris", chunk);
      if (position != null) {
        body.put("position", position + from);
      }
      snapshot = ctx.service.addPlaylistItems(id, body).snapshotId();
    }
    return snapshot;
  }

  /**
   * Removes every occurrence of the given items, 100 per request.
   *
   * @param snapshotId the snapshot the removal applies to, or {@code null} for the latest
   * @return the snapshot id after the last request
   */
  public String removeItems(String playlistId, List<SpotifyUri> uris, String snapshotId) {
    String id = SpotifyContext.id(Type.PLAYLIST, playlistId);
    List<String> values = playable(uris);
    String snapshot = snapshotId;
    for (int from = 0; from < values.size(); from += MAX_ITEMS_PER_REQUEST) {
      List<Map<String, String>> items = new ArrayList<>();
      for (String uri : values.subList(from, Math.min(from + MAX_ITEMS_PER_REQUEST, values.size()))) {
        items.add(Map.of("uri", uri));
      }
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("items", items);
      if (snapshot != null) {
        body.put("snapshot_id", snapshot);
      }
      snapshot = ctx.service.removePlaylistItems(id, body).snapshotId();
    }
    return snapshot;
  }

  /**
   * Moves {@code rangeLength} items starting at {@code rangeStart} to before position
   * {@code insertBefore}.
   *
   * @return the new snapshot id
   */
  public String reorder(String playlistId, int rangeStart, int insertBefore, int rangeLength, String snapshotId) {
    String id = SpotifyContext.id(Type.PLAYLIST, playlistId);
    if (rangeStart < 0 || insertBefore < 0 || rangeLength < 1) {
      throw new IllegalArgumentException("rangeStart and insertBefore must be >= 0 and rangeLength >= 1");
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("range_start", rangeStart);
    body.put("insert_before", insertBefore);
    body.put("range_length", rangeLength);
    if (snapshotId != null) {
      body.put("snapshot_id", snapshotId);
    }
    return ctx.service.reorderPlaylistItems(id, body).snapshotId();
  }

  /**
   * Replaces all items: the first 100 replace, the rest are appended in order. An empty list
   * clears the playlist.
   *
   * @return the snapshot id after the last request
   */
  public String replaceItems(String playlistId, List<SpotifyUri> uris) {
    String id = SpotifyContext.id(Type.PLAYLIST, playlistId);
    if (uris == null) {
      throw new IllegalArgumentException("items are missing: pass the new items, or an empty list to clear the playlist");
    }
    List<String> values = uris.isEmpty() ? List.of() : playable(uris);
    List<String> first = values.subList(0, Math.min(MAX_ITEMS_PER_REQUEST, values.size()));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("uris", first);
    String snapshot = ctx.service.updatePlaylistItems(id, body).snapshotId();
    if (values.size() > MAX_ITEMS_PER_REQUEST) {
      List<SpotifyUri> rest = new ArrayList<>();
      for (String v : values.subList(MAX_ITEMS_PER_REQUEST, values.size())) {
        rest.add(SpotifyUri.parse(v));
      }
      snapshot = addItems(id, rest, null);
    }
    return snapshot;
  }

  /**
   * Uploads a JPEG cover image (sent base64-encoded, as Spotify requires; needs the {@code
   * ugc-image-upload} scope).
   *
   * @throws IllegalArgumentException before sending anything if the bytes are not a JPEG or exceed
   *     {@value #MAX_COVER_BYTES} bytes (their base64 form would exceed Spotify's 256 KB limit)
   */
  public void uploadCover(String playlistId, byte[] jpeg) {
    String id = SpotifyContext.id(Type.PLAYLIST, playlistId);
    if (jpeg == null || jpeg.length < 3 || (jpeg[0] & 0xff) != 0xFF || (jpeg[1] & 0xff) != 0xD8 || (jpeg[2] & 0xff) != 0xFF) {
      throw new IllegalArgumentException("cover image must be a JPEG (it does not start with the JPEG marker FF D8 FF)");
    }
    if (jpeg.length > MAX_COVER_BYTES) {
      throw new IllegalArgumentException("cover image is " + jpeg.length + " bytes; Spotify accepts at most "
          + MAX_COVER_BYTES + " bytes of JPEG (256 KB once base64-encoded): compress or shrink it first");
    }
    ctx.service.uploadPlaylistCover(id, RequestBody.create(Base64.getEncoder().encode(jpeg), JPEG));
  }

  private static List<String> playable(List<SpotifyUri> uris) {
    if (uris == null || uris.isEmpty()) {
      throw new IllegalArgumentException("no items given: pass at least one track or episode URI");
    }
    List<String> out = new ArrayList<>(uris.size());
    for (SpotifyUri u : uris) {
      if (u == null) {
        throw new IllegalArgumentException("items must not contain null");
      }
      if (u.type() != Type.TRACK && u.type() != Type.EPISODE) {
        throw new IllegalArgumentException("only tracks and episodes can be playlist items, got " + u);
      }
      out.add(u.toString());
    }
    return out;
  }

  private static void requireName(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("playlist name is missing");
    }
  }
}
