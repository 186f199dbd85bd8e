package io.gridcast.bridge.flows;

import io.gridcast.spotify.SpotifyClient;
import io.gridcast.spotify.SpotifyUri;
import io.gridcast.spotify.model.PlaylistBase;
import io.gridcast.spotify.model.PlaylistItem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Brings a flow-managed playlist to what it should be: its details, then its items with the
 * fewest writes it can (one removal, one append, then single moves). Each compares with the
 * current state first, so what is already in place costs no write (and a repeat after a crash
 * finishes the job). Stateless.
 */
final class PlaylistSync {

  private PlaylistSync() {}

  /**
   * Creates the playlist when there is none yet, else renames and re-describes it where it
   * differs.
   *
   * @return the playlist's id
   */
  static String details(SpotifyClient spotify, PlaylistBase playlist, String name, String description, boolean isPublic) {
    if (playlist == null) {
      return spotify.playlists().create(name, description, isPublic, false).id();
    }
    boolean rename = !playlist.name().equals(name);
    boolean describe = !playlist.description().orElse("").equals(description);
    if (rename || describe) {
      spotify.playlists().changeDetails(playlist.id(), rename ? name : null, describe ? description : null, null, null);
    }
    return playlist.id();
  }

  /**
   * Removes what should not be there, appends what is missing, then moves items into order.
   * {@code desired} may repeat an item (two milestones naming one episode): a playlist holds
   * each item once, at its first position. Any difference between the playlist and
   * {@code desired} is tolerated (an item Spotify did not add, or one without a URI such as an
   * unavailable or local track, which cannot be removed by URI and ends up after the managed
   * items).
   */
  static void items(SpotifyClient spotify, String playlistId, List<String> desired) {
    List<String> wanted = new ArrayList<>(new LinkedHashSet<>(desired));
    List<String> current = new ArrayList<>(); // one entry per playlist position, null when it has no usable URI
    for (PlaylistItem item : spotify.playlists().items(playlistId, null)) {
      current.add(item.track().map(t -> t.uri()).or(() -> item.episode().map(e -> e.uri()))
          .filter(PlaylistSync::parseable).orElse(null));
    }
    Set<String> wantedSet = new HashSet<>(wanted);
    Map<String, Integer> counts = new HashMap<>();
    current.stream().filter(Objects::nonNull).forEach(u -> counts.merge(u, 1, Integer::sum));
    List<SpotifyUri> remove = new ArrayList<>();
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      if (!wantedSet.contains(e.getKey()) || e.getValue() > 1) {
        remove.add(SpotifyUri.parse(e.getKey())); // a duplicate goes and comes back once
      }
    }
    String snapshot = null;
    if (!remove.isEmpty()) {
      remove.sort((a, b) -> a.toString().compareTo(b.toString()));
      snapshot = spotify.playlists().removeItems(playlistId, remove, null);
      Set<String> removed = new HashSet<>();
      remove.forEach(u -> removed.add(u.toString()));
      current.removeIf(u -> u != null && removed.contains(u));
    }
    List<SpotifyUri> add = new ArrayList<>();
    for (String u : wanted) {
      if (!current.contains(u)) {
        add.add(SpotifyUri.parse(u));
        current.add(u);
      }
    }
    if (!add.isEmpty()) {
      snapshot = spotify.playlists().addItems(playlistId, add, null);
    }
    int placed = 0; // positions before this hold the wanted items placed so far, in order
    for (String want : wanted) {
      int from = current.indexOf(want);
      if (from < 0) {
        continue; // not in the playlist after all (nothing to move): the rest close up
      }
      if (from != placed) { // from > placed: the earlier positions hold other wanted items
        snapshot = spotify.playlists().reorder(playlistId, from, placed, 1, snapshot);
        current.remove(from);
        current.add(placed, want);
      }
      placed++;
    }
  }

  private static boolean parseable(String uri) {
    try {
      SpotifyUri.parse(uri);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
