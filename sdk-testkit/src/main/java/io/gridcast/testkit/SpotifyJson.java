package io.gridcast.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridcast.testkit.SpotifyCatalog.Album;
import io.gridcast.testkit.SpotifyCatalog.Artist;
import io.gridcast.testkit.SpotifyCatalog.Entry;
import io.gridcast.testkit.SpotifyCatalog.Episode;
import io.gridcast.testkit.SpotifyCatalog.Image;
import io.gridcast.testkit.SpotifyCatalog.Playlist;
import io.gridcast.testkit.SpotifyCatalog.Show;
import io.gridcast.testkit.SpotifyCatalog.Track;
import io.gridcast.testkit.SpotifyCatalog.User;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

/**
 * Renders catalog records as Spotify Web API JSON objects (ShowObject, EpisodeObject,
 * TrackObject, PlaylistObject, paging objects...), with hrefs pointing at the sandbox itself.
 *
 * <p>Without {@linkplain SpotifyQuirk quirks} every object is one Spotify's OpenAPI document
 * accepts: required fields are always present and no field the document does not mark nullable
 * is {@code null}. Each quirk brings back one deviation of the live API.
 */
final class SpotifyJson {

  private static final String OPEN = "https://open.spotify.com/";
  private static final int EMBEDDED_EPISODES = 50;

  private final String base;
  private final String api;
  /**
   * Where Spotify was available in 2025 ({@code GET /markets}): what a show without market
   * restrictions lists as its {@code available_markets} in strict mode.
   */
  static final List<String> ALL_MARKETS = List.of(("AD AE AG AL AM AO AR AT AU AZ BA BB BD BE BF BG BH BI BJ BN BO BR BS BT BW BY BZ "
      + "CA CD CG CH CI CL CM CO CR CV CW CY CZ DE DJ DK DM DO DZ EC EE EG ES ET FI FJ FM FR GA GB GD GE GH GM GN GQ GR GT GW GY "
      + "HK HN HR HT HU ID IE IL IN IQ IS IT JM JO JP KE KG KH KI KM KN KR KW KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MG "
      + "MH MK ML MN MO MR MT MU MV MW MX MY MZ NA NE NG NI NL NO NP NR NZ OM PA PE PG PH PK PL PR PS PT PW PY QA RO RS RW SA SB "
      + "SC SE SG SI SK SL SM SN SR ST SV SZ TD TG TH TJ TL TN TO TR TT TV TW TZ UA UG US UY UZ VC VE VN VU WS XK ZA ZM ZW").split(" "));

  private final PlaylistFieldNames names;
  private final Set<SpotifyQuirk> quirks;

  SpotifyJson(URI baseUri, PlaylistFieldNames names, Set<SpotifyQuirk> quirks) {
    this.base = baseUri.toString();
    this.api = base + "/v1";
    this.names = names;
    this.quirks = quirks;
  }

  boolean quirk(SpotifyQuirk quirk) {
    return quirks.contains(quirk);
  }

  String api() {
    return api;
  }

  ObjectNode paging(String path, String extraQuery, List<? extends JsonNode> items, int offset, int limit, int total) {
    ObjectNode page = SandboxJson.object();
    page.put("href", href(path, extraQuery, offset, limit));
    ArrayNode array = page.putArray("items");
    items.forEach(array::add);
    page.put("limit", limit);
    if (offset + limit < total) {
      page.put("next", href(path, extraQuery, offset + limit, limit));
    } else {
      page.putNull("next");
    }
    page.put("offset", offset);
    if (offset > 0) {
      page.put("previous", href(path, extraQuery, Math.max(0, offset - limit), limit));
    } else {
      page.putNull("previous");
    }
    page.put("total", total);
    return page;
  }

  private String href(String path, String extraQuery, int offset, int limit) {
    return api + path + "?offset=" + offset + "&limit=" + limit + (extraQuery.isEmpty() ? "" : "&" + extraQuery);
  }

  ObjectNode showSimplified(Show s, int totalEpisodes) {
    ObjectNode o = SandboxJson.object();
    if (s.availableMarkets() != null) {
      strings(o.putArray("available_markets"), s.availableMarkets());
    } else if (!quirk(SpotifyQuirk.DEPRECATED_FIELDS_OMITTED)) {
      strings(o.putArray("available_markets"), ALL_MARKETS); // no restriction: every market
    }
    ArrayNode copyrights = o.putArray("copyrights");
    if (s.copyright() != null) {
      copyrights.addObject().put("text", s.copyright()).put("type", "C");
    }
    o.put("description", s.description());
    if (s.htmlDescription() != null) {
      o.put("html_description", s.htmlDescription());
    } else if (!quirk(SpotifyQuirk.OLDER_PAYLOADS)) {
      o.put("html_description", html(s.description()));
    }
    o.put("explicit", s.explicit());
    o.putObject("external_urls").put("spotify", OPEN + "show/" + s.id());
    o.put("href", api + "/shows/" + s.id());
    o.put("id", s.id());
    images(o.putArray("images"), s.images());
    o.put("is_externally_hosted", false);
    strings(o.putArray("languages"), s.languages());
    o.put("media_type", "audio");
    o.put("name", s.name());
    if (s.publisher() != null) {
      o.put("publisher", s.publisher());
    } else if (!quirk(SpotifyQuirk.DEPRECATED_FIELDS_OMITTED)) {
      o.put("publisher", "");
    }
    if (s.reportsTotalEpisodes() || !quirk(SpotifyQuirk.OLDER_PAYLOADS)) {
      o.put("total_episodes", totalEpisodes);
    }
    o.put("type", "show");
    o.put("uri", "spotify:show:" + s.id());
    return o;
  }

  ObjectNode showFull(Show s, List<Episode> episodes, String marketQuery, boolean userToken) {
    ObjectNode o = showSimplified(s, episodes.size());
    List<ObjectNode> first = episodes.stream().limit(EMBEDDED_EPISODES).map(e -> episode(e, null, userToken)).toList();
    o.set("episodes", paging("/shows/" + s.id() + "/episodes", marketQuery, first, 0, EMBEDDED_EPISODES, episodes.size()));
    return o;
  }

  /** An EpisodeObject when {@code show} is given, otherwise a SimplifiedEpisodeObject. */
  ObjectNode episode(Episode e, ShowRef show, boolean userToken) {
    ObjectNode o = SandboxJson.object();
    if (e.audioPreviewUrl() != null) {
      o.put("audio_preview_url", e.audioPreviewUrl());
    } else if (!quirk(SpotifyQuirk.DEPRECATED_FIELDS_OMITTED)) {
      o.putNull("audio_preview_url"); // required and nullable: null, not left out
    }
    o.put("description", e.description());
    if (e.htmlDescription() != null) {
      o.put("html_description", e.htmlDescription());
    } else if (!quirk(SpotifyQuirk.OLDER_PAYLOADS)) {
      o.put("html_description", html(e.description()));
    }
    o.put("duration_ms", e.durationMs());
    o.put("explicit", e.explicit());
    o.putObject("external_urls").put("spotify", OPEN + "episode/" + e.id());
    o.put("href", api + "/episodes/" + e.id());
    o.put("id", e.id());
    images(o.putArray("images"), e.images());
    o.put("is_externally_hosted", false);
    o.put("is_playable", true);
    if (e.language() != null) {
      o.put("language", e.language());
    }
    strings(o.putArray("languages"), e.languages());
    o.put("name", e.name());
    o.put("release_date", e.releaseDate());
    o.put("release_date_precision", e.releaseDatePrecision());
    if (userToken) {
      // Only user tokens with user-read-playback-position get a resume point.
      o.putObject("resume_point").put("fully_played", false).put("resume_position_ms", 0);
    }
    o.put("type", "episode");
    o.put("uri", "spotify:episode:" + e.id());
    if (show != null) {
      o.set("show", showSimplified(show.show(), show.totalEpisodes()));
    }
    return o;
  }

  /** A show together with its episode count, for embedding in an EpisodeObject. */
  record ShowRef(Show show, int totalEpisodes) {}

  ObjectNode track(Track t) {
    ObjectNode o = SandboxJson.object();
    o.set("album", album(t.album()));
    ArrayNode artists = o.putArray("artists");
    t.artists().forEach(a -> artists.add(artist(a)));
    o.putArray("available_markets").add("DE").add("ES").add("GB").add("JP").add("MX").add("US");
    o.put("disc_number", 1);
    o.put("duration_ms", t.durationMs());
    o.put("explicit", t.explicit());
    o.putObject("external_ids").put("isrc", t.isrc());
    o.putObject("external_urls").put("spotify", OPEN + "track/" + t.id());
    o.put("href", api + "/tracks/" + t.id());
    o.put("id", t.id());
    o.put("is_local", false);
    o.put("name", t.name());
    o.put("popularity", t.popularity());
    o.putNull("preview_url");
    o.put("track_number", t.trackNumber());
    o.put("type", "track");
    o.put("uri", "spotify:track:" + t.id());
    return o;
  }

  private ObjectNode album(Album a) {
    ObjectNode o = SandboxJson.object();
    o.put("album_type", "album");
    ArrayNode artists = o.putArray("artists");
    a.artists().forEach(x -> artists.add(artist(x)));
    o.putArray("available_markets").add("DE").add("ES").add("GB").add("JP").add("MX").add("US");
    o.putObject("external_urls").put("spotify", OPEN + "album/" + a.id());
    o.put("href", api + "/albums/" + a.id());
    o.put("id", a.id());
    images(o.putArray("images"), SpotifyDemoData.images("album-art:" + a.id()));
    o.put("name", a.name());
    o.put("release_date", a.releaseDate());
    o.put("release_date_precision", "day");
    o.put("total_tracks", a.totalTracks());
    o.put("type", "album");
    o.put("uri", "spotify:album:" + a.id());
    return o;
  }

  private ObjectNode artist(Artist a) {
    ObjectNode o = SandboxJson.object();
    o.putObject("external_urls").put("spotify", OPEN + "artist/" + a.id());
    o.put("href", api + "/artists/" + a.id());
    o.put("id", a.id());
    o.put("name", a.name());
    o.put("type", "artist");
    o.put("uri", "spotify:artist:" + a.id());
    return o;
  }

  /**
   * A local file: a track object without the data Spotify does not have. Strict, the fields
   * without a value are left out (the album too, whose fields the document all requires); with
   * {@link SpotifyQuirk#NULL_LOCAL_FILE_FIELDS} they are {@code null}, as from Spotify.
   */
  ObjectNode localTrack(String uri) {
    String[] parts = uri.split(":", -1);
    String artistName = decode(parts.length > 2 ? parts[2] : "");
    String albumName = decode(parts.length > 3 ? parts[3] : "");
    String title = decode(parts.length > 4 ? parts[4] : "");
    long seconds = parts.length > 5 && parts[5].matches("\\d+") ? Long.parseLong(parts[5]) : 0;
    boolean nulls = quirk(SpotifyQuirk.NULL_LOCAL_FILE_FIELDS);
    ObjectNode o = SandboxJson.object();
    if (nulls) {
      ObjectNode album = o.putObject("album");
      album.putNull("album_type");
      album.putArray("artists");
      album.putArray("available_markets");
      album.putObject("external_urls");
      album.putNull("href");
      album.putNull("id");
      album.putArray("images");
      album.put("name", albumName);
      album.putNull("release_date");
      album.putNull("release_date_precision");
      album.put("type", "album");
      album.putNull("uri");
    }
    ObjectNode artist = o.putArray("artists").addObject();
    artist.putObject("external_urls");
    if (nulls) {
      artist.putNull("href");
      artist.putNull("id");
    }
    artist.put("name", artistName);
    artist.put("type", "artist");
    if (nulls) {
      artist.putNull("uri");
    }
    o.putArray("available_markets");
    o.put("disc_number", 0);
    o.put("duration_ms", seconds * 1000);
    o.put("explicit", false);
    o.putObject("external_ids");
    o.putObject("external_urls");
    if (nulls) {
      o.putNull("href");
      o.putNull("id");
    }
    o.put("is_local", true);
    o.put("name", title);
    o.put("popularity", 0);
    o.putNull("preview_url");
    o.put("track_number", 0);
    o.put("type", "track");
    o.put("uri", uri);
    return o;
  }

  /**
   * A playlist item; {@code content} is {@code null} when the track or episode is no longer
   * available: strict, {@code item} and {@code track} are then left out, with {@link
   * SpotifyQuirk#NULL_UNAVAILABLE_ITEMS} they are {@code null}.
   */
  ObjectNode playlistItem(Entry entry, JsonNode content) {
    ObjectNode o = SandboxJson.object();
    o.put("added_at", timestamp(entry.addedAt()));
    if (entry.addedBy() != null) {
      o.set("added_by", playlistUser(entry.addedBy()));
    } else if (quirk(SpotifyQuirk.NULL_ADDED_BY)) {
      o.putNull("added_by");
    }
    o.put("is_local", entry.uri().startsWith("spotify:local:"));
    JsonNode value = content != null ? content : quirk(SpotifyQuirk.NULL_UNAVAILABLE_ITEMS) ? SandboxJson.MAPPER.nullNode() : null;
    if (value != null && names.current()) {
      o.set("item", value);
    }
    if (value != null && names.deprecated()) {
      o.set("track", value);
    }
    return o;
  }

  /**
   * A PlaylistObject; {@code itemsPage} is {@code null} when the caller may not see the items
   * (then neither {@code items} nor {@code tracks} is sent, as the document describes).
   */
  ObjectNode playlistFull(Playlist p, User owner, ObjectNode itemsPage) {
    ObjectNode o = playlistCommon(p, owner, true);
    o.putObject("followers").putNull("href").put("total", p.followers);
    if (itemsPage != null && names.current()) {
      o.set("items", itemsPage);
    }
    if (itemsPage != null && names.deprecated()) {
      o.set("tracks", itemsPage);
    }
    return sorted(o);
  }

  ObjectNode playlistSimplified(Playlist p, User owner) {
    ObjectNode o = playlistCommon(p, owner, false);
    ObjectNode ref = SandboxJson.object().put("href", api + "/playlists/" + p.id + "/items").put("total", p.entries.size());
    if (names.current()) {
      o.set("items", ref);
    }
    if (names.deprecated()) {
      o.set("tracks", ref.deepCopy().put("href", api + "/playlists/" + p.id + "/tracks"));
    }
    return sorted(o);
  }

  /**
   * What full and simplified playlists share. A missing description is {@code null} in a full
   * playlist (the document allows it there) and left out of a simplified one unless {@link
   * SpotifyQuirk#NULL_PLAYLIST_FIELDS}; a {@code public} that is not relevant is left out unless
   * that quirk sends it as {@code null}.
   */
  private ObjectNode playlistCommon(Playlist p, User owner, boolean full) {
    boolean nulls = quirk(SpotifyQuirk.NULL_PLAYLIST_FIELDS);
    ObjectNode o = SandboxJson.object();
    o.put("collaborative", p.collaborative);
    if (p.description != null) {
      o.put("description", p.description);
    } else if (full || nulls) {
      o.putNull("description");
    }
    o.putObject("external_urls").put("spotify", OPEN + "playlist/" + p.id);
    o.put("href", api + "/playlists/" + p.id);
    o.put("id", p.id);
    images(o.putArray("images"), p.images);
    o.put("name", p.name);
    ObjectNode ownerNode = playlistUser(owner.id());
    ownerNode.put("display_name", owner.displayName());
    o.set("owner", ownerNode);
    if (p.isPublic != null) {
      o.put("public", p.isPublic);
    } else if (nulls) {
      o.putNull("public");
    }
    o.put("snapshot_id", p.snapshotId);
    o.put("type", "playlist");
    o.put("uri", "spotify:playlist:" + p.id);
    return o;
  }

  private static ObjectNode sorted(ObjectNode o) {
    ObjectNode out = SandboxJson.object();
    List<String> fields = new java.util.ArrayList<>();
    o.fieldNames().forEachRemaining(fields::add);
    fields.stream().sorted().forEach(f -> out.set(f, o.get(f)));
    return out;
  }

  ObjectNode playlistUser(String userId) {
    ObjectNode o = SandboxJson.object();
    o.putObject("external_urls").put("spotify", OPEN + "user/" + userId);
    o.put("href", api + "/users/" + userId);
    o.put("id", userId);
    o.put("type", "user");
    o.put("uri", "spotify:user:" + userId);
    return o;
  }

  /** A PublicUserObject, as {@code GET /users/{user_id}} answers. */
  ObjectNode publicUser(User u) {
    return privateUser(u, false, false);
  }

  ObjectNode privateUser(User u, boolean withEmail, boolean withPrivate) {
    ObjectNode o = SandboxJson.object();
    if (withPrivate && u.country() != null) {
      o.put("country", u.country());
    }
    o.put("display_name", u.displayName());
    if (withEmail && u.email() != null) {
      o.put("email", u.email());
    }
    if (withPrivate) {
      o.putObject("explicit_content").put("filter_enabled", false).put("filter_locked", false);
    }
    o.putObject("external_urls").put("spotify", OPEN + "user/" + u.id());
    o.putObject("followers").putNull("href").put("total", u.followers());
    o.put("href", api + "/users/" + u.id());
    o.put("id", u.id());
    images(o.putArray("images"), List.of(new Image("https://i.scdn.co/image/ab6775700000ee85" + SpotifyIds.hex("user:" + u.id(), 24), 300, 300),
        new Image("https://i.scdn.co/image/ab67757000003b82" + SpotifyIds.hex("user:" + u.id(), 24), 64, 64)));
    if (withPrivate && u.product() != null) {
      o.put("product", u.product());
    }
    o.put("type", "user");
    o.put("uri", "spotify:user:" + u.id());
    return o;
  }

  static String timestamp(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
  }

  ArrayNode images(List<Image> images) {
    ArrayNode array = SandboxJson.array();
    images(array, images);
    return array;
  }

  /** Adds ImageObjects; a url starting with {@code /} is served by the sandbox itself. */
  private void images(ArrayNode array, List<Image> images) {
    for (Image image : images) {
      ObjectNode o = array.addObject();
      if (image.height() == null) {
        o.putNull("height");
      } else {
        o.put("height", image.height());
      }
      o.put("url", image.url().startsWith("/") ? base + image.url() : image.url());
      if (image.width() == null) {
        o.putNull("width");
      } else {
        o.put("width", image.width());
      }
    }
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }

  /** An {@code html_description} made from a plain one, for records that have none. */
  static String html(String text) {
    StringBuilder out = new StringBuilder("<p>");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        default -> out.append(c);
      }
    }
    return out.append("</p>").toString();
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }
}
