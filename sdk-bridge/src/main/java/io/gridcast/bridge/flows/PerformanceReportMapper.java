package io.gridcast.bridge.flows;

import io.gridcast.bridge.Snapshot;
import io.gridcast.bridge.RunContext;
import io.gridcast.bridge.Fingerprints;
import io.gridcast.bridge.Mapper;
import io.gridcast.bridge.policy.PartnerDirectory;
import io.gridcast.bridge.policy.RoutingPolicy;
import io.gridcast.bridge.text.PostTemplates;
import io.gridcast.bridge.text.TemplateModel;
import io.gridcast.bridge.text.SafeCsv;
import io.gridcast.spotify.analytics.EpisodeDailyStats;
import io.gridcast.tradinggrid.model.PostCreate;
import io.gridcast.tradinggrid.model.PostKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;
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
public final class PerformanceReportMapper implements Mapper<PerformanceData, PostWithDocuments> {

  private static final String[] HEADER = {"date", "episode_id", "episode", "show", "release_date", "starts", "streams", "listeners",
      "completion_rate", "consumption_hours"};

  private final RoutingPolicy<PerformanceData> audience;
  private final Snapshot<PartnerDirectory> partners;
  private final List<String> tags;
  private final PostTemplates templates;
  private final List<FollowUpRule> followUps;

  /** @param partners the partner snapshot of the current run */
  public PerformanceReportMapper(RoutingPolicy<PerformanceData> audience, Snapshot<PartnerDirectory> partners, List<String> tags,
      PostTemplates templates) {
    this(audience, partners, tags, templates, List.of());
  }

  /**
   * @param partners the partner snapshot of the current run
   * @param followUps the rules whose actions the report lists under "Follow-up actions"
   */
  public PerformanceReportMapper(RoutingPolicy<PerformanceData> audience, Snapshot<PartnerDirectory> partners, List<String> tags,
      PostTemplates templates, List<FollowUpRule> followUps) {
    this.templates = templates;
    this.audience = audience;
    this.partners = partners;
    this.tags = List.copyOf(tags);
    this.followUps = List.copyOf(followUps);
  }

  @Override
  public PostWithDocuments map(PerformanceData data, RunContext run) {
    byte[] csv = csv(data);
    String hash = Fingerprints.sha256Hex(csv).substring(0, 16);
    String period = data.start() + "_" + data.end();
    PostDocument csvDoc = PostDocument.of(data.key() + ":data:" + hash, "performance-" + period + ".csv", "text/csv", csv);
    PostDocument chart = PostDocument.of(data.key() + ":chart:" + hash, "performance-" + period + ".png", "image/png",
        PerformanceChart.png(data));

    TemplateModel model = model(templates.model(), data, chart.fileName(), csvDoc.fileName());
    List<TemplateModel> actions = new ArrayList<>();
    for (FollowUpRule rule : followUps) {
      rule.evaluate(data).forEach(f -> actions.add(FollowUpIssueMapper.model(model.child(), f)));
    }
    model.flag("hasActions", !actions.isEmpty()).list("actions", actions);
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put("scope", data.scope());
    metadata.put("periodStart", data.start().toString());
    metadata.put("periodEnd", data.end().toString());
    metadata.put("episodes", Integer.toString(data.episodes().size()));
    metadata.put("dataSha256", Fingerprints.sha256Hex(csv));
    data.sponsor().ifPresent(sponsor -> metadata.put("sponsor", sponsor));
    PostCreate post = PostCreate.builder()
        .kind(PostKind.REPORT)
        .title(templates.title("performance-report.title", model, EpisodeAnnouncementMapper.MAX_TITLE_CHARS, "Podcast performance"))
        .body(templates.render("performance-report", model))
        .metadata(metadata)
        .audience(audience.audienceFor(data, run.snapshot(partners)))
        .tags(tags)
        .externalRef(data.key())
        .build();
    return new PostWithDocuments(post, List.of(csvDoc, chart));
  }

  /** The values of the {@code performance-report} templates (listed in the built-in template). */
  static TemplateModel model(TemplateModel m, PerformanceData data, String chartFile, String csvFile) {
    data.sponsor().ifPresent(sponsor -> m.text("sponsor", sponsor));
    m.text("scope", data.scopeName()).date("start", data.start()).date("end", data.end())
        .code("chartFile", chartFile).code("csvFile", csvFile);
    List<TemplateModel> rows = new ArrayList<>(data.episodes().size());
    long starts = 0;
    long streams = 0;
    for (EpisodePerformance e : data.episodes()) {
      rows.add(engagement(m.child(), e.completion(), e.consumptionHours()).text("name", e.name()).text("show", e.showName())
          .text("released", e.releaseDate()).number("starts", e.starts()).number("streams", e.streams())
          .number("peak", e.peakDailyListeners()).number("days", e.days().size()));
      starts += e.starts();
      streams += e.streams();
    }
    m.flag("hasEpisodes", !rows.isEmpty()).list("episodes", rows).number("totalStarts", starts).number("totalStreams", streams);
    OptionalDouble completion = EpisodePerformance.completion(data.episodes());
    OptionalDouble hours = EpisodePerformance.consumptionHours(data.episodes());
    m.flag("hasCompletion", completion.isPresent()).flag("hasConsumption", hours.isPresent());
    TemplateModel total = engagement(m.child(), completion, hours);
    m.section("total", total);
    if (data.previous().isPresent()) {
      PerformanceData.Previous p = data.previous().get();
      TemplateModel previous = m.child().date("start", p.start()).date("end", p.end())
          .number("starts", p.starts()).number("streams", p.streams());
      change(previous, "startsChange", p.starts(), starts);
      change(previous, "streamsChange", p.streams(), streams);
      m.section("previous", previous);
    } else {
      m.flag("previous", false);
    }
    OptionalLong gained = data.followersGained();
    m.flag("hasGained", gained.isPresent());
    return gained.isPresent() ? m.signedNumber("gained", gained.getAsLong()) : m.text("gained", "");
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
            s.listeners(), s.completionRate().map(PerformanceReportMapper::plain).orElse(""),
            s.consumptionHours().map(PerformanceReportMapper::plain).orElse(""));
      }
    }
    return csv.toBytes();
  }

  /** {@code completion} (a percentage with one decimal) and {@code hours} (one decimal), or empty. */
  private static TemplateModel engagement(TemplateModel m, OptionalDouble completion, OptionalDouble hours) {
    if (completion.isPresent()) {
      m.percent("completion", completion.getAsDouble(), 1);
    } else {
      m.text("completion", "");
    }
    return hours.isPresent() ? m.decimal("hours", hours.getAsDouble(), 1) : m.text("hours", "");
  }

  /** A number as the CSV writes it: the shortest exact decimal, never an exponent. */
  private static String plain(double d) {
    return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
  }

  /** {@code key} ({@code +12%}) and {@code has<Key>}; absent when there was nothing before to compare with. */
  private static void change(TemplateModel m, String key, long before, long now) {
    String has = "has" + Character.toUpperCase(key.charAt(0)) + key.substring(1);
    if (before == 0) {
      m.flag(has, false).text(key, "");
    } else {
      m.flag(has, true).change(key, (now - before) / (double) before, 0);
    }
  }
}
