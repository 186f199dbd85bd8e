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

  /** Targets from issue #15 (engine v2), item 6. */
  static final double WHOLE_NS_TARGET = 5_000;
  static final double WHOLE_BYTES_TARGET = 6 * 1024;
  static final double PEER_SPEEDUP_TARGET = 3.0;
  /** Bridge overhead over the pipelined bare loop with no injected latency. */
  static final double OVERHEAD_TARGET = 0.15;
  /** Bridge overhead over the pipelined bare loop at {@link #HIGH_LATENCY_MS}. */
  static final double OVERHEAD_TARGET_HIGH_LATENCY = 0.05;
  static final int HIGH_LATENCY_MS = 50;
  /** At {@link #HIGH_LATENCY_MS}, items/s over the sequential engine's (one write in flight). */
  static final double SPEEDUP_OVER_SEQUENTIAL_TARGET = 10.0;
  /** Trading Grid requests per new item on the happy path. */
  static final double REQUESTS_PER_NEW_ITEM_TARGET = 1.0;
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
    for (JsonNode c : e2e.path("cases")) {
      sizes.add(summarise(c));
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

  private static ObjectNode summarise(JsonNode c) {
    ObjectNode s = JSON.createObjectNode();
    int items = c.path("items").asInt();
    s.put("latencyMs", c.path("latencyMs").asInt());
    s.put("items", items);
    s.put("bridgeMaxInFlight", c.path("bridgeMaxInFlight").asInt());
    s.put("bareConcurrency", c.path("bareConcurrency").asInt());
    s.put("requestsPerRun", c.at("/bridgeRequests/total").asInt());
    for (String side : List.of("bridge", "bare", "sequential")) {
      JsonNode runs = c.path(side);
      if (runs.size() == 0) {
        continue;
      }
      List<Double> seconds = new ArrayList<>();
      List<Double> allocated = new ArrayList<>();
      long peakLive = 0;
      long peakUsed = 0;
      long baseline = Long.MAX_VALUE;
      for (JsonNode r : runs) {
        seconds.add(r.path("seconds").asDouble());
        allocated.add(r.path("allocatedBytes").asDouble());
        peakLive = Math.max(peakLive, r.at("/heap/peakLive").asLong());
        peakUsed = Math.max(peakUsed, r.at("/heap/peakUsed").asLong());
        baseline = Math.min(baseline, r.at("/heap/baseline").asLong());
      }
      double median = median(seconds);
      ObjectNode o = s.putObject(side);
      JsonNode requests = c.path(side.equals("bare") ? "bareRequests" : "bridgeRequests");
      o.put("runs", seconds.size());
      o.put("medianSeconds", median);
      o.put("itemsPerSecond", items / median);
      o.put("minItemsPerSecond", items / seconds.stream().mapToDouble(d -> d).max().orElse(median));
      o.put("maxItemsPerSecond", items / seconds.stream().mapToDouble(d -> d).min().orElse(median));
      o.put("requestsPerRun", requests.path("total").asInt());
      o.put("requestsPerItem", requests.path("total").asDouble() / items);
      o.put("tradingGridWritesPerNewItem", (requests.path("lookups").asDouble() + requests.path("creates").asDouble()) / items);
      o.set("requests", requests);
      o.put("allocatedBytesPerItem", median(allocated) / items);
      o.put("baselineHeapBytes", baseline);
      o.put("peakLiveHeapBytes", peakLive);
      o.put("peakUsedHeapBytes", peakUsed);
      if (!side.equals("bare")) {
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
    if (s.has("sequential")) {
      s.put("speedupOverSequential", s.at("/bridge/itemsPerSecond").asDouble() / s.at("/sequential/itemsPerSecond").asDouble());
    }
    return s;
  }

  private static ArrayNode targets(ObjectNode hot, ArrayNode sizes) {
    ArrayNode t = JSON.createArrayNode();
    double whole = hot.at("/whole/nsPerEpisode").asDouble();
    target(t, "whole hot path ≤ 5 µs per episode", String.format(Locale.ROOT, "%.2f µs", whole / 1000), whole <= WHOLE_NS_TARGET,
        whole / WHOLE_NS_TARGET - 1);
    double bytes = hot.at("/whole/bytesPerEpisode").asDouble();
    target(t, "whole hot path ≤ 6 KB allocated per episode", String.format(Locale.ROOT, "%.1f KB", bytes / 1024),
        bytes <= WHOLE_BYTES_TARGET, bytes / WHOLE_BYTES_TARGET - 1);
    double ours = hot.at("/decode/nsPerEpisode").asDouble();
    for (String peer : List.of("peerDecode", "peerDecodeFromString")) {
      if (hot.has(peer)) {
        double speedup = hot.at("/" + peer + "/nsPerEpisode").asDouble() / ours;
        target(t, "decoding ≥ 3× as fast as the peer (" + (peer.equals("peerDecode") ? "same bytes" : "peer given a String") + ")",
            String.format(Locale.ROOT, "%.2f× (ours/theirs = %.2f)", speedup, 1 / speedup), speedup >= PEER_SPEEDUP_TARGET,
            PEER_SPEEDUP_TARGET / speedup - 1);
      }
    }
    for (JsonNode s : sizes) {
      int latency = s.path("latencyMs").asInt();
      double overhead = s.path("overhead").asDouble();
      double limit = latency == 0 ? OVERHEAD_TARGET : latency == HIGH_LATENCY_MS ? OVERHEAD_TARGET_HIGH_LATENCY : Double.NaN;
      if (!Double.isNaN(limit)) {
        target(t, String.format(Locale.ROOT, "bridge overhead ≤ %.0f %% over the pipelined bare loop (%d ms, %,d items)", limit * 100,
            latency, s.path("items").asInt()), String.format(Locale.ROOT, "%+.1f %%", overhead * 100), overhead <= limit,
            overhead - limit);
      }
    }
    for (JsonNode s : sizes) {
      if (s.path("latencyMs").asInt() == HIGH_LATENCY_MS && s.has("speedupOverSequential")) {
        double speedup = s.path("speedupOverSequential").asDouble();
        target(t, String.format(Locale.ROOT, "at %d ms, ≥ 10× the sequential engine's items/s (%,d items)", HIGH_LATENCY_MS,
                s.path("items").asInt()),
            String.format(Locale.ROOT, "%.1f× (%,.0f against %,.0f items/s)", speedup, s.at("/bridge/itemsPerSecond").asDouble(),
                s.at("/sequential/itemsPerSecond").asDouble()),
            speedup >= SPEEDUP_OVER_SEQUENTIAL_TARGET, SPEEDUP_OVER_SEQUENTIAL_TARGET / speedup - 1);
      }
    }
    if (sizes.size() > 0) {
      double perNew = sizes.get(0).at("/bridge/tradingGridWritesPerNewItem").asDouble();
      target(t, "Trading Grid requests per new item = 1 on the happy path",
          String.format(Locale.ROOT, perNew <= REQUESTS_PER_NEW_ITEM_TARGET ? "%.2f (the create alone)"
              : "%.2f (an `externalRef` look-up and a create)", perNew), perNew <= REQUESTS_PER_NEW_ITEM_TARGET,
          perNew / REQUESTS_PER_NEW_ITEM_TARGET - 1);
    }
    List<JsonNode> flat = new ArrayList<>();
    sizes.forEach(s -> {
      if (s.path("latencyMs").asInt() == 0) {
        flat.add(s);
      }
    });
    if (flat.size() >= 2) {
      JsonNode small = flat.get(0);
      JsonNode large = flat.get(flat.size() - 1);
      double perItem = (large.path("extraLiveHeapBytes").asDouble() - small.path("extraLiveHeapBytes").asDouble())
          / (large.path("items").asDouble() - small.path("items").asDouble());
      target(t, "memory flat from the smallest to the largest size at 0 ms (≤ 1 KiB live heap per extra item beyond the bare loop)",
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

    md.append("\n### End to end over a simulated network: episodes synced from the Spotify sandbox to the Trading Grid sandbox\n\n")
        .append("Both sandboxes answer every request *latency* ms late. *bridge*: the episode announcements flow, ")
        .append(r.at("/endToEnd/0/bridgeMaxInFlight").asInt()).append(" writes in flight (the default); *bare loop*: the minimal ")
        .append("requests (tokens, Spotify reads, one create per item), ").append(r.at("/endToEnd/0/bareConcurrency").asInt())
        .append(" creates in flight, after an untimed run that reconciles the partition; *sequential*: the same flow rebuilt with ")
        .append("`maxInFlight(1)` on a partition not reconciled, i.e. the engine issue #15 measured (one item at a time, a look-up before each create). ")
        .append("Items/s is the median run's (min–max over the runs).\n\n")
        .append("| latency | items | bridge items/s | bare loop items/s | overhead | sequential items/s | bridge ÷ sequential |\n")
        .append("|---:|---:|---:|---:|---:|---:|---:|\n");
    for (JsonNode s : r.path("endToEnd")) {
      md.append(String.format(Locale.ROOT, "| %d ms | %,d | %s | %s | %+.1f %% | %s | %s |%n", s.path("latencyMs").asInt(),
          s.path("items").asInt(), rate(s.path("bridge")), rate(s.path("bare")), s.path("overhead").asDouble() * 100,
          s.has("sequential") ? rate(s.path("sequential")) : "–",
          s.has("speedupOverSequential") ? String.format(Locale.ROOT, "%.1f×", s.path("speedupOverSequential").asDouble()) : "–"));
    }
    md.append("\nPer side (*requests / item* counts every request of a run; *TG per new item* the Trading Grid look-ups and ")
        .append("creates; *allocated / item* is everything the syncing process allocated during the run, per item):\n\n")
        .append("| latency | items | side | items/s | requests / run | requests / item | TG per new item | allocated / item | peak live heap | peak used heap | runs |\n")
        .append("|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (JsonNode s : r.path("endToEnd")) {
      for (String side : List.of("bridge", "bare", "sequential")) {
        if (!s.has(side)) {
          continue;
        }
        JsonNode o = s.path(side);
        md.append(String.format(Locale.ROOT, "| %d ms | %,d | %s | %,.0f | %,d | %.2f | %.2f | %.1f KB | %.1f MiB | %.1f MiB | %d |%n",
            s.path("latencyMs").asInt(), s.path("items").asInt(),
            side.equals("bare") ? "bare loop" : side, o.path("itemsPerSecond").asDouble(), o.path("requestsPerRun").asInt(),
            o.path("requestsPerItem").asDouble(), o.path("tradingGridWritesPerNewItem").asDouble(),
            o.path("allocatedBytesPerItem").asDouble() / 1024, mib(o.path("peakLiveHeapBytes").asLong()),
            mib(o.path("peakUsedHeapBytes").asLong()), o.path("runs").asInt()));
      }
    }
    md.append("\nWhere a bridge run's time goes (its own stage timings, median run; `write` includes the HTTP calls; with ")
        .append("several writes in flight it adds up every write's own time, so it can exceed the run):\n\n")
        .append("| latency | items | engine | run | fetch | map | lookup | write | ledger | checkpoint |\n|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|\n");
    for (JsonNode s : r.path("endToEnd")) {
      for (String side : List.of("bridge", "sequential")) {
        if (!s.has(side)) {
          continue;
        }
        JsonNode st = s.path(side).path("stageSeconds");
        md.append(String.format(Locale.ROOT, "| %d ms | %,d | %s | %.2f s |", s.path("latencyMs").asInt(), s.path("items").asInt(),
            side.equals("bridge") ? "pipelined" : "sequential", s.path(side).path("medianSeconds").asDouble()));
        for (String stage : List.of("fetch", "map", "lookup", "write", "ledger", "checkpoint")) {
          md.append(String.format(Locale.ROOT, " %.2f s |", st.path(stage).asDouble()));
        }
        md.append('\n');
      }
    }

    md.append("\n### Targets\n\n| target | measured | verdict |\n|---|---|---|\n");
    for (JsonNode t : r.path("targets")) {
      md.append("| ").append(t.path("target").asText()).append(" | ").append(t.path("measured").asText()).append(" | ")
          .append(t.path("met").asBoolean() ? "met" : "**missed by " + t.path("missedBy").asText() + "**").append(" |\n");
    }
    return md.toString();
  }

  private static String rate(JsonNode side) {
    if (side.path("runs").asInt() <= 1) {
      return String.format(Locale.ROOT, "%,.0f", side.path("itemsPerSecond").asDouble());
    }
    return String.format(Locale.ROOT, "%,.0f (%,.0f–%,.0f)", side.path("itemsPerSecond").asDouble(),
        side.path("minItemsPerSecond").asDouble(), side.path("maxItemsPerSecond").asDouble());
  }

  private static String label(String stage) {
    switch (stage) {
      case "decode": return "decode (bytes → `Paging<SimplifiedEpisode>`)";
      case "map": return "map (`EpisodeAnnouncementMapper` → `PostCreate`)";
      case "fingerprint": return "fingerprint (`Fingerprints.ofSentBody`: SHA-256 of the encoded body)";
      case "encode": return "encode (`PostSink.encode`: the request body bytes, once)";
      case "whole": return "**whole** (decode + map + encode + fingerprint)";
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
