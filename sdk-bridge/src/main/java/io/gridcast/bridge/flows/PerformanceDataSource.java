package io.gridcast.bridge.flows;

import io.gridcast.bridge.RunContext;
import io.gridcast.bridge.Batch;
import io.gridcast.bridge.Source;
import io.gridcast.core.LogSafe;
import io.gridcast.spotify.Market;
import io.gridcast.spotify.SpotifyClient;
import io.gridcast.spotify.SpotifyUri;
import io.gridcast.spotify.analytics.EpisodeDailyStats;
import io.gridcast.spotify.model.Episode;
import io.gridcast.spotify.model.Show;
import io.gridcast.spotify.model.SimplifiedEpisode;
import io.gridcast.tradinggrid.TradingGridClient;
import io.gridcast.tradinggrid.model.Campaign;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one {@link PerformanceData} per period: the scope's episodes from the Spotify Web API
 * (names, shows, release dates) joined with the analytics rows of the period. Rows are matched
 * to episodes by Spotify id, or by exact episode name when the export has no id; rows of other
 * episodes or outside the period are left out.
 *
 * <p>A fixed period is read on every run, without checkpoints: the ledger's fingerprint decides
 * whether the report changed. With a calendar, a run reads every period that has ended since the
 * one the checkpoint names (the last reported period's last day), oldest first, a batch each, the
 * checkpoint moving past each once its report is committed, and again the periods whose report
 * failed ({@link RunContext#retrying()}); a first run reads the last ended period, or every one
 * from {@code reportFrom}. Thread-safe.
 */
final class PerformanceDataSource implements Source<PerformanceData> {

  private static final Logger LOG = LoggerFactory.getLogger(PerformanceDataSource.class);

  private final SpotifyClient spotify;
  private final TradingGridClient tradingGrid;
  private final PerformanceReportConfig config;

  public PerformanceDataSource(SpotifyClient spotify, TradingGridClient tradingGrid, PerformanceReportConfig config) {
    this.spotify = spotify;
    this.tradingGrid = tradingGrid;
    this.config = config;
  }

  @Override
  public Iterable<Batch<PerformanceData>> read(RunContext run) {
    if (config.calendar().isEmpty()) {
      return () -> List.of(Batch.of(List.of(load()), null, 1L)).iterator();
    }
    TreeSet<ReportPeriod> periods = new TreeSet<>(Comparator.comparing(ReportPeriod::start));
    periods.addAll(due(run));
    for (String key : run.retrying()) { // a period whose report failed is tried again
      int at = key.lastIndexOf(':');
      if (at > 0) {
        ReportPeriod.parse(key.substring(at + 1)).ifPresent(periods::add);
      }
    }
    Optional<LocalDate> reportedThrough = reportedThrough(run);
    List<ReportPeriod> all = List.copyOf(periods);
    return () -> all.stream()
        .map(p -> {
          // a period tried again never moves the checkpoint back
          LocalDate through = reportedThrough.filter(r -> r.isAfter(p.end())).orElse(p.end());
          return Batch.of(List.of(load(p)), through.toString(), (long) all.size());
        })
        .iterator(); // lazily: each period's export is read when its batch is
  }

  /** The calendar's periods that have ended and are not yet reported, oldest first. */
  List<ReportPeriod> due(RunContext run) {
    ReportCalendar calendar = config.calendar().orElseThrow();
    LocalDate today = LocalDate.ofInstant(run.startedAt(), config.zone());
    LocalDate cutoff = today.minusDays(config.reportDelayDays()); // periods ending before it are reported
    Optional<LocalDate> reportedThrough = reportedThrough(run);
    LocalDate from;
    if (reportedThrough.isPresent()) {
      from = reportedThrough.get().plusDays(1);
    } else if (config.reportFrom().isPresent()) {
      from = config.reportFrom().get();
    } else {
      return calendar.lastEndingBefore(cutoff).map(List::of).orElse(List.of());
    }
    List<ReportPeriod> due = new ArrayList<>();
    for (Optional<ReportPeriod> p = calendar.firstStartingOnOrAfter(from); p.isPresent() && p.get().end().isBefore(cutoff);
        p = calendar.firstStartingOnOrAfter(p.get().end().plusDays(1))) {
      due.add(p.get());
    }
    return due;
  }

  /** The last day of the last period reported, from the checkpoint. */
  private static Optional<LocalDate> reportedThrough(RunContext run) {
    return run.checkpoint().map(c -> {
      try {
        return LocalDate.parse(c);
      } catch (DateTimeParseException e) {
        throw new IllegalStateException("the checkpoint of flow " + run.flow() + " is " + LogSafe.quoted(c)
            + ", not the last day of a reported period; delete it to start again from reportFrom", e);
      }
    });
  }

  /**
   * Reads the data of the one fixed period now.
   *
   * @throws IllegalStateException if the flow reports a calendar of periods
   * @throws io.gridcast.spotify.analytics.AnalyticsFormatException for a malformed analytics export
   * @throws IllegalArgumentException when the export has the same episode twice on one day
   * @throws UncheckedIOException when the export cannot be read
   */
  public PerformanceData load() {
    if (config.periodStart().isEmpty() || config.periodEnd().isEmpty()) {
      throw new IllegalStateException("this report covers a calendar of periods: name the period");
    }
    return load(new ReportPeriod(config.periodStart().get(), config.periodEnd().get()));
  }

  /** The data of the period a report's source key names, for a replay. */
  Optional<PerformanceData> lookup(String key) {
    int at = key.lastIndexOf(':');
    Optional<ReportPeriod> period = at < 0 ? Optional.empty() : ReportPeriod.parse(key.substring(at + 1));
    if (period.isEmpty() || (config.calendar().isEmpty() && !period.get().equals(
        new ReportPeriod(config.periodStart().orElseThrow(), config.periodEnd().orElseThrow())))) {
      return Optional.empty();
    }
    PerformanceData data = load(period.get());
    return data.key().equals(key) ? Optional.of(data) : Optional.empty();
  }

  /**
   * Reads one period's data now.
   *
   * @throws io.gridcast.spotify.analytics.AnalyticsFormatException for a malformed analytics export
   * @throws IllegalArgumentException when the export has the same episode twice on one day
   * @throws UncheckedIOException when the export cannot be read
   */
  public PerformanceData load(ReportPeriod period) {
    AbstractPerformanceReportConfig.period(period.start(), period.end()); // at most a year, as a fixed one
    Market market = config.market().orElse(null);
    Map<String, Meta> episodes = new LinkedHashMap<>();
    Set<String> showNames = new LinkedHashSet<>();
    String scope;
    Optional<String> sponsor = Optional.empty();
    if (config.campaignId().isPresent()) {
      Campaign campaign = tradingGrid.campaigns().get(config.campaignId().get());
      scope = "campaign:" + campaign.id();
      sponsor = SponsorDisclosure.sponsor(campaign); // a sponsorship without a sponsor fails here, before anything is written
      showNames.add(campaign.name());
      for (String ref : campaign.spotifyRefs()) {
        SpotifyUri uri = SpotifyUri.parse(ref);
        if (uri.type() == SpotifyUri.Type.SHOW) {
          addShow(uri.id(), market, episodes, new LinkedHashSet<>(), period);
        } else if (uri.type() == SpotifyUri.Type.EPISODE) {
          Episode e = spotify.episodes().get(uri.id(), market);
          episodes.put(e.id(), new Meta(e.id(), e.name(), e.show().name(), e.releaseDate().toString()));
        }
      }
    } else {
      Set<String> ids = new TreeSet<>();
      for (String show : config.showIds()) {
        ids.add(addShow(show, market, episodes, showNames, period));
      }
      scope = "shows:" + String.join("+", ids);
    }
    Map<String, String> idsByName = new HashMap<>();
    for (Meta m : episodes.values()) {
      idsByName.putIfAbsent(m.name, m.id);
    }
    Map<String, List<EpisodeDailyStats>> rows = new LinkedHashMap<>();
    Map<String, EpisodeDailyStats> seen = new HashMap<>();
    // the period of the same length just before, for the comparison
    ReportPeriod before = new ReportPeriod(period.start().minusDays(period.days()), period.start().minusDays(1));
    long[] previous = new long[2];
    boolean previousRows = false;
    int outside = 0;
    try (Stream<EpisodeDailyStats> stream = config.analytics().episodeDailyStats()) {
      for (EpisodeDailyStats row : (Iterable<EpisodeDailyStats>) stream::iterator) {
        boolean inPeriod = period.contains(row.date());
        if (!inPeriod && !before.contains(row.date())) {
          continue;
        }
        String id = row.episodeId().filter(episodes::containsKey)
            .or(() -> row.episodeId().isEmpty() ? row.episodeName().map(idsByName::get) : Optional.empty())
            .orElse(null);
        if (id == null) {
          outside += inPeriod ? 1 : 0;
          continue;
        }
        if (!inPeriod) {
          previous[0] += row.starts();
          previous[1] += row.streams();
          previousRows = true;
          continue;
        }
        EpisodeDailyStats earlier = seen.put(id + "@" + row.date(), row);
        if (earlier != null) {
          throw new IllegalArgumentException("the analytics export has episode " + id + " twice on " + row.date()
              + " (lines " + earlier.lineNumber() + " and " + row.lineNumber() + "); export each episode once per day");
        }
        rows.computeIfAbsent(id, k -> new ArrayList<>()).add(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading the analytics export failed", e);
    }
    if (outside > 0) {
      LOG.debug("{} analytics rows of the period belong to episodes outside {}", outside, scope);
    }
    List<EpisodePerformance> performances = new ArrayList<>();
    rows.forEach((id, days) -> {
      Meta m = episodes.get(id);
      performances.add(new EpisodePerformance(id, m.name, m.showName, m.releaseDate, days));
    });
    Optional<PerformanceData.Previous> compared = previousRows
        ? Optional.of(new PerformanceData.Previous(before.start(), before.end(), previous[0], previous[1]))
        : Optional.empty();
    return new PerformanceData(scope, String.join(", ", showNames), period.start(), period.end(), performances, compared, sponsor);
  }

  private String addShow(String showIdOrUri, Market market, Map<String, Meta> episodes, Set<String> showNames,
      ReportPeriod period) {
    Show show = spotify.shows().get(showIdOrUri, market);
    showNames.add(show.name());
    for (SimplifiedEpisode e : spotify.shows().episodes(show.id(), market)) {
      if (!e.releaseDate().firstDay().isAfter(period.end())) {
        episodes.put(e.id(), new Meta(e.id(), e.name(), show.name(), e.releaseDate().toString()));
      }
    }
    return show.id();
  }

  private record Meta(String id, String name, String showName, String releaseDate) {}
}
