package io.gridcast.bridge.flows;

import io.gridcast.bridge.Snapshot;
import io.gridcast.bridge.RunContext;
import io.gridcast.bridge.Fingerprints;
import io.gridcast.bridge.Mapper;
import io.gridcast.bridge.policy.PartnerDirectory;
import io.gridcast.bridge.policy.RoutingPolicy;
import io.gridcast.bridge.text.PostMarkdown;
import io.gridcast.bridge.text.SafeCsv;
import io.gridcast.spotify.analytics.EpisodeDailyStats;
import io.gridcast.tradinggrid.model.PostCreate;
import io.gridcast.tradinggrid.model.PostKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The default mapping of a period's {@link PerformanceData} to a report post
 * ({@link PostKind#REPORT}): a Markdown table per episode (starts, streams, peak daily
 * listeners, days with data) with totals, a PNG chart of daily plays and the rows as a CSV
 * attachment. Both documents are referenced as {@code <post externalRef>:data:<hash>} and
 * {@code <post externalRef>:chart:<hash>}, where the hash is the SHA-256 of the CSV (the data),
 * so the same data always maps to the same documents. Pure for a given partner snapshot;
 * thread-safe.
 */
final class PerformanceReportMapper implements Mapper<PerformanceData, PostWithDocuments> {

  private static final String[] HEADER = {"date", "episode_id", "episode", "show", "release_date", "starts", "streams", "listeners"};

  private final RoutingPolicy<PerformanceData> audience;
  private final Snapshot<PartnerDirectory> partners;
  private final List<String> tags;

  /** @param partners the partner snapshot of the current run */
  public PerformanceReportMapper(RoutingPolicy<PerformanceData> audience, Snapshot<PartnerDirectory> partners, List<String> tags) {
    this.audience = audience;
    this.partners = partners;
    this.tags = List.copyOf(tags);
  }

  @Override
  public PostWithDocuments map(PerformanceData data, RunContext run) {
    byte[] csv = csv(data);
    String hash = Fingerprints.sha256Hex(csv).substring(0, 16);
    String period = data.start() + "_" + data.end();
    PostDocument csvDoc = PostDocument.of(data.key() + ":data:" + hash, "performance-" + period + ".csv", "text/csv", csv);
    PostDocument chart = PostDocument.of(data.key() + ":chart:" + hash, "performance-" + period + ".png", "image/png",
        PerformanceChart.png(data));

    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put("scope", data.scope());
    metadata.put("periodStart", data.start().toString());
    metadata.put("periodEnd", data.end().toString());
    metadata.put("episodes", Integer.toString(data.episodes().size()));
    metadata.put("dataSha256", Fingerprints.sha256Hex(csv));
    PostCreate post = PostCreate.builder()
        .kind(PostKind.REPORT)
        .title(PostMarkdown.plain("Podcast performance " + data.start() + " to " + data.end() + ": " + data.scopeName(),
            EpisodeAnnouncementMapper.MAX_TITLE_CHARS, "Podcast performance " + data.start() + " to " + data.end()))
        .body(body(data, chart.fileName(), csvDoc.fileName()))
        .metadata(metadata)
        .audience(audience.audienceFor(data, run.snapshot(partners)))
        .tags(tags)
        .externalRef(data.key())
        .build();
    return new PostWithDocuments(post, List.of(csvDoc, chart));
  }

  static String body(PerformanceData data, String chartFile, String csvFile) {
    PostMarkdown b = PostMarkdown.withCapacity(512 + 128 * data.episodes().size());
    b.markup("Performance of ").strong(data.scopeName()).markup(" from ").markup(data.start().toString())
        .markup(" to ").markup(data.end().toString()).markup(".\n\n");
    if (data.episodes().isEmpty()) {
      b.markup("No analytics rows for this period.\n\n");
    } else {
      b.markup("| Episode | Show | Released | Starts | Streams | Peak daily listeners | Days |\n");
      b.markup("|---|---|---|---:|---:|---:|---:|\n");
      long starts = 0;
      long streams = 0;
      for (EpisodePerformance e : data.episodes()) {
        b.markup("| ").text(e.name()).markup(" | ").text(e.showName()).markup(" | ").text(e.releaseDate())
            .markup(" | ").markup(number(e.starts())).markup(" | ").markup(number(e.streams())).markup(" | ")
            .markup(number(e.peakDailyListeners())).markup(" | ").markup(Integer.toString(e.days().size())).markup(" |\n");
        starts += e.starts();
        streams += e.streams();
      }
      b.markup("| **Total** | | | **").markup(number(starts)).markup("** | **").markup(number(streams)).markup("** | | |\n\n");
      if (data.previous().isPresent()) {
        PerformanceData.Previous p = data.previous().get();
        b.markup("Compared with ").markup(p.start().toString()).markup(" to ").markup(p.end().toString())
            .markup(": starts ").markup(number(p.starts())).markup(" → ").markup(number(starts)).markup(change(p.starts(), starts))
            .markup(", streams ").markup(number(p.streams())).markup(" → ").markup(number(streams))
            .markup(change(p.streams(), streams)).markup(".\n\n");
      }
      java.util.OptionalLong gained = data.followersGained();
      if (gained.isPresent()) {
        b.markup("Followers gained over the period: ").markup(signed(gained.getAsLong())).markup(".\n\n");
      }
    }
    b.markup("Attached: the daily chart (").code(chartFile).markup(") and the data (").code(csvFile).markup(").");
    return b.build();
  }

  /**
   * The rows as spreadsheet-safe CSV ({@link SafeCsv}: header first; episodes in report order,
   * days oldest first; text cells that a spreadsheet would evaluate are neutralised).
   */
  static byte[] csv(PerformanceData data) {
    SafeCsv csv = SafeCsv.withHeader(HEADER);
    for (EpisodePerformance e : data.episodes()) {
      for (EpisodeDailyStats s : e.days()) {
        csv.row(s.date().toString(), e.episodeId(), e.name(), e.showName(), e.releaseDate(), s.starts(), s.streams(),
            s.listeners());
      }
    }
    return csv.toBytes();
  }

  private static String number(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  private static String signed(long n) {
    return (n > 0 ? "+" : "") + number(n);
  }

  /** {@code " (+12 %)"}; {@code ""} when there was nothing before to compare with. */
  private static String change(long before, long now) {
    if (before == 0) {
      return "";
    }
    long percent = Math.round((now - before) * 100.0 / before);
    return " (" + (percent > 0 ? "+" : "") + percent + " %)";
  }
}
