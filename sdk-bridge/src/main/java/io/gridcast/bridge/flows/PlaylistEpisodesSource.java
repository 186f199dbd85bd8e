package io.gridcast.bridge.flows;

import io.gridcast.bridge.RunContext;
import io.gridcast.bridge.Batch;
import io.gridcast.bridge.Source;
import io.gridcast.spotify.Market;
import io.gridcast.spotify.SpotifyClient;
import io.gridcast.spotify.model.Episode;
import io.gridcast.spotify.model.EpisodeBase;
import io.gridcast.spotify.model.PlaylistItem;
import io.gridcast.spotify.model.SimplifiedEpisode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Reads the episodes of a playlist (tracks, local files and unavailable items are skipped), in
 * playlist order, one batch per {@value ShowEpisodesSource#BATCH_SIZE} episodes. No checkpoints:
 * every run re-reads the playlist. Thread-safe.
 */
final class PlaylistEpisodesSource implements Source<ShowEpisode> {

  private final SpotifyClient spotify;
  private final String playlistId;
  private final Market market;
  private final LocalDate releasedSince;

  /**
   * @param market the market for reads, or {@code null}
   * @param releasedSince leave out episodes released before this date, or {@code null}
   */
  public PlaylistEpisodesSource(SpotifyClient spotify, String playlistId, Market market, LocalDate releasedSince) {
    this.spotify = spotify;
    this.playlistId = playlistId;
    this.market = market;
    this.releasedSince = releasedSince;
  }

  @Override
  public Iterable<Batch<ShowEpisode>> read(RunContext run) {
    return () -> new Iterator<>() {
      private final Iterator<PlaylistItem> items = spotify.playlists().items(playlistId, market).iterator();
      private final List<ShowEpisode> next = new ArrayList<>();

      @Override
      public boolean hasNext() {
        while (next.size() < ShowEpisodesSource.BATCH_SIZE && items.hasNext()) {
          items.next().episode().filter(this::released).ifPresent(e -> next.add(showEpisode(e)));
        }
        return !next.isEmpty();
      }

      @Override
      public Batch<ShowEpisode> next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        Batch<ShowEpisode> batch = Batch.of(List.copyOf(next));
        next.clear();
        return batch;
      }

      private boolean released(Episode e) {
        return releasedSince == null || !e.releaseDate().firstDay().isBefore(releasedSince);
      }
    };
  }

  /** Finds one episode again by its source key, for dead-letter replay. */
  public Optional<ShowEpisode> lookup(String sourceKey) {
    String prefix = "spotify:episode:";
    if (!sourceKey.startsWith(prefix)) {
      return Optional.empty();
    }
    return Optional.of(showEpisode(spotify.episodes().get(sourceKey.substring(prefix.length()), market)));
  }

  private static ShowEpisode showEpisode(Episode e) {
    return new ShowEpisode(e.show().id(), e.show().name(), SimplifiedEpisode.builder().from((EpisodeBase) e).build());
  }
}
