package io.gridcast.benchmarks;

import io.gridcast.bridge.RunContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.gridcast.benchmarks.RequestRecorder.Recorded;
import io.gridcast.bridge.Bridge;
import io.gridcast.bridge.Flow;
import io.gridcast.bridge.RunReport;
import io.gridcast.bridge.flows.EpisodeAnnouncementsConfig;
import io.gridcast.bridge.flows.EpisodeAnnouncementsFlow;
import io.gridcast.bridge.state.JdbcStateStore;
import io.gridcast.core.Secret;
import io.gridcast.core.auth.OAuth2TokenProvider;
import io.gridcast.core.http.GridcastHttp;
import io.gridcast.core.http.TransportConfig;
import io.gridcast.core.resilience.ResilienceConfig;
import io.gridcast.spotify.SpotifyClient;
import io.gridcast.testkit.SpotifyDemoData;
import io.gridcast.testkit.TradingGridSandbox;
import io.gridcast.tradinggrid.TradingGridClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;

/**
 * End-to-end sync throughput over a simulated network: the episode announcements flow moving N
 * episodes of a synthetic show from the Spotify sandbox to the Trading Grid sandbox, through the
 * bridge with the H2 state store, beside a {@link BareLoop} sending the minimal requests (the
 * Spotify reads, then one create per new item) with the same number in flight as the bridge.
 * Both sandboxes answer every request {@code latency} ms late (their fault profile's latency,
 * {@code --latency-ms} of the standalone sandboxes), for each latency asked for.
 *
 * <p>The sandboxes run in a child process ({@link SandboxHost}), so heap figures are those of
 * the syncing process alone. Per latency and size (a "case"): one calibration run of the bridge
 * records its requests (once per size, at the first latency it is used with; it also warms
 * everything up); then warm-up runs (first case only) and measured runs alternate bridge and
 * bare loop, each on a freshly reset Trading Grid (no posts from earlier runs), the bridge each
 * time on a new H2 database in a temporary directory and new clients (so both sides fetch their
 * tokens), after a forced GC. Then, at each latency's smallest size, the bridge runs with the
 * same flow rebuilt at {@code maxInFlight(1)} on a partition that is not reconciled ("sequential":
 * the engine as issue #15 found it, one write at a time on the run's thread and an {@code
 * externalRef} look-up before every create). The bridge's own runs first reconcile the partition
 * (an untimed run over nothing, as an application's first run does), so their creates go out
 * without look-ups. Only the sync itself is timed; building clients and opening the store are not.
 *
 * <p>Arguments: {@code --latencies 0,5,50 --sizes 0:1000+10000,5:1000,50:500 --warmups 2
 * --iterations 5,3 --concurrency 8 --sequential-iterations 1 --out e2e.json}. {@code --sizes}
 * gives each latency its sizes ({@code latency:size+size}); a plain list ({@code 1000,10000})
 * applies to every latency. {@code --iterations} counts measured runs per side for each case in
 * order (the last value repeats). {@code --concurrency} is the bare loop's requests in flight
 * (default {@link Flow#DEFAULT_MAX_IN_FLIGHT}, the bridge's default); {@code
 * --sequential-iterations 0} skips the sequential runs.
 */
public final class EndToEndBenchmark {

  private EndToEndBenchmark() {}

  /**
   * One timed run; {@code stageSeconds} is the bridge's own account of where its time went
   * (empty for the bare loop); {@code allocatedBytes} is what the process allocated during it
   * ({@link Allocations}).
   */
  record Run(double seconds, int items, int requests, HeapWatch.Heap heap, long allocatedBytes,
      Map<String, Double> stageSeconds) {}

  /** What a side sends per run, by kind. */
  record Requests(int total, int tokens, int spotifyReads, int tradingGridReads, int lookups, int creates) {

    static Requests of(List<Recorded> requests, String spotifyServer) {
      int tokens = 0, spotify = 0, tgReads = 0, lookups = 0, creates = 0;
      for (Recorded r : requests) {
        if (r.isTokenRequest()) {
          tokens++;
        } else if (r.server().equals(spotifyServer)) {
          spotify++;
        } else if (r.method().equals("POST")) {
          creates++;
        } else if (r.url().contains("externalRef=")) {
          lookups++;
        } else {
          tgReads++;
        }
      }
      return new Requests(requests.size(), tokens, spotify, tgReads, lookups, creates);
    }
  }

  /** Everything measured at one latency and size. */
  record Case(int latencyMs, int items, int bridgeMaxInFlight, int bareConcurrency, Requests bridgeRequests,
      Requests bareRequests, List<Run> bridge, List<Run> bare, List<Run> sequential) {}

  record Settings(List<Integer> latencies, Map<Integer, List<Integer>> sizes, int warmups, List<Integer> iterations,
      int concurrency, int sequentialIterations, String jvm, int processors, long maxHeap) {}

  record Result(Settings settings, List<Case> cases) {}

  public static void main(String[] args) throws Exception {
    List<Integer> latencies = List.of(0);
    String sizesArg = "1000,10000";
    int warmups = 2;
    List<Integer> iterations = List.of(5, 3);
    int concurrency = Flow.DEFAULT_MAX_IN_FLIGHT;
    int sequentialIterations = 1;
    Path out = Path.of("e2e.json");
    for (int i = 0; i < args.length; i += 2) {
      switch (args[i]) {
        case "--latencies" -> latencies = ints(args[i + 1]);
        case "--sizes" -> sizesArg = args[i + 1];
        case "--warmups" -> warmups = Integer.parseInt(args[i + 1]);
        case "--iterations" -> iterations = ints(args[i + 1]);
        case "--concurrency" -> concurrency = Integer.parseInt(args[i + 1]);
        case "--sequential-iterations" -> sequentialIterations = Integer.parseInt(args[i + 1]);
        case "--out" -> out = Path.of(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]
            + "; use --latencies 0,5,50 --sizes 0:1000+10000,5:1000,50:500 --warmups 2 --iterations 5,3"
            + " --concurrency 8 --sequential-iterations 1 --out e2e.json");
      }
    }
    Map<Integer, List<Integer>> sizes = sizes(sizesArg, latencies);
    List<Integer> allSizes = sizes.values().stream().flatMap(List::stream).distinct().sorted().toList();
    List<Case> results = new ArrayList<>();
    OkHttpClient bareClient = new OkHttpClient();
    Map<Integer, List<Recorded>> calibrated = new HashMap<>();
    try (SandboxProcess sandboxes = SandboxProcess.start(allSizes);
        BareLoop bare = new BareLoop(bareClient, concurrency)) {
      String spotifyServer = sandboxes.spotifyBase.getHost() + ":" + sandboxes.spotifyBase.getPort();
      String tradingGridServer = sandboxes.tradingGridBase.getHost() + ":" + sandboxes.tradingGridBase.getPort();
      int caseIndex = 0;
      for (int latency : latencies) {
        sandboxes.latency(latency);
        List<Integer> latencySizes = sizes.get(latency);
        for (int size : latencySizes) {
          int measured = iterations.get(Math.min(caseIndex, iterations.size() - 1));
          String label = String.format("%d ms, %,d items", latency, size);
          List<Recorded> requests = calibrated.get(size);
          if (requests == null) {
            log("%s: calibration run", label);
            sandboxes.resetTradingGrid();
            requests = calibrate(sandboxes, size);
            calibrated.put(size, requests);
          }
          List<Recorded> minimal = BareLoop.minimal(requests, tradingGridServer);
          List<Run> bridgeRuns = new ArrayList<>();
          List<Run> bareRuns = new ArrayList<>();
          int rounds = (caseIndex == 0 ? warmups : 0) + measured;
          for (int r = 0; r < rounds; r++) {
            boolean warmup = r < rounds - measured;
            boolean bridgeFirst = r % 2 == 0; // alternate, so that drift hurts both sides alike
            for (int side = 0; side < 2; side++) {
              boolean isBridge = (side == 0) == bridgeFirst;
              sandboxes.resetTradingGrid();
              Run run = isBridge ? bridgeRun(sandboxes, size, requests.size(), 0, true) : bareRun(bare, minimal, size);
              log(label, warmup ? "warm-up" : "measured", isBridge ? "bridge" : "bare", run);
              if (!warmup) {
                (isBridge ? bridgeRuns : bareRuns).add(run);
              }
            }
          }
          List<Run> sequentialRuns = new ArrayList<>();
          if (size == latencySizes.get(0)) {
            for (int r = 0; r < sequentialIterations; r++) {
              sandboxes.resetTradingGrid();
              Run run = bridgeRun(sandboxes, size, requests.size(), 1, false);
              log(label, "measured", "sequential bridge", run);
              sequentialRuns.add(run);
            }
          }
          results.add(new Case(latency, size, Flow.DEFAULT_MAX_IN_FLIGHT, concurrency, Requests.of(requests, spotifyServer),
              Requests.of(minimal, spotifyServer), bridgeRuns, bareRuns, sequentialRuns));
          caseIndex++;
        }
      }
      sandboxes.latency(0);
    } finally {
      bareClient.dispatcher().executorService().shutdown();
      bareClient.connectionPool().evictAll();
    }
    Runtime rt = Runtime.getRuntime();
    Result result = new Result(new Settings(latencies, sizes, warmups, iterations, concurrency, sequentialIterations,
        System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"), rt.availableProcessors(),
        rt.maxMemory()), results);
    Files.createDirectories(out.toAbsolutePath().getParent());
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), result);
    log("wrote %s", out);
  }

  /** {@code 0:1000+10000,50:500} or, for every latency, {@code 1000,10000}. */
  static Map<Integer, List<Integer>> sizes(String arg, List<Integer> latencies) {
    Map<Integer, List<Integer>> sizes = new LinkedHashMap<>();
    if (!arg.contains(":")) {
      List<Integer> all = ints(arg);
      latencies.forEach(l -> sizes.put(l, all));
      return sizes;
    }
    for (String entry : arg.split(",")) {
      String[] parts = entry.trim().split(":");
      sizes.put(Integer.parseInt(parts[0].trim()),
          Arrays.stream(parts[1].split("\\+")).map(String::trim).map(Integer::parseInt).sorted().toList());
    }
    for (int l : latencies) {
      if (!sizes.containsKey(l)) {
        throw new IllegalArgumentException("--sizes gives no size for latency " + l + " ms: " + arg);
      }
    }
    return sizes;
  }

  /** A bridge run with recording interceptors on every client, token clients included. */
  private static List<Recorded> calibrate(SandboxProcess sandboxes, int size) throws Exception {
    RequestRecorder recorder = new RequestRecorder();
    OkHttpClient tokenHttp = GridcastHttp.newOkHttpClient(TransportConfig.builder().build(),
        ResilienceConfig.builder().build(), null, List.of(recorder));
    Path dir = Files.createTempDirectory("gridcast-bench-h2");
    try (OAuth2TokenProvider spotifyTokens = OAuth2TokenProvider.builder().tokenUrl(sandboxes.spotifyBase + "/api/token")
            .clientId(SpotifyDemoData.CLIENT_ID).clientSecret(Secret.of(SpotifyDemoData.CLIENT_SECRET))
            .clientCredentials().httpClient(tokenHttp).build();
        OAuth2TokenProvider tgTokens = OAuth2TokenProvider.builder().tokenUrl(sandboxes.tradingGridBase + "/tenants/"
                + TradingGridSandbox.DEFAULT_TENANT_ID + "/oauth2/token")
            .clientId(TradingGridSandbox.DEFAULT_CLIENT_ID).clientSecret(Secret.of(TradingGridSandbox.DEFAULT_CLIENT_SECRET))
            .clientCredentials().httpClient(tokenHttp).build();
        SpotifyClient spotify = SpotifyClient.builder().baseUrl(sandboxes.spotifyBase + "/v1/").tokenProvider(spotifyTokens)
            .addInterceptor(recorder).build();
        TradingGridClient tradingGrid = tradingGridBuilder(sandboxes).tokenProvider(tgTokens).addInterceptor(recorder).build();
        JdbcStateStore store = JdbcStateStore.h2File(dir)) {
      Bridge bridge = Bridge.builder().stateStore(store).build();
      reconcile(bridge);
      RunReport report = bridge.run(flow(spotify, tradingGrid, size));
      check(report, size);
      return recorder.requests();
    } finally {
      GridcastHttp.close(tokenHttp);
      delete(dir);
    }
  }

  /**
   * A timed bridge run; {@code maxInFlight} 0 keeps the flow's own (the default), 1 makes it
   * sequential; {@code reconciled} first reconciles the partition, so that creates skip the look-up.
   */
  private static Run bridgeRun(SandboxProcess sandboxes, int size, int requests, int maxInFlight, boolean reconciled)
      throws Exception {
    Path dir = Files.createTempDirectory("gridcast-bench-h2");
    try (SpotifyClient spotify = SpotifyClient.builder().baseUrl(sandboxes.spotifyBase + "/v1/")
            .tokenUrl(sandboxes.spotifyBase + "/api/token")
            .clientCredentials(SpotifyDemoData.CLIENT_ID, Secret.of(SpotifyDemoData.CLIENT_SECRET)).build();
        TradingGridClient tradingGrid = tradingGridBuilder(sandboxes)
            .clientCredentials(TradingGridSandbox.DEFAULT_CLIENT_ID, Secret.of(TradingGridSandbox.DEFAULT_CLIENT_SECRET)).build();
        JdbcStateStore store = JdbcStateStore.h2File(dir)) {
      Bridge bridge = Bridge.builder().stateStore(store).build();
      if (reconciled) {
        reconcile(bridge);
      }
      var flow = flow(spotify, tradingGrid, size);
      if (maxInFlight > 0) {
        flow = withMaxInFlight(flow, maxInFlight);
      }
      HeapWatch watch = HeapWatch.start();
      Allocations allocations = Allocations.start();
      long start = System.nanoTime();
      RunReport report = bridge.run(flow);
      double seconds = (System.nanoTime() - start) / 1e9;
      long allocated = allocations.stop();
      HeapWatch.Heap heap = watch.stop(); // while store and clients are still reachable
      check(report, size);
      Map<String, Double> stages = new LinkedHashMap<>();
      report.stageTimings().forEach((stage, d) -> stages.put(stage.name().toLowerCase(java.util.Locale.ROOT), d.toNanos() / 1e9));
      return new Run(seconds, size, requests, heap, allocated, stages);
    } finally {
      delete(dir);
    }
  }

  private static Run bareRun(BareLoop bare, List<Recorded> requests, int size) throws Exception {
    HeapWatch watch = HeapWatch.start();
    Allocations allocations = Allocations.start();
    long start = System.nanoTime();
    int ok = bare.run(requests);
    double seconds = (System.nanoTime() - start) / 1e9;
    long allocated = allocations.stop();
    HeapWatch.Heap heap = watch.stop();
    if (ok != requests.size()) {
      throw new IllegalStateException("the bare loop got " + (requests.size() - ok) + " non-2xx answers");
    }
    return new Run(seconds, size, requests.size(), heap, allocated, Map.of());
  }

  /**
   * The same flow with another {@code maxInFlight}, rebuilt from its parts through the public
   * {@link Flow.Builder} (same source, key, mapper, fingerprint, sink, externalRef, look-up,
   * caps and delivery policy), so the library needs no change to measure the sequential engine.
   */
  static <S, T> Flow<S, T> withMaxInFlight(Flow<S, T> f, int maxInFlight) {
    Flow.Builder<S, T> b = Flow.<S, T>builder(f.name()).partition(f.partition()).source(f.source()).key(f::keyOf)
        .mapper(f.mapper()).fingerprint(f::fingerprintOf).sink(f.sink()).externalRef(f::externalRefOf)
        .caps(f.caps()).delivery(f.delivery()).maxInFlight(maxInFlight);
    if (f.hasLookup()) {
      b.lookup(f::lookup);
    }
    return b.build();
  }

  private static TradingGridClient.Builder tradingGridBuilder(SandboxProcess sandboxes) {
    return TradingGridClient.builder()
        .baseUrl(sandboxes.tradingGridBase + TradingGridSandbox.API_PATH + "/")
        .tenant(TradingGridSandbox.DEFAULT_TENANT_ID)
        .community(TradingGridSandbox.DEFAULT_COMMUNITY_ID);
  }

  private static Flow<io.gridcast.bridge.flows.ShowEpisode, io.gridcast.tradinggrid.model.PostCreate> flow(
      SpotifyClient spotify, TradingGridClient tradingGrid, int size) {
    return EpisodeAnnouncementsFlow.create(spotify, tradingGrid,
        EpisodeAnnouncementsConfig.builder().addShowIds(SandboxHost.showIdFor(size)).build());
  }

  /**
   * Reconciles the flow's partition with a run over nothing (the target holds nothing of it), as
   * an application's first run of the flow does: the timed run then sends each create without an
   * {@code externalRef} look-up, as every run after the first does. Untimed.
   */
  private static void reconcile(Bridge bridge) {
    RunReport report = bridge.run(Flow.<String, String>builder(EpisodeAnnouncementsConfig.builder().addShowIds("x").build().flowName())
        .source(run -> List.of()).key(k -> k).mapper((k, run) -> k)
        .sink(new io.gridcast.bridge.Sink<>() {
          @Override
          public io.gridcast.bridge.WriteResult create(String key, String item, String idempotencyKey, String externalRef, RunContext run) {
            throw new IllegalStateException("a flow over nothing wrote");
          }

          @Override
          public io.gridcast.bridge.WriteResult update(io.gridcast.bridge.state.LedgerEntry existing, String item, RunContext run) {
            throw new IllegalStateException("a flow over nothing wrote");
          }

          @Override
          public java.util.Optional<io.gridcast.bridge.WriteResult> findByExternalRef(String externalRef, RunContext run) {
            throw new IllegalStateException("a flow over nothing looked up");
          }
        }).build());
    if (report.stoppedBecause().isPresent()) {
      throw new IllegalStateException("reconciling the partition failed: " + report.summary());
    }
  }

  private static void check(RunReport report, int size) {
    if (report.created() != size || report.failed() != 0 || report.stoppedBecause().isPresent()) {
      throw new IllegalStateException("the bridge run did not create " + size + " posts: " + report.summary());
    }
  }

  private static List<Integer> ints(String csv) {
    return Arrays.stream(csv.split(",")).map(String::trim).map(Integer::parseInt).toList();
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static void log(String label, String kind, String side, Run run) {
    log("%s %s %s: %.2f s, %,.0f items/s, %,.0f B allocated/item, peak live %.1f MiB", label, kind, side, run.seconds,
        run.items / run.seconds, run.allocatedBytes / (double) run.items, run.heap.peakLive() / 1048576.0);
  }

  private static void log(String format, Object... args) {
    System.out.println("[e2e] " + String.format(format, args));
    System.out.flush();
  }
}
