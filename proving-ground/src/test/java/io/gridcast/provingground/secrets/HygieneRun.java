package io.gridcast.provingground.secrets;

import io.gridcast.bridge.RunReport;
import io.gridcast.bridge.state.InMemoryStateStore;
import io.gridcast.core.Secret;
import io.gridcast.core.auth.AccessToken;
import io.gridcast.provingground.secrets.FlowScripts.FlowScript;
import io.gridcast.provingground.secrets.SecretScanner.Leak;
import io.gridcast.testkit.FaultProfile;
import io.gridcast.testkit.SandboxExchange;
import io.gridcast.testkit.SpotifyDemoData;
import io.gridcast.testkit.TradingGridSandbox;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One run of everything, with logging at TRACE and every output captured: the eight flows end
 * to end (every token expired or revoked before each, so that each client is refused with 401,
 * refreshes and retries), every {@linkplain ErrorPaths error path}, the eight flows twice more
 * under a fault profile, and the {@code toString()} of everything a user may print. Then all
 * that was captured is scanned for every secret harvested on the way.
 *
 * <p>A failure of the run itself is kept ({@link #failure()}) rather than thrown, so that its
 * text is scanned too and only ever reported redacted.
 */
final class HygieneRun {

  /** Faults for the reruns: the Spotify token endpoint is spared, since a refresh token spent on a cut-off answer would end the user's session for good. */
  static final FaultProfile FLAKY = FaultProfile.builder().seed(9)
      .serverErrorRate(0.15).rateLimitRate(0.1).retryAfterSeconds(0).connectionResetRate(0.05).malformedBodyRate(0.05)
      .exemptPath("/api/token")
      .build();

  private HygieneEnvironment env;
  private Throwable failure;
  private final List<FlowScript> flows = new ArrayList<>();
  private int unauthorizedSpotifyDuringFlows;
  private int unauthorizedTradingGridDuringFlows;
  private int runsUnderFaults;
  private long seconds;

  private Map<String, Integer> eventsByLevel = Map.of();
  private List<String> logEvents = List.of();
  private List<String> julRecords = List.of();
  private String stdout = "";
  private List<Throwable> throwables = List.of();
  private SecretScanner scanner = new SecretScanner(Map.of());
  private final Map<String, List<Leak>> leaks = new LinkedHashMap<>();
  private final Map<String, Integer> linesScanned = new LinkedHashMap<>();

  private HygieneRun() {}

  /** Runs everything in {@code dir} and scans what was captured. */
  static HygieneRun execute(Path dir) {
    HygieneRun run = new HygieneRun();
    long started = System.nanoTime();
    OutputCapture capture = OutputCapture.start();
    try {
      run.env = new HygieneEnvironment(dir);
      run.runTheEightFlows();
      new ErrorPaths(run.env).provokeAll();
      run.runTheFlowsAgainUnderFaults();
      run.keepWhatAUserMayPrint();
    } catch (Throwable t) {
      run.failure = t;
    } finally {
      if (run.env != null) {
        run.env.close();
      }
      capture.close();
    }
    run.scan(capture);
    run.seconds = (System.nanoTime() - started) / 1_000_000_000L;
    return run;
  }

  /** The eight flows end to end, alternating the clients; before each flow every token expires or is revoked. */
  private void runTheEightFlows() throws Exception {
    FlowScripts scripts = new FlowScripts(env);
    List<FlowStep> steps = List.of(
        () -> scripts.episodeAnnouncements(env.appBridge, env.spotifyApp, env.tradingGrid),
        () -> scripts.trainingSeries(env.userBridge, env.spotify, env.tradingGridUser),
        () -> scripts.issueAudioUpdates(env.bridge, env.spotify, env.tradingGrid),
        () -> scripts.campaignCoordination(env.userBridge, env.spotify, env.tradingGridUser),
        () -> scripts.approvalGatedPublishing(env.bridge, env.spotify, env.tradingGrid),
        () -> scripts.partnerFeedback(env.userBridge, env.spotify, env.tradingGridUser),
        () -> scripts.businessMusic(env.bridge, env.spotify, env.tradingGrid),
        () -> scripts.performanceReport(env.appBridge, env.spotifyApp, env.tradingGrid));
    for (FlowStep step : steps) {
      if (!flows.isEmpty()) {
        env.expireEveryToken();
      }
      flows.add(step.run());
    }
    unauthorizedSpotifyDuringFlows = env.spotifyWire.unauthorized();
    unauthorizedTradingGridDuringFlows = env.tradingGridWire.unauthorized();
  }

  private interface FlowStep {
    FlowScript run() throws Exception;
  }

  /** Each flow twice more while both platforms fail now and then: retries, dead letters, stopped runs. */
  private void runTheFlowsAgainUnderFaults() {
    env.spotifySandbox.faults(FLAKY);
    env.tradingGridSandbox.faults(FLAKY);
    try {
      for (int round = 0; round < 2; round++) {
        for (FlowScript flow : flows) {
          try {
            runsUnderFaults += flow.again().get().size();
          } catch (RuntimeException e) {
            env.evidence.thrown("running " + flow.name() + " under faults", e);
          }
        }
      }
    } finally {
      env.spotifySandbox.faults(FaultProfile.none());
      env.tradingGridSandbox.faults(FaultProfile.none());
    }
  }

  /** The objects a user of the SDK may print, and every report, failure, dead letter and ledger entry of the runs. */
  private void keepWhatAUserMayPrint() {
    Evidence e = env.evidence;
    AccessToken current = env.login.tokenProvider().token();
    env.secrets.add(SecretKind.SPOTIFY_ACCESS_TOKEN, current.value().reveal());
    current.refreshToken().ifPresent(r -> env.secrets.add(SecretKind.SPOTIFY_REFRESH_TOKEN, r.reveal()));
    e.printed("AccessToken (Spotify user)", current);
    e.printed("SpotifyClient (user)", env.spotify);
    e.printed("SpotifyClient (app)", env.spotifyApp);
    e.printed("TradingGridClient (client credentials)", env.tradingGrid);
    e.printed("TradingGridClient (password grant)", env.tradingGridUser);
    e.printed("SpotifyAuthorization", env.login);
    e.printed("AccessTokenProvider (Spotify user)", env.login.tokenProvider());
    e.printed("PkceChallenge", env.pkce);
    e.printed("authorize URL", env.login.authorizeUrl(HygieneEnvironment.SCOPES, "state-for-printing", env.pkce));
    e.printed("Secret", Secret.of(TradingGridSandbox.DEFAULT_CLIENT_SECRET));
    e.printed("ResilienceConfig", env.resilience("printed").build());
    e.printed("TransportConfig", env.transport);
    e.printed("Bridge (client credentials)", env.bridge);
    e.printed("Bridge (password grant)", env.userBridge);
    e.printed("Bridge (Spotify app)", env.appBridge);
    e.printed("Paginator", env.spotify.shows().episodes(SpotifyDemoData.SHOW_TRADING_GRID_WEEKLY, null));
    e.printed("BatchResult", env.spotify.shows().getMany(List.of(SpotifyDemoData.SHOW_TRADING_GRID_WEEKLY,
        SpotifyDemoData.SHOW_CADENA_AL_DIA), null));
    e.printed("JdbcStateStore", env.store);
    e.printed("InMemoryStateStore", new InMemoryStateStore());
    e.printed("SpotifySandbox", env.spotifySandbox);
    e.printed("TradingGridSandbox", env.tradingGridSandbox);
    e.printed("FaultProfile", FLAKY);
    e.printed("Spotify user", env.spotify.me());
    Set<String> flowNames = new TreeSet<>();
    for (RunReport report : e.reports()) {
      flowNames.add(report.flow());
      e.printed("RunReport", report);
      e.printed("RunReport summary", report.summary());
      report.failures().forEach(f -> e.printed("ItemFailure", f));
    }
    for (String flow : flowNames) {
      env.store.deadLetters(flow).forEach(d -> e.printed("DeadLetter", d));
      env.store.entries(flow).forEach(l -> e.printed("LedgerEntry", l));
    }
  }

  private void scan(OutputCapture capture) {
    eventsByLevel = capture.eventsByLevel();
    logEvents = capture.logEvents();
    julRecords = capture.julRecords();
    stdout = capture.stdout();
    List<Throwable> all = new ArrayList<>(capture.loggedThrowables());
    if (env != null) {
      env.evidence.thrown().forEach(t -> all.add(t.throwable()));
    }
    if (failure != null) {
      all.add(failure);
    }
    throwables = all;
    if (env == null) {
      return;
    }
    scanner = new SecretScanner(env.secrets.snapshot());
    scan("log", logEvents);
    scan("java.util.logging", julRecords);
    scan("System.out", List.of(stdout));
    scan("System.err", List.of(capture.stderr()));
    scan("exception", Evidence.texts(throwables));
    scan("toString", env.evidence.printed().stream().map(p -> p.what() + ": " + p.text()).toList());
    scan("resilience listener", env.evidence.retries());
  }

  private void scan(String source, List<String> texts) {
    List<Leak> found = new ArrayList<>();
    int lines = 0;
    for (String text : texts) {
      found.addAll(scanner.scan(source, text));
      lines += SecretScanner.lines(text);
    }
    leaks.put(source, found);
    linesScanned.put(source, lines);
  }

  // ---- what the run found ----

  /** What stopped the run before its end, if anything. */
  Throwable failure() {
    return failure;
  }

  /** The scanner built from every secret harvested. */
  SecretScanner scanner() {
    return scanner;
  }

  HygieneEnvironment env() {
    return env;
  }

  List<FlowScript> flows() {
    return flows;
  }

  /** The lines captured from these sources that give a secret away. */
  List<Leak> leaks(String... sources) {
    List<Leak> found = new ArrayList<>();
    for (String source : sources) {
      found.addAll(leaks.getOrDefault(source, List.of()));
    }
    return found;
  }

  /** Logback events captured, by level name. */
  Map<String, Integer> eventsByLevel() {
    return eventsByLevel;
  }

  int logEventCount() {
    return eventsByLevel.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** The rendered logback events. */
  List<String> logEvents() {
    return logEvents;
  }

  String stdout() {
    return stdout;
  }

  /** Distinct exceptions captured: thrown at the run and attached to log events. */
  int exceptionCount() {
    return Evidence.distinct(throwables);
  }

  /** The 401 answers each platform gave while the flows ran. */
  int unauthorizedSpotifyDuringFlows() {
    return unauthorizedSpotifyDuringFlows;
  }

  int unauthorizedTradingGridDuringFlows() {
    return unauthorizedTradingGridDuringFlows;
  }

  /** The simple class names of every exception captured and of its causes. */
  Set<String> exceptionTypes() {
    Set<String> types = new LinkedHashSet<>();
    for (Throwable t : throwables) {
      Throwable c = t;
      for (int depth = 0; c != null && depth < 20; depth++, c = c.getCause()) {
        types.add(c.getClass().getSimpleName());
      }
    }
    return types;
  }

  /** Faults both sandboxes injected, by kind. */
  Map<SandboxExchange.Fault, Integer> faultsInjected() {
    Map<SandboxExchange.Fault, Integer> faults = new EnumMap<>(SandboxExchange.Fault.class);
    if (env != null) {
      env.spotifyWire.faults().forEach((f, n) -> faults.merge(f, n, Integer::sum));
      env.tradingGridWire.faults().forEach((f, n) -> faults.merge(f, n, Integer::sum));
    }
    return faults;
  }

  /** The figures RELIABILITY.md quotes. */
  Map<String, Object> figures() {
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("flows run", flows.size());
    figures.put("flow runs (reports)", env == null ? 0 : env.evidence.reports().size());
    figures.put("flow runs under faults", runsUnderFaults);
    figures.put("log events", logEventCount());
    eventsByLevel.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .forEach(en -> figures.put("log events at " + en.getKey(), en.getValue()));
    figures.put("java.util.logging records", julRecords.size());
    linesScanned.forEach((source, n) -> figures.put("lines scanned: " + source, n));
    figures.put("lines scanned", linesScanned.values().stream().mapToInt(Integer::intValue).sum());
    if (env != null) {
      Map<SecretKind, Set<String>> harvested = env.secrets.snapshot();
      for (SecretKind kind : SecretKind.values()) {
        if (kind != SecretKind.TOKEN_SHAPED) {
          figures.put("distinct secrets checked: " + kind, harvested.getOrDefault(kind, Set.of()).size());
        }
      }
      figures.put("needles (forms and " + SecretScanner.WINDOW + "-character windows)", scanner.needles());
      figures.put("Spotify refresh tokens saved (first and rotated)", env.secrets.refreshTokensSaved());
      figures.put("401s during the flows (Spotify / Trading Grid)",
          unauthorizedSpotifyDuringFlows + " / " + unauthorizedTradingGridDuringFlows);
      figures.put("token requests (Spotify / Trading Grid)",
          env.spotifyWire.tokenRequests() + " / " + env.tradingGridWire.tokenRequests());
      figures.put("exchanges (Spotify / Trading Grid)", env.spotifyWire.exchanges() + " / " + env.tradingGridWire.exchanges());
      figures.put("faults injected", faultsInjected());
      figures.put("retries seen by listeners", env.evidence.retries().size());
      figures.put("toString()s checked", env.evidence.printed().size());
    }
    figures.put("exceptions captured (distinct)", exceptionCount());
    figures.put("exception types", String.join(", ", new TreeSet<>(exceptionTypes())));
    figures.put("leaks found", leaks.values().stream().mapToInt(List::size).sum());
    figures.put("wall time (s)", seconds);
    return figures;
  }
}
