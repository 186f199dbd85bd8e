package io.gridcast.testkit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the Spotify sandbox knows: catalog records and the mutable playlists.
 *
 * <p>Not thread-safe on its own; {@link SpotifyApi} serialises access by synchronising on the
 * catalog.
 */
final class SpotifyCatalog {

  record Image(String url, Integer height, Integer width) {}

  /** A show; {@code null} fields are absent from the JSON, as in older or trimmed payloads. */
  record Show(
      String id,
      String name,
      String publisher,
      String description,
      String htmlDescription,
      boolean explicit,
      List<String> languages,
      List<String> availableMarkets,
      List<Image> images,
      String copyright,
      boolean reportsTotalEpisodes) {}

  /** An episode; {@code guid} and {@code enclosureUrl} are set for feed-ingested ones. */
  record Episode(
      String id,
      String showId,
      String name,
      String description,
      String htmlDescription,
      long durationMs,
      boolean explicit,
      String language,
      List<String> languages,
      String releaseDate,
      String releaseDatePrecision,
      String audioPreviewUrl,
      List<Image> images,
      String guid,
      String enclosureUrl) {

    /** Release date padded to a full day, for newest-first ordering. */
    String sortKey() {
      switch (releaseDatePrecision) {
        case "year":
          return releaseDate + "-01-01";
        case "month":
          return releaseDate + "-01";
        default:
          return releaseDate;
      }
    }
  }

  record Artist(String id, String name) {}

  record Album(String id, String name, String releaseDate, int totalTracks, List<Image> images, List<Artist> artists) {}

  record Track(
      String id,
      String name,
      List<Artist> artists,
      Album album,
      long durationMs,
      boolean explicit,
      int popularity,
      String isrc,
      int trackNumber) {}

  record User(String id, String displayName, String email, String country, String product, int followers) {}

  /** One playlist position: a track, episode or local-file URI, when and by whom it was added. */
  record Entry(String uri, Instant addedAt, String addedBy) {}

  /** A playlist; mutable, guarded by the catalog lock. */
  static final class Playlist {
    final String id;
    String name;
    String description;
    Boolean isPublic;
    boolean collaborative;
    final String ownerId;
    int followers;
    long version;
    String snapshotId;
    List<Image> images = new ArrayList<>();
    final List<Entry> entries = new ArrayList<>();

    Playlist(String id, String name, String description, Boolean isPublic, boolean collaborative, String ownerId) {
      this.id = id;
      this.name = name;
      this.description = description;
      this.isPublic = isPublic;
      this.collaborative = collaborative;
      this.ownerId = ownerId;
    }
  }

  record Saved(String id, Instant addedAt) {}

  final Map<String, Show> shows = new LinkedHashMap<>();
  final Map<String, Episode> episodes = new LinkedHashMap<>();
  final Map<String, List<Episode>> episodesByShow = new LinkedHashMap<>();
  final Map<String, Track> tracks = new LinkedHashMap<>();
  final Map<String, Playlist> playlists = new LinkedHashMap<>();
  final Map<String, User> users = new LinkedHashMap<>();
  /** Names of playlists that were deleted: search still counts them and answers {@code null}. */
  final List<String> removedPlaylistNames = new ArrayList<>();
  final List<Saved> savedShows = new ArrayList<>();
  final List<Saved> savedEpisodes = new ArrayList<>();
  /** Playlists the current user follows or owns, newest first. */
  final List<String> userPlaylistIds = new ArrayList<>();
  /** Uploaded playlist cover images by key. */
  final Map<String, byte[]> uploadedImages = new LinkedHashMap<>();
  String currentUserId;

  void addShow(Show show) {
    shows.put(show.id(), show);
    episodesByShow.put(show.id(), new ArrayList<>());
  }

  void addEpisode(Episode episode) {
    List<Episode> list = episodesByShow.get(episode.showId());
    if (list == null) {
      throw new IllegalArgumentException("no show " + episode.showId());
    }
    episodes.put(episode.id(), episode);
    list.add(episode);
    // Spotify lists a show's episodes newest first; ties keep insertion order.
    list.sort(Comparator.comparing(Episode::sortKey).reversed());
  }

  Optional<Episode> episodeByGuid(String showId, String guid) {
    return episodesByShow.getOrDefault(showId, List.of()).stream().filter(e -> guid.equals(e.guid())).findFirst();
  }

  User currentUser() {
    return users.get(currentUserId);
  }

  /** Forgets everything, before the demo data is seeded again ({@link SpotifySandbox#reset()}). */
  void clear() {
    shows.clear();
    episodes.clear();
    episodesByShow.clear();
    tracks.clear();
    playlists.clear();
    users.clear();
    removedPlaylistNames.clear();
    savedShows.clear();
    savedEpisodes.clear();
    userPlaylistIds.clear();
    uploadedImages.clear();
    currentUserId = null;
  }
}
