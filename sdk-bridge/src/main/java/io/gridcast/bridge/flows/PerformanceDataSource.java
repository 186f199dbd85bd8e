package io.gridcast.bridge.flows;

import io.gridcast.bridge.RunContext;
import io.gridcast.bridge.Batch;
import io.gridcast.bridge.Source;
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
import java.util.ArrayList;
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
 * Reads one {@link PerformanceData} per run: the scope's episodes from the Spotify Web API
 * (names, shows, release dates) joined with the analytics rows of the period. Rows are matched
 * to episodes by Spotify id, or by exact episode name when the export has no id; rows of other
 * episodes or outside the period are left out. No checkpoints: the ledger's fingerprint decides
 * whether the report changed. Thread-safe.
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
    return () -> List.of(Batch.of(List.of(load()), null, 1L)).iterator();
  }

  /**
   * Reads the report's data now.
   *
   * @throws io.gridcast.spotify.analytics.AnalyticsFormatException for a malformed analytics export
   * @throws IllegalArgumentException when the export has the same episode twice on one day
   * @throws UncheckedIOException when the export cannot be read
   */
  public PerformanceData load() {
    Market market = config.market().orElse(null);
    Map<String, Meta> episodes = new LinkedHashMap<>();
    Set<String> showNames = new LinkedHashSet<>();
    String scope;
    if (config.campaignId().isPresent()) {
      Campaign campaign = tradingGrid.campaigns().get(config.campaignId().get());
      scope = "campaign:" + campaign.id();
      showNames.add(campaign.name());
      for (String ref : campaign.spotifyRefs()) {
        SpotifyUri uri = SpotifyUri.parse(ref);
        if (uri.type() == SpotifyUri.Type.SHOW) {
          addShow(uri.id(), market, episodes, new LinkedHashSet<>());
        } else if (uri.type() == SpotifyUri.Type.EPISODE) {
          Episode e = spotify.episodes().get(uri.id(), market);
          episodes.put(e.id(), new Meta(e.id(), e.name(), e.show().name(), e.releaseDate().toString()));
        }
      }
    } else {
      Set<String> ids = new TreeSet<>();
      for (String show : config.showIds()) {
        ids.add(addShow(show, market, episodes, showNames));
      }
      scope = "shows:" + String.join("+", ids);
    }
    Map<String, String> idsByName = new HashMap<>();
    for (Meta m : episodes.values()) {
      idsByName.putIfAbsent(m.name, m.id);
    }
    Map<String, List<EpisodeDailyStats>> rows = new LinkedHashMap<>();
    Map<String, EpisodeDailyStats> seen = new HashMap<>();
    int outside = 0;
    try (Stream<EpisodeDailyStats> stream = config.analytics().episodeDailyStats()) {
      for (EpisodeDailyStats row : (Iterable<EpisodeDailyStats>) stream::iterator) {
        if (row.date().isBefore(config.periodStart()) || row.date().isAfter(config.periodEnd())) {
          continue;
        }
        String id = row.episodeId().filter(episodes::containsKey)
            .or(() -> row.episodeId().isEmpty() ? row.episodeName().map(idsByName::get) : Optional.empty())
            .orElse(null);
        if (id == null) {
          outside++;
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
    return new PerformanceData(scope, String.join(", ", showNames), config.periodStart(), config.periodEnd(), performances);
  }

  private String addShow(String showIdOrUri, Market market, Map<String, Meta> episodes, Set<String> showNames) {
    Show show = spotify.shows().get(showIdOrUri, market);
    showNames.add(show.name());
    for (SimplifiedEpisode e : spotify.shows().episodes(show.id(), market)) {
      if (!e.releaseDate().firstDay().isAfter(config.periodEnd())) {
        episodes.put(e.id(), new Meta(e.id(), e.name(), show.name(), e.releaseDate().toString()));
      }
    }
    return show.id();
  }

  private record Meta(String id, String name, String showName, String releaseDate) {}
}
