package io.gridcast.bridge.flows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import io.gridcast.bridge.Fingerprints;
import io.gridcast.bridge.Mapper;
import io.gridcast.bridge.policy.PartnerDirectory;
import io.gridcast.bridge.policy.RoutingPolicy;
import io.gridcast.spotify.analytics.EpisodeDailyStats;
import io.gridcast.tradinggrid.model.PostCreate;
import io.gridcast.tradinggrid.model.PostKind;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The default mapping of a period's {@link PerformanceData} to a report post
 * ({@link PostKind#REPORT}): a Markdown table per episode (starts, streams, peak daily
 * listeners, days with data) with totals, a PNG chart of daily plays and the rows as a CSV
 * attachment. Both documents are referenced as {@code <post externalRef>:data:<hash>} and
 * {@code <post externalRef>:chart:<hash>}, where the hash is the SHA-256 of the CSV (the data),
 * so the same data always maps to the same documents. Pure for a given partner snapshot;
 * thread-safe.
 */
public final class PerformanceReportMapper implements Mapper<PerformanceData, PostWithDocuments> {

  private static final CsvMapper CSV = new CsvMapper();
  private static final String[] HEADER = {"date", "episode_id", "episode", "show", "release_date", "starts", "streams", "listeners"};

  private final RoutingPolicy<PerformanceData> audience;
  private final Supplier<PartnerDirectory> partners;
  private final List<String> tags;

  /** @param partners the partner snapshot of the current run */
  public PerformanceReportMapper(RoutingPolicy<PerformanceData> audience, Supplier<PartnerDirectory> partners, List<String> tags) {
    this.audience = audience;
    this.partners = partners;
    this.tags = List.copyOf(tags);
  }

  @Override
  public PostWithDocuments map(PerformanceData data) {
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
        .title("Podcast performance " + data.start() + " to " + data.end() + ": " + data.scopeName())
        .body(body(data, chart.fileName(), csvDoc.fileName()))
        .metadata(metadata)
        .audience(audience.audienceFor(data, partners.get()))
        .tags(tags)
        .externalRef(data.key())
        .build();
    return new PostWithDocuments(post, List.of(csvDoc, chart));
  }

  static String body(PerformanceData data, String chartFile, String csvFile) {
    StringBuilder b = new StringBuilder(512 + 128 * data.episodes().size());
    b.append("Performance of **").append(escape(data.scopeName())).append("** from ").append(data.start())
        .append(" to ").append(data.end()).append(".\n\n");
    if (data.episodes().isEmpty()) {
      b.append("No analytics rows for this period.\n\n");
    } else {
      b.append("| Episode | Show | Released | Starts | Streams | Peak daily listeners | Days |\n");
      b.append("|---|---|---|---:|---:|---:|---:|\n");
      long starts = 0;
      long streams = 0;
      for (EpisodePerformance e : data.episodes()) {
        b.append("| ").append(cell(e.name())).append(" | ").append(cell(e.showName())).append(" | ").append(e.releaseDate())
            .append(" | ").append(number(e.starts())).append(" | ").append(number(e.streams())).append(" | ")
            .append(number(e.peakDailyListeners())).append(" | ").append(e.days().size()).append(" |\n");
        starts += e.starts();
        streams += e.streams();
      }
      b.append("| **Total** | | | **").append(number(starts)).append("** | **").append(number(streams)).append("** | | |\n\n");
    }
    b.append("Attached: the daily chart (`").append(chartFile).append("`) and the data (`").append(csvFile).append("`).");
    return b.toString();
  }

  /** The rows as CSV (header first; episodes in report order, days oldest first). */
  static byte[] csv(PerformanceData data) {
    List<String[]> rows = new ArrayList<>();
    rows.add(HEADER);
    for (EpisodePerformance e : data.episodes()) {
      for (EpisodeDailyStats s : e.days()) {
        rows.add(new String[] {s.date().toString(), e.episodeId(), e.name(), e.showName(), e.releaseDate(),
            Long.toString(s.starts()), Long.toString(s.streams()), Long.toString(s.listeners())});
      }
    }
    try {
      return CSV.writeValueAsString(rows).getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("encoding the report data as CSV failed", e);
    }
  }

  private static String number(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  private static String cell(String text) {
    return escape(text).replace("|", "\\|").replace("\n", " ");
  }

  private static String escape(String text) {
    return text.replace("*", "\\*").replace("_", "\\_");
  }
}
