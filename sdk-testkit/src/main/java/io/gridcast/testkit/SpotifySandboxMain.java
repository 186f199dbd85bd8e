package io.gridcast.testkit;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Runs a {@link SpotifySandbox} as a standalone process until it is killed.
 *
 * <pre>
 * java -cp ... io.gridcast.testkit.SpotifySandboxMain --port 8090 --state-dir ./state/spotify \
 *     --seed 7 --fault-5xx 0.05 --fault-429 0.02 --retry-after 1 --fault-exempt /api/token \
 *     --feed 5THq5Er5bWp62qwOg6niTM=file:///tmp/feed.xml
 * </pre>
 *
 * <p>Options: {@code --port N} (default 0 = any free port), {@code --bind ADDRESS} (default
 * {@code 127.0.0.1}, loopback only; {@code 0.0.0.0} for every interface), {@code --state-dir D}, {@code --seed
 * S}, {@code --fault-seed S} (default: the seed), {@code --fault-5xx R}, {@code --fault-429 R},
 * {@code --retry-after SECONDS}, {@code --fault-reset R}, {@code --fault-malformed R}, {@code
 * --latency-ms N}, {@code --jitter-ms N}, {@code --fault-exempt PATH_PREFIX} (repeatable), {@code
 * --ingestion-delay-ms N}, {@code --feed SHOW_ID=URL} (repeatable), {@code --synthetic-show SHOW_ID=EPISODES}
 * (repeatable; see {@link SpotifySandbox.Builder#syntheticShow}), {@code --spike-rate R} with {@code
 * --spike-ms N} (latency spikes), {@code --quirks Q} (default {@code none}: strict answers by
 * Spotify's OpenAPI document; {@code real-world} for every {@linkplain SpotifyQuirk quirk} of the
 * live API, or a comma-separated list of quirk names such as {@code null-added-by}; see {@link
 * SpotifyQuirk#parse}). Prints the base URL on the
 * first line ({@code Spotify sandbox listening on http://127.0.0.1:PORT}), then the endpoints and
 * credentials.
 */
public final class SpotifySandboxMain {

  private SpotifySandboxMain() {}

  /** Starts the sandbox; exits with status 2 on bad arguments. */
  public static void main(String[] args) throws InterruptedException {
    SpotifySandbox.Builder builder = SpotifySandbox.builder();
    FaultOptions faults = new FaultOptions();
    long seed = 0;
    var feeds = new java.util.LinkedHashMap<String, URI>();
    try {
      for (int i = 0; i < args.length; i++) {
        String option = args[i];
        if (option.equals("--help") || option.equals("-h")) {
          System.out.println("usage: SpotifySandboxMain [--port N] [--bind ADDRESS] [--state-dir D] [--seed S] " + FaultOptions.USAGE
              + " [--ingestion-delay-ms N] [--feed SHOW_ID=URL] [--synthetic-show SHOW_ID=EPISODES]"
              + " [--quirks none|real-world|QUIRK,...]");
          System.out.println("quirks (default none, strict by Spotify's OpenAPI document):");
          for (SpotifyQuirk quirk : SpotifyQuirk.values()) {
            System.out.println("  " + quirk.optionName());
          }
          return;
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
          case "--ingestion-delay-ms": builder.ingestionDelay(Duration.ofMillis(Long.parseLong(value))); break;
          case "--quirks": builder.quirks(SpotifyQuirk.parse(value)); break;
          case "--feed": {
            String[] feed = showAndValue(option, value, "URL");
            feeds.put(feed[0], URI.create(feed[1]));
            break;
          }
          case "--synthetic-show": {
            String[] show = showAndValue(option, value, "EPISODES");
            builder.syntheticShow(show[0], Integer.parseInt(show[1]));
            break;
          }
          default:
            if (!faults.accept(option, value)) {
              throw new IllegalArgumentException("unknown option " + option + " (try --help)");
            }
        }
      }
      builder.faults(faults.build(seed));
    } catch (IllegalArgumentException e) {
      System.err.println("SpotifySandboxMain: " + e.getMessage());
      System.exit(2);
      return;
    }

    SpotifySandbox sandbox = builder.build();
    feeds.forEach(sandbox::registerFeed);
    SandboxMains.serveUntilStopped(sandbox, "spotify-sandbox",
        "Spotify sandbox listening on " + sandbox.baseUri(),
        "  web api:       " + sandbox.apiBaseUri(),
        "  web view:      " + sandbox.baseUri() + "/",
        "  token url:     " + sandbox.tokenUri(),
        "  authorize url: " + sandbox.authorizeUri(),
        "  client id:     " + sandbox.clientId(),
        "  client secret: " + sandbox.clientSecret(),
        "  faults:        " + sandbox.faults(),
        "  quirks:        " + (sandbox.quirks().isEmpty() ? "none (strict)" : sandbox.quirks().stream().map(SpotifyQuirk::optionName).toList()),
        sandbox.stateFile().map(f -> "  state file:    " + f).orElse(""));
  }

  /** Splits {@code SHOW_ID=VALUE}; the error names the option and the form it wants. */
  private static String[] showAndValue(String option, String value, String valueName) {
    int eq = value.indexOf('=');
    if (eq < 1) {
      throw new IllegalArgumentException(option + " wants SHOW_ID=" + valueName + ", got " + value);
    }
    return new String[] {value.substring(0, eq), value.substring(eq + 1)};
  }
}
