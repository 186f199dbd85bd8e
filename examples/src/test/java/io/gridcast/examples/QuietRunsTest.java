package io.gridcast.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridcast.bridge.Bridge;
import io.gridcast.bridge.Flow;
import io.gridcast.bridge.RunReport;
import io.gridcast.testkit.SandboxExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a run costs when nothing changed: each example flow runs on its own embedded sandboxes until
 * it has taken in everything the demo does, then once more with every request both sandboxes
 * answer recorded. A quiet run writes nothing; the requests it reads are written to {@code
 * target/quiet-runs.md} (the table in BENCHMARKS.md comes from there).
 */
class QuietRunsTest {

  /** Requests a sandbox answered, token requests left out. */
  private static final class Recorder {
    final List<SandboxExchange> exchanges = new CopyOnWriteArrayList<>();

    void add(SandboxExchange e) {
      if (!e.path().contains("token")) {
        exchanges.add(e);
      }
    }

    /** Waits until the sandbox has told of every exchange (it tells after answering). */
    List<SandboxExchange> settled() throws InterruptedException {
      int seen;
      int rounds = 0;
      do {
        seen = exchanges.size();
        Thread.sleep(50);
      } while (exchanges.size() != seen && ++rounds < 100);
      return List.copyOf(exchanges);
    }
  }

  private static String shape(SandboxExchange e) {
    String path = e.path().replaceAll("/[A-Za-z0-9]{22}(?=/|$)", "/{id}").replaceAll("/(c|iss|cmp|site|frm|thr|apr|doc|pst)_[A-Za-z0-9_]+", "/{id}");
    return e.method() + " " + path;
  }

  private static String summary(List<SandboxExchange> exchanges) {
    if (exchanges.isEmpty()) {
      return "none";
    }
    Map<String, Long> byShape = exchanges.stream()
        .collect(Collectors.groupingBy(QuietRunsTest::shape, TreeMap::new, Collectors.counting()));
    return byShape.entrySet().stream().map(e -> e.getValue() + "× `" + e.getKey() + "`").collect(Collectors.joining(", "));
  }

  @Test
  void aQuietRunOfEveryFlowWritesNothingAndWhatItReadsIsRecorded(@TempDir Path dir) throws Exception {
    StringBuilder table = new StringBuilder()
        .append("| flow | Spotify requests | Trading Grid requests | what they are |\n")
        .append("|---|---:|---:|---|\n");
    Map<String, Integer> spotifyByFlow = new TreeMap<>();
    for (Example example : Examples.ALL) {
      try (Environment env = Environment.open(dir.resolve(example.name()), true, Map.of())) {
        Bridge bridge = Bridge.builder().stateStore(env.stateStore()).build();
        Flow<?, ?> flow = example.flow(env);
        example.beforeRun(env);
        RunReport first = bridge.run(flow);
        if (example.afterRun(env, first)) {
          bridge.run(flow);
        }
        bridge.run(flow); // takes in anything the runs before left for the next one

        Recorder spotify = new Recorder();
        Recorder tradingGrid = new Recorder();
        env.spotifySandbox().observer(spotify::add);
        env.tradingGridSandbox().observer(tradingGrid::add);
        RunReport quiet = bridge.run(flow);
        List<SandboxExchange> s = spotify.settled();
        List<SandboxExchange> t = tradingGrid.settled();

        assertThat(quiet.created() + quiet.updated()).as("%s: a quiet run changes nothing", example.name()).isZero();
        assertThat(quiet.failed()).as(example.name()).isZero();
        assertThat(s).as("%s writes nothing to Spotify in a quiet run", example.name()).allMatch(e -> e.method().equals("GET"));
        assertThat(t).as("%s writes nothing to Trading Grid in a quiet run", example.name()).allMatch(e -> e.method().equals("GET"));
        spotifyByFlow.put(example.name(), s.size());
        table.append("| ").append(example.name()).append(" | ").append(s.size()).append(" | ").append(t.size())
            .append(" | Spotify: ").append(summary(s)).append("; Trading Grid: ").append(summary(t)).append(" |\n");
      }
    }
    // flow 1 reads each of its two shows down to its first page of known episodes: two requests a show
    assertThat(spotifyByFlow.get("episode-announcements")).isEqualTo(4);
    Path out = Path.of("target", "quiet-runs.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, table.toString(), StandardCharsets.UTF_8);
  }
}
