package io.gridcast.bridge.flows;

import io.gridcast.bridge.RunContext;
import io.gridcast.bridge.Batch;
import io.gridcast.bridge.Source;
import io.gridcast.core.paging.Paginator;
import io.gridcast.spotify.Market;
import io.gridcast.spotify.SpotifyClient;
import io.gridcast.spotify.model.Episode;
import io.gridcast.spotify.model.Show;
import io.gridcast.spotify.model.SimplifiedEpisode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Reads the episodes of chosen shows from Spotify, newest first, one batch per page, holding
 * one page in memory. No checkpoints: every run re-reads the shows and the ledger's
 * fingerprints skip what did not change (so an edited episode is noticed). Thread-safe.
 */
public final class ShowEpisodesSource implements Source<ShowEpisode> {

  /** Episodes per batch. */
  public static final int BATCH_SIZE = 50;

  private final SpotifyClient spotify;
  private final List<String> showIds;
  private final Market market;
  private final LocalDate releasedSince;
  private final Integer maxPerShow;

  /**
   * @param market the market for reads, or {@code null}
   * @param releasedSince stop at episodes released before this date, or {@code null}
   * @param maxPerShow at most this many newest episodes per show, or {@code null}
   */
  public ShowEpisodesSource(SpotifyClient spotify, List<String> showIds, Market market, LocalDate releasedSince,
      Integer maxPerShow) {
    this.spotify = spotify;
    this.showIds = List.copyOf(showIds);
    this.market = market;
    this.releasedSince = releasedSince;
    this.maxPerShow = maxPerShow;
  }

  @Override
  public Iterable<Batch<ShowEpisode>> read(RunContext run) {
    return readAll();
  }

  /** Every episode of the shows, newest first per show, one batch per page; needs no run. */
  Iterable<Batch<ShowEpisode>> readAll() {
    return () -> new Iterator<>() {
      private int show = -1;
      private String showId;
      private String showName;
      private Iterator<SimplifiedEpisode> episodes;
      private boolean done;

      @Override
      public boolean hasNext() {
        while (true) {
          if (episodes != null && episodes.hasNext()) {
            return true;
          }
          if (++show >= showIds.size()) {
            return false;
          }
          Show s = spotify.shows().get(showIds.get(show), market);
          showId = s.id();
          showName = s.name();
          Paginator<SimplifiedEpisode> pages = spotify.shows().episodes(showId, market);
          episodes = (maxPerShow == null ? pages : pages.limit(maxPerShow)).iterator();
          done = false;
        }
      }

      @Override
      public Batch<ShowEpisode> next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        List<ShowEpisode> batch = new ArrayList<>(BATCH_SIZE);
        while (batch.size() < BATCH_SIZE && !done && episodes.hasNext()) {
          SimplifiedEpisode e = episodes.next();
          if (releasedSince != null && e.releaseDate().firstDay().isBefore(floorFor(e))) {
            done = true; // newest first: everything after this is older still
            episodes = null;
            break;
          }
          batch.add(new ShowEpisode(showId, showName, e));
        }
        if (batch.isEmpty()) {
          return hasNext() ? next() : Batch.of(List.of());
        }
        return Batch.of(batch);
      }

      /** A year- or month-precision date counts as released at the end of its period. */
      private LocalDate floorFor(SimplifiedEpisode e) {
        switch (e.releaseDate().precision()) {
          case YEAR:
            return releasedSince.withDayOfYear(1);
          case MONTH:
            return releasedSince.withDayOfMonth(1);
          default:
            return releasedSince;
        }
      }
    };
  }

  /** Finds one episode again by its source key, for dead-letter replay. */
  public Optional<ShowEpisode> lookup(String sourceKey) {
    String prefix = "spotify:episode:";
    if (!sourceKey.startsWith(prefix)) {
      return Optional.empty();
    }
    Episode e = spotify.episodes().get(sourceKey.substring(prefix.length()), market);
    SimplifiedEpisode simple = SimplifiedEpisode.builder().from((io.gridcast.spotify.model.EpisodeBase) e).build();
    return Optional.of(new ShowEpisode(e.show().id(), e.show().name(), simple));
  }
}
