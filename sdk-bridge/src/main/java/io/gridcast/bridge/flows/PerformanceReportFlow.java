package io.gridcast.bridge.flows;

import java.util.Optional;
import java.util.List;
import java.util.Iterator;
import java.util.ArrayList;
import io.gridcast.tradinggrid.model.IssueCreate;
import io.gridcast.bridge.Batch;
import io.gridcast.bridge.Flow;
import io.gridcast.bridge.Snapshot;
import io.gridcast.bridge.policy.PartnerDirectory;
import io.gridcast.spotify.SpotifyClient;
import io.gridcast.tradinggrid.TradingGridClient;

/**
 * Flow 8: podcast performance for a period, summarised in Trading Grid as a report post with a
 * Markdown table, a PNG chart and the data as a CSV attachment.
 *
 * <pre>{@code
 * PerformanceReportConfig config = PerformanceReportConfig.builder()
 *     .addShowIds("5THq5Er5bWp62qwOg6niTM")
 *     .periodStart(LocalDate.of(2026, 3, 1)).periodEnd(LocalDate.of(2026, 3, 28))
 *     .analytics(CsvAnalyticsSource.fromPath(Path.of("episodes-2026-03.csv")))
 *     .build();
 * RunReport report = bridge.run(PerformanceReportFlow.create(spotify, tradingGrid, config));
 *
 * // or every week, kept running: each Tuesday last week's report, and any week missed meanwhile
 * PerformanceReportConfig weekly = PerformanceReportConfig.builder()
 *     .addShowIds("5THq5Er5bWp62qwOg6niTM")
 *     .calendar(ReportCalendar.weekly(DayOfWeek.MONDAY)).zone(ZoneId.of("Europe/Berlin"))
 *     .analytics(CsvAnalyticsSource.fromPath(Path.of("episodes.csv")))
 *     .build();
 * Worker worker = Worker.builder(bridge)
 *     .every(Duration.ofHours(6), PerformanceReportFlow.create(spotify, tradingGrid, weekly)).build();
 * worker.start();
 * }</pre>
 *
 * <p>With a {@linkplain PerformanceReportConfig#calendar() calendar} each run reports every
 * period that has ended since the last one reported (the flow's checkpoint), oldest first, so a
 * worker that was stopped for three weeks catches up on three reports, each once.
 *
 * <p>One post per scope and period (its {@code externalRef} is {@link PerformanceData#key()}):
 * a re-run with the same data changes nothing, a re-run with corrected data updates the post and
 * attaches the new chart and CSV (the earlier documents stay, as documents never change). A run
 * fails with the analytics source's {@link io.gridcast.spotify.analytics.AnalyticsFormatException}
 * when the export is malformed, before anything is written.
 *
 * <p>The chart is rendered off-screen with AWT; unless the host application set
 * {@code java.awt.headless} itself, the first report sets it to {@code true} for the JVM.
 *
 * <p>The chart needs JFreeChart ({@code org.jfree:jfreechart}), an optional dependency of
 * sdk-bridge that the application adds; without it {@link #create} fails at once with an
 * {@link IllegalStateException} that names the artifact.
 */
public final class PerformanceReportFlow {

  private PerformanceReportFlow() {}

  /**
   * The flow for {@code config}; run it with {@code Bridge.run} or plan it with {@code Bridge.plan}.
   *
   * @throws IllegalStateException if JFreeChart ({@code org.jfree:jfreechart}) is not on the class path
   */
  public static Flow<?, ?> create(SpotifyClient spotify, TradingGridClient tradingGrid, PerformanceReportConfig config) {
    PerformanceChart.requireLibrary(); // before anything is read, not once per item
    if (config.followUps().isEmpty()) {
      return report(spotify, tradingGrid, config, config.flowName());
    }
    return Flow.inStages(config.flowName(), List.of(report(spotify, tradingGrid, config, config.flowName() + ".report"),
        followUps(spotify, tradingGrid, config)));
  }

  /** The report post of each period. */
  private static Flow<PerformanceData, PostWithDocuments> report(SpotifyClient spotify, TradingGridClient tradingGrid,
      PerformanceReportConfig config, String name) {
    PerformanceDataSource source = new PerformanceDataSource(spotify, tradingGrid, config);
    Snapshot<PartnerDirectory> partners = PartnerDirectory.snapshot(tradingGrid);
    return Flow.<PerformanceData, PostWithDocuments>builder(name)
        .source(run -> {
          run.snapshot(partners); // one snapshot per run, read before anything else
          return source.read(run);
        })
        .key(PerformanceData::key)
        .mapper(config.mapper().orElseGet(() -> new PerformanceReportMapper(config.audience(), partners, config.tags(),
            config.templates(), config.followUps())))
        .fingerprint(PostWithDocuments::fingerprint)
        .sink(new DocumentPostSink(tradingGrid, name))
        .lookup(source::lookup)
        .caps(config.caps())
        .build();
  }

  /** One issue per follow-up action the rules find in each period, opened once and then left to its owner. */
  private static Flow<FollowUp, IssueCreate> followUps(SpotifyClient spotify, TradingGridClient tradingGrid,
      PerformanceReportConfig config) {
    PerformanceDataSource source = new PerformanceDataSource(spotify, tradingGrid, config);
    return Flow.<FollowUp, IssueCreate>builder(config.flowName() + ".follow-ups")
        .source(run -> () -> new Iterator<Batch<FollowUp>>() {
          private final Iterator<Batch<PerformanceData>> periods = source.read(run).iterator();

          @Override
          public boolean hasNext() {
            return periods.hasNext();
          }

          @Override
          public Batch<FollowUp> next() {
            Batch<PerformanceData> b = periods.next();
            List<FollowUp> actions = new ArrayList<>();
            b.items().forEach(data -> actions.addAll(actionsOf(config, data)));
            return Batch.of(actions, b.checkpointAfter().orElse(null), null);
          }
        })
        .key(FollowUp::key)
        .mapper(new FollowUpIssueMapper(config.templates()))
        .sink(new FeedbackIssueSink(tradingGrid))
        .lookup(key -> {
          int cut = key.indexOf("#follow-up:");
          return cut < 0 ? Optional.empty() : source.lookup(key.substring(0, cut))
              .flatMap(data -> actionsOf(config, data).stream().filter(f -> f.key().equals(key)).findFirst());
        })
        .caps(config.caps())
        .build();
  }

  private static List<FollowUp> actionsOf(PerformanceReportConfig config, PerformanceData data) {
    List<FollowUp> actions = new ArrayList<>();
    config.followUps().forEach(rule -> actions.addAll(rule.evaluate(data)));
    return actions;
  }
}
