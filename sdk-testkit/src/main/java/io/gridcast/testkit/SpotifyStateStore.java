package io.gridcast.testkit;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.gridcast.testkit.SpotifyCatalog.Entry;
import io.gridcast.testkit.SpotifyCatalog.Episode;
import io.gridcast.testkit.SpotifyCatalog.Image;
import io.gridcast.testkit.SpotifyCatalog.Playlist;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Saves the Spotify sandbox's mutable state (playlists, feed-ingested episodes, registered feeds,
 * uploaded images, the id sequence) as one JSON file in a state directory, and loads it back.
 *
 * <p>Writes go to a temporary file that is then moved over the old one, so a crash never leaves
 * a half-written state. Tokens are not saved. Callers serialise access (the catalog lock).
 */
final class SpotifyStateStore {

  static final String FILE_NAME = "spotify-sandbox-state.json";
  private static final int FORMAT = 1;

  record EntryState(String uri, String addedAt, String addedBy) {}

  record PlaylistState(
      String id,
      String name,
      String description,
      @JsonProperty("public") Boolean publicFlag,
      boolean collaborative,
      String ownerId,
      int followers,
      long version,
      String snapshotId,
      List<Image> images,
      List<EntryState> entries) {}

  record StateFile(
      int format,
      long sequence,
      List<PlaylistState> playlists,
      List<String> userPlaylistIds,
      List<Episode> ingestedEpisodes,
      Map<String, String> feeds,
      Map<String, String> images) {}

  private final Path file;

  SpotifyStateStore(Path directory) {
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the sandbox state directory " + directory + ": " + e.getMessage(), e);
    }
    this.file = directory.resolve(FILE_NAME);
  }

  Path file() {
    return file;
  }

  Optional<StateFile> load() {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      StateFile state = SandboxJson.MAPPER.readValue(file.toFile(), StateFile.class);
      if (state.format() != FORMAT) {
        throw new IllegalStateException("unsupported sandbox state format " + state.format() + " in " + file + "; delete the file to start fresh");
      }
      return Optional.of(state);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read sandbox state " + file + " (delete it to start fresh): " + e.getMessage(), e);
    }
  }

  void save(SpotifyCatalog catalog, long sequence, Map<String, URI> feeds) {
    var playlists = new ArrayList<PlaylistState>();
    for (Playlist p : catalog.playlists.values()) {
      var entries = new ArrayList<EntryState>();
      for (Entry e : p.entries) {
        entries.add(new EntryState(e.uri(), e.addedAt().toString(), e.addedBy()));
      }
      playlists.add(new PlaylistState(p.id, p.name, p.description, p.isPublic, p.collaborative, p.ownerId, p.followers,
          p.version, p.snapshotId, List.copyOf(p.images), entries));
    }
    var ingested = catalog.episodes.values().stream().filter(e -> e.guid() != null).toList();
    var feedUris = new LinkedHashMap<String, String>();
    feeds.forEach((show, uri) -> feedUris.put(show, uri.toString()));
    var images = new LinkedHashMap<String, String>();
    catalog.uploadedImages.forEach((key, bytes) -> images.put(key, Base64.getEncoder().encodeToString(bytes)));
    var state = new StateFile(FORMAT, sequence, playlists, List.copyOf(catalog.userPlaylistIds), ingested, feedUris, images);
    Path tmp = file.resolveSibling(FILE_NAME + ".tmp");
    try {
      SandboxJson.MAPPER.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), state);
      try {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save sandbox state to " + file + ": " + e.getMessage(), e);
    }
  }

  /** Replaces the catalog's playlists and adds the ingested episodes and images of {@code state}. */
  static void restore(StateFile state, SpotifyCatalog catalog) {
    catalog.playlists.clear();
    for (PlaylistState s : state.playlists()) {
      Playlist p = new Playlist(s.id(), s.name(), s.description(), s.publicFlag(), s.collaborative(), s.ownerId());
      p.followers = s.followers();
      p.version = s.version();
      p.snapshotId = s.snapshotId();
      p.images = new ArrayList<>(s.images() == null ? List.of() : s.images());
      for (EntryState e : s.entries()) {
        p.entries.add(new Entry(e.uri(), Instant.parse(e.addedAt()), e.addedBy()));
      }
      catalog.playlists.put(p.id, p);
    }
    catalog.userPlaylistIds.clear();
    catalog.userPlaylistIds.addAll(state.userPlaylistIds());
    for (Episode e : state.ingestedEpisodes()) {
      if (catalog.shows.containsKey(e.showId()) && !catalog.episodes.containsKey(e.id())) {
        catalog.addEpisode(e);
      }
    }
    if (state.images() != null) {
      state.images().forEach((key, b64) -> catalog.uploadedImages.put(key, Base64.getDecoder().decode(b64)));
    }
  }
}
