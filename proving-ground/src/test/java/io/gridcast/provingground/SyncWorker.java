package io.gridcast.provingground;

import io.gridcast.bridge.RunContext;
import io.gridcast.bridge.Bridge;
import io.gridcast.bridge.Flow;
import io.gridcast.bridge.Outcome;
import io.gridcast.bridge.RunReport;
import io.gridcast.bridge.Worker;
import io.gridcast.bridge.flows.EpisodeAnnouncementsConfig;
import io.gridcast.bridge.flows.EpisodeAnnouncementsFlow;
import io.gridcast.bridge.state.JdbcStateStore;
import io.gridcast.bridge.state.PostgresTestDatabase;
import io.gridcast.spotify.SpotifyClient;
import io.gridcast.tradinggrid.TradingGridClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * An application instance in its own JVM: runs the episode announcements flow for one show
 * against standalone sandboxes until one run completes, then exits 0. The proving-ground tests
 * start it, watch its output, and kill, freeze or race it.
 *
 * <p>Arguments: {@code --spotify ROOT --tradinggrid API --show ID --store h2:DIR|postgres:PREFIX
 * --instance NAME --lease-ttl-ms N [--hold-post N] [--reconcile-first true] [--worker-ms N]}; with
 * {@code --worker-ms N} the flow runs in a {@link Worker} every N ms until a run finds nothing left
 * to do; with {@code
 * --reconcile-first} it first runs the flow over nothing, so that the partition is reconciled and
 * creates go out without look-ups (see {@link io.gridcast.bridge.state.WriteIntent}). Prints (one line each, flushed): with
 * {@code --hold-post N}, {@code POSTED n} when the n-th post create of this JVM was answered, the
 * N-th answer then held back for a minute so that a kill lands between the remote write and its
 * ledger row; {@code CREATED n} after
 * the n-th item this JVM created was committed, {@code RUN created=… updated=… unchanged=…
 * failed=… held=true|false stopped=REASON|-} after every run, and {@code DONE} at the end. A run
 * that finds the lease held elsewhere is retried every 100 ms; a run that stopped (a lost lease,
 * a failure) is retried too.
 */
public final class SyncWorker {

  private SyncWorker() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      options.put(args[i], args[i + 1]);
    }
    String show = required(options, "--show");
    String instance = required(options, "--instance");
    Duration leaseTtl = Duration.ofMillis(Long.parseLong(required(options, "--lease-ttl-ms")));
    try (SpotifyClient spotify = StandaloneSandboxes.spotifyClientAt(required(options, "--spotify"));
        TradingGridClient tradingGrid = StandaloneSandboxes.tradingGridClientAt(required(options, "--tradinggrid"),
            holdingPostAnswer(Integer.parseInt(options.getOrDefault("--hold-post", "0"))));
        JdbcStateStore store = openStore(required(options, "--store"))) {
      int[] created = {0};
      Bridge bridge = Bridge.builder().stateStore(store)
          .instanceId(instance).leaseTtl(leaseTtl)
          .progressListener((flow, key, outcome, done, total) -> {
            if (outcome == Outcome.CREATED) {
              System.out.println("CREATED " + ++created[0]);
              System.out.flush();
            }
          })
          .build();
      if (options.containsKey("--reconcile-first")) {
        // a run of the flow over nothing: it completes, so the partition is reconciled and the
        // real run sends each create without a look-up unless a write intent names its key
        runUntilDone(bridge, Flow.<String, String>builder(FLOW).source(run -> List.of()).key(k -> k)
            .mapper((k, run) -> k).sink(new PostSinkThatIsNeverCalled()).build(), line -> { });
      }
      Flow<?, ?> flow = EpisodeAnnouncementsFlow.create(spotify, tradingGrid, EpisodeAnnouncementsConfig.builder().addShowIds(show).build());
      Consumer<String> print = line -> {
        System.out.println(line);
        System.out.flush();
      };
      if (options.containsKey("--worker-ms")) {
        runInWorkerUntilNothingLeft(bridge, flow, Duration.ofMillis(Long.parseLong(options.get("--worker-ms"))), print);
      } else {
        runUntilDone(bridge, flow, print);
      }
      System.out.println("DONE");
      System.out.flush();
    }
  }

  /** The episode announcements flow's default name, under which its ledger and intents are kept. */
  private static final String FLOW = "episode-announcements";

  /** The sink of a flow over nothing. */
  private static final class PostSinkThatIsNeverCalled implements io.gridcast.bridge.Sink<String> {
    @Override
    public io.gridcast.bridge.WriteResult create(String sourceKey, String item, String idempotencyKey, String externalRef, RunContext run) {
      throw new AssertionError("a flow over nothing wrote");
    }

    @Override
    public io.gridcast.bridge.WriteResult update(io.gridcast.bridge.state.LedgerEntry existing, String item, RunContext run) {
      throw new AssertionError("a flow over nothing wrote");
    }

    @Override
    public java.util.Optional<io.gridcast.bridge.WriteResult> findByExternalRef(String externalRef, RunContext run) {
      throw new AssertionError("a flow over nothing looked up");
    }
  }

  /**
   * Runs {@code flow} in a {@link Worker} every {@code interval} until a run completes with nothing
   * left to create or update, then closes the worker. Reports each run as a {@code RUN …} line.
   */
  static void runInWorkerUntilNothingLeft(Bridge bridge, Flow<?, ?> flow, Duration interval, Consumer<String> lines)
      throws InterruptedException {
    java.util.concurrent.CountDownLatch nothingLeft = new java.util.concurrent.CountDownLatch(1);
    try (Worker worker = Worker.builder(bridge).every(interval, Duration.ZERO, flow)
        .failureBackoff(interval, interval.multipliedBy(4))
        .listener((name, report, next) -> {
          if (report == null) {
            lines.accept("RUN failed outside the engine");
            return;
          }
          lines.accept("RUN created=" + report.created() + " updated=" + report.updated() + " unchanged="
              + report.unchanged() + " failed=" + report.failed() + " held=" + report.leaseHeldElsewhere() + " stopped="
              + report.stoppedBecause().orElse("-"));
          if (!report.leaseHeldElsewhere() && report.stoppedBecause().isEmpty() && report.failed() == 0
              && report.created() == 0 && report.updated() == 0 && report.seen() > 0) {
            nothingLeft.countDown();
          }
        })
        .build()) {
      worker.start();
      nothingLeft.await();
    }
  }

  /**
   * Runs {@code flow} until one run completes: a run that found the lease held elsewhere, or
   * stopped (a lost lease, a failure), is retried after 100 ms. Reports each run as a {@code
   * RUN …} line.
   *
   * @return the items created over all runs
   */
  public static int runUntilDone(Bridge bridge, Flow<?, ?> flow, Consumer<String> lines) throws InterruptedException {
    int created = 0;
    while (true) {
      RunReport report = bridge.run(flow);
      created += report.created();
      lines.accept("RUN created=" + report.created() + " updated=" + report.updated() + " unchanged="
          + report.unchanged() + " failed=" + report.failed() + " held=" + report.leaseHeldElsewhere() + " stopped="
          + report.stoppedBecause().orElse("-"));
      if (!report.leaseHeldElsewhere() && report.stoppedBecause().isEmpty() && report.failed() == 0) {
        return created;
      }
      Thread.sleep(100);
    }
  }

  /**
   * Prints {@code POSTED n} for every answered post create and holds the {@code held}-th answer
   * back for a minute; {@code held} 0 does nothing.
   */
  private static okhttp3.Interceptor holdingPostAnswer(int held) {
    AtomicInteger posted = new AtomicInteger();
    return chain -> {
      okhttp3.Response response = chain.proceed(chain.request());
      if (held > 0 && response.isSuccessful() && chain.request().method().equals("POST")
          && chain.request().url().encodedPath().endsWith("/posts")) {
        int n = posted.incrementAndGet();
        System.out.println("POSTED " + n);
        System.out.flush();
        if (n == held) {
          try {
            Thread.sleep(60_000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
      }
      return response;
    };
  }

  /** {@code h2:DIR} (the embedded default) or {@code postgres:PREFIX} (the test database). */
  static JdbcStateStore openStore(String spec) {
    if (spec.startsWith("h2:")) {
      return JdbcStateStore.h2File(Path.of(spec.substring(3)));
    }
    if (spec.startsWith("postgres:")) {
      return JdbcStateStore.builder().postgres(PostgresTestDatabase.URL, PostgresTestDatabase.USER, null)
          .tablePrefix(spec.substring("postgres:".length())).build();
    }
    throw new IllegalArgumentException("--store wants h2:DIR or postgres:PREFIX, got " + spec);
  }

  private static String required(Map<String, String> options, String name) {
    String value = options.get(name);
    if (value == null) {
      throw new IllegalArgumentException(name + " is missing");
    }
    return value;
  }
}
