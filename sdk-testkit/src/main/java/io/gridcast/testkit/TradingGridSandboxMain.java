package io.gridcast.testkit;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Runs a {@link TradingGridSandbox} as a standalone process until it is killed.
 *
 * <pre>
 * java -cp ... io.gridcast.testkit.TradingGridSandboxMain --port 8089 --state-dir ./state/tradinggrid \
 *     --seed 7 --fault-5xx 0.05 --fault-429 0.02 --retry-after 1 --fault-exempt-token
 * </pre>
 *
 * <p>Options: {@code --port N} (default 0 = any free port), {@code --bind ADDRESS} (default
 * {@code 127.0.0.1}, loopback only; {@code 0.0.0.0} for every interface), {@code --state-dir D}, {@code --seed
 * S}, {@code --fault-seed S} (default: the seed), {@code --fault-5xx R}, {@code --fault-429 R},
 * {@code --retry-after SECONDS}, {@code --fault-reset R}, {@code --fault-malformed R}, {@code
 * --latency-ms N}, {@code --jitter-ms N}, {@code --fault-exempt PATH_PREFIX} (repeatable), {@code
 * --fault-exempt-token}, {@code --forget-idempotency-keys}, {@code --token-ttl-seconds N}, {@code --spike-rate R} with {@code --spike-ms N}
 * (latency spikes). Prints the API base URL on the first line
 * ({@code Trading Grid sandbox listening on http://127.0.0.1:PORT/activecommunity/v1/}), then the
 * token URL, ids and credentials.
 */
public final class TradingGridSandboxMain {

  private TradingGridSandboxMain() {}

  /** Starts the sandbox; exits with status 2 on bad arguments. */
  public static void main(String[] args) throws InterruptedException {
    TradingGridSandbox.Builder builder = TradingGridSandbox.builder();
    FaultOptions faults = new FaultOptions();
    long seed = 0;
    try {
      for (int i = 0; i < args.length; i++) {
        String option = args[i];
        if (option.equals("--help") || option.equals("-h")) {
          System.out.println("usage: TradingGridSandboxMain [--port N] [--bind ADDRESS] [--state-dir D] [--seed S] " + FaultOptions.USAGE
              + " [--fault-exempt-token] [--forget-idempotency-keys] [--token-ttl-seconds N]");
          return;
        }
        if (option.equals("--fault-exempt-token")) {
          builder.exemptTokenEndpointFromFaults();
          continue;
        }
        if (option.equals("--forget-idempotency-keys")) {
          builder.forgetIdempotencyKeys();
          continue;
        }
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException(option + " needs a value");
        }
        String value = args[++i];
        switch (option) {
          case "--port": builder.port(Integer.parseInt(value)); break;
          case "--bind": builder.bind(SandboxMains.address(value)); break;
          case "--state-dir": builder.stateDir(Path.of(value)); break;
          case "--seed": seed = Long.parseLong(value); builder.seed(seed); break;
          case "--token-ttl-seconds": builder.tokenLifetime(Duration.ofSeconds(Long.parseLong(value))); break;
          default:
            if (!faults.accept(option, value)) {
              throw new IllegalArgumentException("unknown option " + option + " (try --help)");
            }
        }
      }
      builder.faults(faults.build(seed));
    } catch (IllegalArgumentException e) {
      System.err.println("TradingGridSandboxMain: " + e.getMessage());
      System.exit(2);
      return;
    }

    TradingGridSandbox sandbox = builder.start();
    SandboxMains.serveUntilStopped(sandbox, "tradinggrid-sandbox",
        "Trading Grid sandbox listening on " + sandbox.baseUrl(),
        "  token url:     " + sandbox.tokenUrl(TradingGridSandbox.DEFAULT_TENANT_ID),
        "  web view:      " + sandbox.baseUri() + "/",
        "  tenant:        " + TradingGridSandbox.DEFAULT_TENANT_ID,
        "  community:     " + TradingGridSandbox.DEFAULT_COMMUNITY_ID,
        "  client id:     " + TradingGridSandbox.DEFAULT_CLIENT_ID,
        "  client secret: " + TradingGridSandbox.DEFAULT_CLIENT_SECRET,
        "  user:          " + TradingGridSandbox.DEFAULT_USERNAME + " / " + TradingGridSandbox.DEFAULT_PASSWORD,
        "  faults:        " + sandbox.faults(),
        sandbox.stateFile().map(f -> "  state file:    " + f).orElse(""));
  }
}
