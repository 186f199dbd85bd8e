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
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads the episodes of chosen shows from Spotify, newest first, one batch per page, holding
 * one page in memory; the ledger's fingerprints skip what did not change (so an edited episode is
 * noticed).
 *
 * <p>Reads only what is new between whole reads: a run reads each show's pages until one whose
 * episodes the ledger all holds (that page included, so an edit to a recent episode is still
 * noticed), so a run after a quiet period costs two requests per show. Every {@code fullReadEvery}
 * (default in {@link EpisodeAnnouncementsConfig} one day) a run reads every episode again, which
 * notices edits to older ones and episodes that appeared below the newest; the checkpoint keeps
 * when that last happened ({@code full-read:<instant>}). {@link Duration#ZERO} reads everything
 * every time. A page holding an episode the ledger lacks (new, or dead-lettered and tried again)
 * does not stop the reading, so an episode whose announcement failed is tried again by the next
 * run; a parked one counts as known. A run that was cut short (a failure, a cap, {@code close()})
 * leaves its checkpoint marked, and the next run reads everything. Thread-safe.
 */
public final class ShowEpisodesSource implements Source<ShowEpisode> {

  /** Episodes per batch. */
  public static final int BATCH_SIZE = 50;

  private final SpotifyClient spotify;
  private final List<String> showIds;
  private final Market market;
  private final LocalDate releasedSince;
  private final Integer maxPerShow;
  private final Duration fullReadEvery;

  /**
   * A source that reads every episode on every run.
   *
   * @param market the market for reads, or {@code null}
   * @param releasedSince stop at episodes released before this date, or {@code null}
   * @param maxPerShow at most this many newest episodes per show, or {@code null}
   */
  public ShowEpisodesSource(SpotifyClient spotify, List<String> showIds, Market market, LocalDate releasedSince,
      Integer maxPerShow) {
    this(spotify, showIds, market, releasedSince, maxPerShow, Duration.ZERO);
  }

  /**
   * A source that reads only what is new between whole reads, which it makes every {@code
   * fullReadEvery}.
   *
   * @param market the market for reads, or {@code null}
   * @param releasedSince stop at episodes released before this date, or {@code null}
   * @param maxPerShow at most this many newest episodes per show, or {@code null}
   * @param fullReadEvery how long after a whole read the next run reads everything again;
   *     {@link Duration#ZERO} for every run
   * @throws IllegalArgumentException if {@code fullReadEvery} is negative
   */
  public ShowEpisodesSource(SpotifyClient spotify, List<String> showIds, Market market, LocalDate releasedSince,
      Integer maxPerShow, Duration fullReadEvery) {
    this.spotify = Objects.requireNonNull(spotify, "spotify");
    this.showIds = List.copyOf(showIds);
    this.market = market;
    this.releasedSince = releasedSince;
    this.maxPerShow = maxPerShow;
    this.fullReadEvery = Objects.requireNonNull(fullReadEvery, "fullReadEvery");
    if (fullReadEvery.isNegative()) {
      throw new IllegalArgumentException("fullReadEvery must not be negative, was " + fullReadEvery);
    }
  }

  @Override
  public Iterable<Batch<ShowEpisode>> read(RunContext run) {
    Instant now = run.startedAt();
    Optional<Instant> lastWholeRead = run.checkpoint().flatMap(ShowEpisodesSource::wholeReadAt);
    boolean whole = fullReadEvery.isZero() || lastWholeRead.isEmpty() || !now.isBefore(lastWholeRead.get().plus(fullReadEvery));
    if (!whole) {
      // marked while it reads: a run cut short (a failure, a cap, a close) leaves the mark, and the
      // next run then reads everything rather than trust a newest page that hides unread ones
      String mark = WHOLE_READ + lastWholeRead.get();
      return ended(read(run, false), mark + CUT_SHORT, Batch.of(List.of(), mark, null));
    }
    return ended(read(run, true), null, Batch.endOfWholeRead(WHOLE_READ + now));
  }

  /** {@code batches} with {@code checkpoint} on each (unless null), then {@code end}. */
  private static Iterable<Batch<ShowEpisode>> ended(Iterable<Batch<ShowEpisode>> batches, String checkpoint,
      Batch<ShowEpisode> end) {
    return () -> new Iterator<>() {
      private final Iterator<Batch<ShowEpisode>> it = batches.iterator();
      private boolean ended;

      @Override
      public boolean hasNext() {
        return it.hasNext() || !ended;
      }

      @Override
      public Batch<ShowEpisode> next() {
        if (it.hasNext()) {
          Batch<ShowEpisode> b = it.next();
          return checkpoint == null ? b : Batch.of(b.items(), checkpoint, null);
        }
        if (ended) {
          throw new NoSuchElementException();
        }
        ended = true;
        return end;
      }
    };
  }

  private static final String WHOLE_READ = "full-read:";
  private static final String CUT_SHORT = " reading";

  /**
   * When the checkpoint says the source was last read whole; empty for anything else, and for a
   * checkpoint a run that was cut short left.
   */
  private static Optional<Instant> wholeReadAt(String checkpoint) {
    if (!checkpoint.startsWith(WHOLE_READ) || checkpoint.endsWith(CUT_SHORT)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(checkpoint.substring(WHOLE_READ.length())));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** Every episode of the shows, newest first per show, one batch per page; needs no run. */
  Iterable<Batch<ShowEpisode>> readAll() {
    return read(null, true);
  }

  /**
   * The shows' episodes, newest first per show, one batch per page: all of them, or each show's
   * until a page whose episodes {@code run}'s ledger all holds.
   */
  private Iterable<Batch<ShowEpisode>> read(RunContext run, boolean whole) {
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
        if (!whole && episodes != null && allKnown(run, batch)) {
          episodes = null; // every episode here is known: what is older was read before
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

  /** Whether the ledger holds every episode of {@code batch}, or a parked dead letter does. */
  private static boolean allKnown(RunContext run, List<ShowEpisode> batch) {
    List<String> keys = new ArrayList<>(batch.size());
    for (ShowEpisode e : batch) {
      if (!run.parked().contains(e.key())) {
        keys.add(e.key());
      }
    }
    return keys.isEmpty() || run.recorded(keys).size() == keys.size();
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
