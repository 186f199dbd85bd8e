package io.gridcast.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.gridcast.benchmarks.RequestRecorder.Recorded;
import io.gridcast.bridge.Bridge;
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
import java.util.List;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;

/**
 * End-to-end sync throughput: the episode announcements flow moving N episodes of a synthetic
 * show from the Spotify sandbox to the Trading Grid sandbox over loopback, through the bridge
 * with the H2 state store, beside a {@link BareLoop} sending the same requests with no mapping
 * and no state.
 *
 * <p>The sandboxes run in a child process ({@link SandboxHost}), so heap figures are those of
 * the syncing process alone. Per size: one calibration run of the bridge records its requests
 * (and warms everything); then warm-up runs (first size only) and measured runs alternate
 * bridge and bare loop, each on a freshly reset Trading Grid (no posts from earlier runs), the
 * bridge each time on a new H2 database in a temporary directory and new clients (so both sides
 * fetch their tokens), after a forced GC. Only the sync itself is timed; building clients and
 * opening the store are not.
 *
 * <p>Arguments: {@code --sizes 1000,10000 --warmups 2 --iterations 5,3 --out e2e.json}
 * ({@code --iterations} per size; the last value repeats for further sizes).
 */
public final class EndToEndBenchmark {

  private EndToEndBenchmark() {}

  /** One timed run; {@code stageSeconds} is the bridge's own account of where its time went (empty for the bare loop). */
  record Run(double seconds, int items, int requests, HeapWatch.Heap heap, java.util.Map<String, Double> stageSeconds) {}

  /** Everything measured at one size. */
  record SizeResult(int items, int requestsPerRun, List<Run> bridge, List<Run> bare) {}

  record Settings(List<Integer> sizes, int warmups, List<Integer> iterations, String jvm, int processors, long maxHeap) {}

  record Result(Settings settings, List<SizeResult> sizes) {}

  public static void main(String[] args) throws Exception {
    List<Integer> sizes = List.of(1000, 10_000);
    int warmups = 2;
    List<Integer> iterations = List.of(5, 3);
    Path out = Path.of("e2e.json");
    for (int i = 0; i < args.length; i += 2) {
      switch (args[i]) {
        case "--sizes" -> sizes = ints(args[i + 1]);
        case "--warmups" -> warmups = Integer.parseInt(args[i + 1]);
        case "--iterations" -> iterations = ints(args[i + 1]);
        case "--out" -> out = Path.of(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]
            + "; use --sizes 1000,10000 --warmups 2 --iterations 5,3 --out e2e.json");
      }
    }
    List<SizeResult> results = new ArrayList<>();
    OkHttpClient bareClient = new OkHttpClient();
    try (SandboxProcess sandboxes = SandboxProcess.start(sizes)) {
      for (int s = 0; s < sizes.size(); s++) {
        int size = sizes.get(s);
        int measured = iterations.get(Math.min(s, iterations.size() - 1));
        log("size %,d: calibration run", size);
        sandboxes.resetTradingGrid();
        List<Recorded> requests = calibrate(sandboxes, size);
        BareLoop bare = new BareLoop(bareClient);
        List<Run> bridgeRuns = new ArrayList<>();
        List<Run> bareRuns = new ArrayList<>();
        int rounds = (s == 0 ? warmups : 0) + measured;
        for (int r = 0; r < rounds; r++) {
          boolean warmup = r < rounds - measured;
          boolean bridgeFirst = r % 2 == 0; // alternate, so that drift hurts both sides alike
          for (int side = 0; side < 2; side++) {
            boolean isBridge = (side == 0) == bridgeFirst;
            sandboxes.resetTradingGrid();
            Run run = isBridge ? bridgeRun(sandboxes, size, requests.size()) : bareRun(bare, requests, size);
            log("size %,d %s %s: %.2f s, %,.0f items/s, peak live %.1f MiB", size, warmup ? "warm-up" : "measured",
                isBridge ? "bridge" : "bare  ", run.seconds, run.items / run.seconds, run.heap.peakLive() / 1048576.0);
            if (!warmup) {
              (isBridge ? bridgeRuns : bareRuns).add(run);
            }
          }
        }
        results.add(new SizeResult(size, requests.size(), bridgeRuns, bareRuns));
      }
    } finally {
      bareClient.dispatcher().executorService().shutdown();
      bareClient.connectionPool().evictAll();
    }
    Runtime rt = Runtime.getRuntime();
    Result result = new Result(new Settings(sizes, warmups, iterations, System.getProperty("java.vm.name") + " "
        + System.getProperty("java.runtime.version"), rt.availableProcessors(), rt.maxMemory()), results);
    Files.createDirectories(out.toAbsolutePath().getParent());
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), result);
    log("wrote %s", out);
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
      RunReport report = Bridge.builder().spotify(spotify).tradingGrid(tradingGrid).stateStore(store).build()
          .run(flow(spotify, tradingGrid, size));
      check(report, size);
      return recorder.requests();
    } finally {
      GridcastHttp.close(tokenHttp);
      delete(dir);
    }
  }

  private static Run bridgeRun(SandboxProcess sandboxes, int size, int requests) throws Exception {
    Path dir = Files.createTempDirectory("gridcast-bench-h2");
    try (SpotifyClient spotify = SpotifyClient.builder().baseUrl(sandboxes.spotifyBase + "/v1/")
            .tokenUrl(sandboxes.spotifyBase + "/api/token")
            .clientCredentials(SpotifyDemoData.CLIENT_ID, Secret.of(SpotifyDemoData.CLIENT_SECRET)).build();
        TradingGridClient tradingGrid = tradingGridBuilder(sandboxes)
            .clientCredentials(TradingGridSandbox.DEFAULT_CLIENT_ID, Secret.of(TradingGridSandbox.DEFAULT_CLIENT_SECRET)).build();
        JdbcStateStore store = JdbcStateStore.h2File(dir)) {
      Bridge bridge = Bridge.builder().spotify(spotify).tradingGrid(tradingGrid).stateStore(store).build();
      var flow = flow(spotify, tradingGrid, size);
      HeapWatch watch = HeapWatch.start();
      long start = System.nanoTime();
      RunReport report = bridge.run(flow);
      double seconds = (System.nanoTime() - start) / 1e9;
      HeapWatch.Heap heap = watch.stop(); // while store and clients are still reachable
      check(report, size);
      java.util.Map<String, Double> stages = new java.util.LinkedHashMap<>();
      report.stageTimings().forEach((stage, d) -> stages.put(stage.name().toLowerCase(java.util.Locale.ROOT), d.toNanos() / 1e9));
      return new Run(seconds, size, requests, heap, stages);
    } finally {
      delete(dir);
    }
  }

  private static Run bareRun(BareLoop bare, List<Recorded> requests, int size) throws Exception {
    HeapWatch watch = HeapWatch.start();
    long start = System.nanoTime();
    int ok = bare.run(requests);
    double seconds = (System.nanoTime() - start) / 1e9;
    HeapWatch.Heap heap = watch.stop();
    if (ok != requests.size()) {
      throw new IllegalStateException("the bare loop got " + (requests.size() - ok) + " non-2xx answers");
    }
    return new Run(seconds, size, requests.size(), heap, java.util.Map.of());
  }

  private static TradingGridClient.Builder tradingGridBuilder(SandboxProcess sandboxes) {
    return TradingGridClient.builder()
        .baseUrl(sandboxes.tradingGridBase + TradingGridSandbox.API_PATH + "/")
        .tenant(TradingGridSandbox.DEFAULT_TENANT_ID)
        .community(TradingGridSandbox.DEFAULT_COMMUNITY_ID);
  }

  private static io.gridcast.bridge.Flow<io.gridcast.bridge.flows.ShowEpisode, io.gridcast.tradinggrid.model.PostCreate> flow(
      SpotifyClient spotify, TradingGridClient tradingGrid, int size) {
    return EpisodeAnnouncementsFlow.create(spotify, tradingGrid,
        EpisodeAnnouncementsConfig.builder().addShowIds(SandboxHost.showIdFor(size)).build());
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

  private static void log(String format, Object... args) {
    System.out.println("[e2e] " + String.format(format, args));
    System.out.flush();
  }
}
