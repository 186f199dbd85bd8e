package io.gridcast.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a JMH result file and an {@link EndToEndBenchmark} result file into {@code
 * results.json} and {@code results.md}, checks them against the targets, and writes the table
 * into {@code BENCHMARKS.md} between its {@code <!-- results:start -->} and {@code <!--
 * results:end -->} markers (the hand-written analysis around them stays).
 *
 * <p>Arguments: {@code --jmh FILE --e2e FILE --out-dir DIR --benchmarks-md FILE --command TEXT --mode short|full}.
 */
public final class BenchmarkReport {

  static final String START = "<!-- results:start -->";
  static final String END = "<!-- results:end -->";

  /** Targets from the benchmarks issue. */
  static final double WHOLE_NS_TARGET = 5_000;
  static final double WHOLE_BYTES_TARGET = 8 * 1024;
  static final double PEER_SPEEDUP_TARGET = 2.0;
  static final double OVERHEAD_TARGET = 0.15;
  /** "Flat except for the ledger's own rows": at most this much more live heap per extra item than the bare loop. */
  static final double LEDGER_BYTES_PER_ITEM = 1024;

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final String[] STAGES = {"decode", "map", "fingerprint", "encode", "whole", "peerDecode", "peerDecodeFromString"};

  private BenchmarkReport() {}

  public static void main(String[] args) throws IOException {
    Map<String, String> a = new LinkedHashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      a.put(args[i], args[i + 1]);
    }
    JsonNode jmh = JSON.readTree(Path.of(require(a, "--jmh")).toFile());
    JsonNode e2e = JSON.readTree(Path.of(require(a, "--e2e")).toFile());
    Path outDir = Path.of(require(a, "--out-dir"));
    ObjectNode result = JSON.createObjectNode();
    result.put("generatedAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    result.put("mode", a.getOrDefault("--mode", "full"));
    result.put("command", a.getOrDefault("--command", ""));
    result.set("machine", machine());

    ObjectNode hot = result.putObject("hotPath");
    for (JsonNode b : jmh) {
      String name = b.path("benchmark").asText();
      String stage = name.substring(name.lastIndexOf('.') + 1);
      ObjectNode s = hot.putObject(stage);
      s.put("nsPerEpisode", b.at("/primaryMetric/score").asDouble());
      s.put("nsError", b.at("/primaryMetric/scoreError").asDouble());
      s.put("bytesPerEpisode", b.at("/secondaryMetrics/gc.alloc.rate.norm/score").asDouble());
      s.put("forks", b.path("forks").asInt());
      s.put("measurementIterations", b.path("measurementIterations").asInt());
    }
    ArrayNode sizes = result.putArray("endToEnd");
    for (JsonNode size : e2e.path("sizes")) {
      sizes.add(summarise(size));
    }
    result.set("targets", targets(hot, sizes));
    Files.createDirectories(outDir);
    JSON.writeValue(outDir.resolve("results.json").toFile(), result);
    String table = markdown(result);
    Files.writeString(outDir.resolve("results.md"), table, StandardCharsets.UTF_8);
    if (a.containsKey("--benchmarks-md")) {
      updateBenchmarksMd(Path.of(a.get("--benchmarks-md")), table);
    }
    System.out.print(table);
  }

  private static ObjectNode summarise(JsonNode size) {
    ObjectNode s = JSON.createObjectNode();
    int items = size.path("items").asInt();
    s.put("items", items);
    s.put("requestsPerRun", size.path("requestsPerRun").asInt());
    for (String side : List.of("bridge", "bare")) {
      JsonNode runs = size.path(side);
      List<Double> seconds = new ArrayList<>();
      long peakLive = 0;
      long peakUsed = 0;
      long baseline = Long.MAX_VALUE;
      for (JsonNode r : runs) {
        seconds.add(r.path("seconds").asDouble());
        peakLive = Math.max(peakLive, r.at("/heap/peakLive").asLong());
        peakUsed = Math.max(peakUsed, r.at("/heap/peakUsed").asLong());
        baseline = Math.min(baseline, r.at("/heap/baseline").asLong());
      }
      double median = median(seconds);
      ObjectNode o = s.putObject(side);
      o.put("runs", seconds.size());
      o.put("medianSeconds", median);
      o.put("itemsPerSecond", items / median);
      o.put("minItemsPerSecond", items / seconds.stream().mapToDouble(d -> d).max().orElse(median));
      o.put("maxItemsPerSecond", items / seconds.stream().mapToDouble(d -> d).min().orElse(median));
      o.put("baselineHeapBytes", baseline);
      o.put("peakLiveHeapBytes", peakLive);
      o.put("peakUsedHeapBytes", peakUsed);
      if (side.equals("bridge")) {
        ObjectNode stages = o.putObject("stageSeconds");
        runs.get(0).path("stageSeconds").fieldNames().forEachRemaining(stage -> {
          List<Double> values = new ArrayList<>();
          runs.forEach(r -> values.add(r.path("stageSeconds").path(stage).asDouble()));
          stages.put(stage, median(values));
        });
      }
    }
    s.put("overhead", s.at("/bridge/medianSeconds").asDouble() / s.at("/bare/medianSeconds").asDouble() - 1);
    s.put("extraLiveHeapBytes", s.at("/bridge/peakLiveHeapBytes").asLong() - s.at("/bare/peakLiveHeapBytes").asLong());
    return s;
  }

  private static ArrayNode targets(ObjectNode hot, ArrayNode sizes) {
    ArrayNode t = JSON.createArrayNode();
    double whole = hot.at("/whole/nsPerEpisode").asDouble();
    target(t, "whole hot path ≤ 5 µs per episode", String.format(Locale.ROOT, "%.2f µs", whole / 1000), whole <= WHOLE_NS_TARGET,
        whole / WHOLE_NS_TARGET - 1);
    double bytes = hot.at("/whole/bytesPerEpisode").asDouble();
    target(t, "whole hot path ≤ 8 KB allocated per episode", String.format(Locale.ROOT, "%.1f KB", bytes / 1024),
        bytes <= WHOLE_BYTES_TARGET, bytes / WHOLE_BYTES_TARGET - 1);
    double ours = hot.at("/decode/nsPerEpisode").asDouble();
    for (String peer : List.of("peerDecode", "peerDecodeFromString")) {
      if (hot.has(peer)) {
        double speedup = hot.at("/" + peer + "/nsPerEpisode").asDouble() / ours;
        target(t, "decoding ≥ 2× as fast as the peer (" + (peer.equals("peerDecode") ? "same bytes" : "peer given a String") + ")",
            String.format(Locale.ROOT, "%.2f× (ours/theirs = %.2f)", speedup, 1 / speedup), speedup >= PEER_SPEEDUP_TARGET,
            PEER_SPEEDUP_TARGET / speedup - 1);
      }
    }
    for (JsonNode s : sizes) {
      double overhead = s.path("overhead").asDouble();
      target(t, String.format(Locale.ROOT, "bridge overhead ≤ 15 %% over the bare loop (%,d items)", s.path("items").asInt()),
          String.format(Locale.ROOT, "%+.1f %%", overhead * 100), overhead <= OVERHEAD_TARGET, overhead - OVERHEAD_TARGET);
    }
    if (sizes.size() >= 2) {
      JsonNode small = sizes.get(0);
      JsonNode large = sizes.get(sizes.size() - 1);
      double perItem = (large.path("extraLiveHeapBytes").asDouble() - small.path("extraLiveHeapBytes").asDouble())
          / (large.path("items").asDouble() - small.path("items").asDouble());
      target(t, "memory flat from the smallest to the largest size except the ledger's rows (≤ 1 KiB live heap per extra item beyond the bare loop)",
          String.format(Locale.ROOT, "%.0f B per extra item (%.1f → %.1f MiB above the bare loop)", perItem,
              mib(small.path("extraLiveHeapBytes").asLong()), mib(large.path("extraLiveHeapBytes").asLong())),
          perItem <= LEDGER_BYTES_PER_ITEM, perItem / LEDGER_BYTES_PER_ITEM - 1);
    }
    return t;
  }

  private static void target(ArrayNode t, String name, String measured, boolean met, double missedBy) {
    ObjectNode o = t.addObject();
    o.put("target", name);
    o.put("measured", measured);
    o.put("met", met);
    if (!met) {
      o.put("missedBy", String.format(Locale.ROOT, "%.0f %%", missedBy * 100));
    }
  }

  private static String markdown(ObjectNode r) {
    StringBuilder md = new StringBuilder();
    JsonNode m = r.path("machine");
    md.append("Measured ").append(r.path("generatedAt").asText()).append(" (").append(r.path("mode").asText())
        .append(" mode) on ").append(m.path("cpu").asText()).append(", ").append(m.path("cores").asInt()).append(" cores, ")
        .append(m.path("memory").asText()).append(" RAM; ").append(m.path("jdk").asText()).append("; ")
        .append(m.path("os").asText()).append(".\n\nCommand: `").append(r.path("command").asText()).append("`\n\n");

    md.append("### Hot path, per episode (50-episode page of ").append(String.format(Locale.ROOT, "%.1f", EpisodePage.bytes().length / 1024.0))
        .append(" KiB)\n\n| stage | ns / episode | ± (99.9 %) | bytes allocated / episode |\n|---|---:|---:|---:|\n");
    JsonNode hot = r.path("hotPath");
    for (String stage : STAGES) {
      if (hot.has(stage)) {
        JsonNode s = hot.path(stage);
        md.append(String.format(Locale.ROOT, "| %s | %,.0f | %,.0f | %,.0f |%n", label(stage), s.path("nsPerEpisode").asDouble(),
            s.path("nsError").asDouble(), s.path("bytesPerEpisode").asDouble()));
      }
    }
    if (hot.has("peerDecode")) {
      md.append(String.format(Locale.ROOT, "%nOur decode over the peer's on the same bytes: **%.2f** (%.2f against the peer given a ready String).%n",
          hot.at("/decode/nsPerEpisode").asDouble() / hot.at("/peerDecode/nsPerEpisode").asDouble(),
          hot.at("/decode/nsPerEpisode").asDouble() / hot.at("/peerDecodeFromString/nsPerEpisode").asDouble()));
    }

    md.append("\n### End to end: episodes synced from the Spotify sandbox to the Trading Grid sandbox\n\n")
        .append("| items | requests / run | bridge items/s | bare loop items/s | overhead | bridge peak live heap | bare peak live heap | bridge peak used heap | bare peak used heap | runs |\n")
        .append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (JsonNode s : r.path("endToEnd")) {
      md.append(String.format(Locale.ROOT, "| %,d | %,d | %,.0f | %,.0f | %+.1f %% | %.1f MiB | %.1f MiB | %.1f MiB | %.1f MiB | %d + %d |%n",
          s.path("items").asInt(), s.path("requestsPerRun").asInt(), s.at("/bridge/itemsPerSecond").asDouble(),
          s.at("/bare/itemsPerSecond").asDouble(), s.path("overhead").asDouble() * 100,
          mib(s.at("/bridge/peakLiveHeapBytes").asLong()), mib(s.at("/bare/peakLiveHeapBytes").asLong()),
          mib(s.at("/bridge/peakUsedHeapBytes").asLong()), mib(s.at("/bare/peakUsedHeapBytes").asLong()),
          s.at("/bridge/runs").asInt(), s.at("/bare/runs").asInt()));
    }
    md.append("\nWhere a bridge run's time goes (its own stage timings, median run; `write` includes the HTTP calls):\n\n")
        .append("| items | run | fetch | map | lookup | write | ledger | checkpoint |\n|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (JsonNode s : r.path("endToEnd")) {
      JsonNode st = s.at("/bridge/stageSeconds");
      md.append(String.format(Locale.ROOT, "| %,d | %.2f s |", s.path("items").asInt(), s.at("/bridge/medianSeconds").asDouble()));
      for (String stage : List.of("fetch", "map", "lookup", "write", "ledger", "checkpoint")) {
        md.append(String.format(Locale.ROOT, " %.2f s |", st.path(stage).asDouble()));
      }
      md.append('\n');
    }

    md.append("\n### Targets\n\n| target | measured | verdict |\n|---|---|---|\n");
    for (JsonNode t : r.path("targets")) {
      md.append("| ").append(t.path("target").asText()).append(" | ").append(t.path("measured").asText()).append(" | ")
          .append(t.path("met").asBoolean() ? "met" : "**missed by " + t.path("missedBy").asText() + "**").append(" |\n");
    }
    return md.toString();
  }

  private static String label(String stage) {
    switch (stage) {
      case "decode": return "decode (bytes → `Paging<SimplifiedEpisode>`)";
      case "map": return "map (`EpisodeAnnouncementMapper` → `PostCreate`)";
      case "fingerprint": return "fingerprint (`Flow.jsonFingerprint`)";
      case "encode": return "encode (request body bytes)";
      case "whole": return "**whole** (decode + map + fingerprint + encode)";
      case "peerDecode": return "peer decode, same bytes (spotify-web-api-java 9.4.0)";
      case "peerDecodeFromString": return "peer decode, given a String";
      default: return stage;
    }
  }

  private static void updateBenchmarksMd(Path file, String table) throws IOException {
    String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8)
        : "# Benchmarks\n\n" + START + "\n" + END + "\n";
    int start = text.indexOf(START);
    int end = text.indexOf(END);
    if (start < 0 || end < start) {
      throw new IllegalStateException(file + " has no " + START + " … " + END + " section to replace");
    }
    Files.writeString(file, text.substring(0, start + START.length()) + "\n" + table + "\n" + text.substring(end), StandardCharsets.UTF_8);
  }

  private static ObjectNode machine() throws IOException {
    ObjectNode m = JSON.createObjectNode();
    m.put("cores", Runtime.getRuntime().availableProcessors());
    m.put("cpu", procLine("/proc/cpuinfo", "model name").orElse(System.getProperty("os.arch")));
    m.put("memory", procLine("/proc/meminfo", "MemTotal")
        .map(v -> String.format(Locale.ROOT, "%.1f GiB", Long.parseLong(v.replaceAll("[^0-9]", "")) / 1048576.0)).orElse("unknown"));
    m.put("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
    return m;
  }

  private static java.util.Optional<String> procLine(String file, String key) throws IOException {
    Path p = Path.of(file);
    if (!Files.isReadable(p)) {
      return java.util.Optional.empty();
    }
    return Files.readAllLines(p).stream().filter(l -> l.startsWith(key)).findFirst()
        .map(l -> l.substring(l.indexOf(':') + 1).trim());
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(null);
    int n = sorted.size();
    return n == 0 ? Double.NaN : n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static double mib(long bytes) {
    return bytes / 1048576.0;
  }

  private static String require(Map<String, String> args, String name) {
    String v = args.get(name);
    if (v == null) {
      throw new IllegalArgumentException(name + " is required");
    }
    return v;
  }
}
