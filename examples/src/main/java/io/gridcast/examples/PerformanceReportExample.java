package io.gridcast.examples;

import io.gridcast.bridge.Flow;
import io.gridcast.bridge.flows.FollowUpRule;
import io.gridcast.bridge.flows.PerformanceReportConfig;
import io.gridcast.bridge.flows.PerformanceReportFlow;
import io.gridcast.spotify.analytics.CsvAnalyticsSource;
import io.gridcast.testkit.SpotifyDemoData;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;

/**
 * Flow 8 as a script: four weeks of Trading Grid Weekly's performance (from the bundled
 * creator-tools export) as a report post with a table, a chart and the CSV. With real
 * credentials: the export in {@code GRIDCAST_ANALYTICS_CSV}, the shows in
 * {@code GRIDCAST_SHOW_IDS} and the period in {@code GRIDCAST_PERIOD_START}/{@code GRIDCAST_PERIOD_END}.
 */
final class PerformanceReportExample implements Example {

  private static final String EXPORT = "analytics/trading-grid-weekly-2025-04.csv";

  @Override
  public String name() {
    return "performance-report";
  }

  @Override
  public String summary() {
    return "share a period's podcast performance as a report post with table, chart and CSV (flow 8)";
  }

  @Override
  public Flow<?, ?> flow(Environment env) {
    PerformanceReportConfig.Builder config = PerformanceReportConfig.builder()
        // follow-up actions: listed in the report and opened as issues for their owners
        .addFollowUps(FollowUpRule.completionBelow(0.53).owner("content-team"),
            FollowUpRule.dropFromPrevious(FollowUpRule.Measure.STREAMS, 0.2).owner("partner-marketing"));
    if (env.embedded()) {
      config.addShowIds(SpotifyDemoData.SHOW_TRADING_GRID_WEEKLY)
          .periodStart(LocalDate.of(2025, 4, 1))
          .periodEnd(LocalDate.of(2025, 4, 28))
          .analytics(CsvAnalyticsSource.fromPath(bundledExport(env.dir())));
    } else {
      config.addShowIds(Launcher.requiredEnv("GRIDCAST_SHOW_IDS").split(","))
          .periodStart(LocalDate.parse(Launcher.requiredEnv("GRIDCAST_PERIOD_START")))
          .periodEnd(LocalDate.parse(Launcher.requiredEnv("GRIDCAST_PERIOD_END")))
          .analytics(CsvAnalyticsSource.fromPath(Path.of(Launcher.requiredEnv("GRIDCAST_ANALYTICS_CSV"))));
    }
    return PerformanceReportFlow.create(env.spotify(), env.tradingGrid(), config.templates(env.templates()).build());
  }

  /** The bundled export, copied into the example's folder (the same bytes on every run). */
  private static Path bundledExport(Path dir) {
    Path target = dir.resolve(EXPORT);
    try (InputStream in = PerformanceReportExample.class.getClassLoader().getResourceAsStream(EXPORT)) {
      if (in == null) {
        throw new IllegalStateException(EXPORT + " is missing from the examples' resources");
      }
      Files.createDirectories(target.getParent());
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy " + EXPORT + " to " + target, e);
    }
  }
}
