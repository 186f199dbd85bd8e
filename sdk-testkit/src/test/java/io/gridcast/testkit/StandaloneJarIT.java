package io.gridcast.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The standalone jar as a user runs it: {@code java -jar sdk-testkit-<version>-standalone.jar},
 * with nothing on the class path but the jar (run by failsafe after {@code package}).
 */
class StandaloneJarIT {

  private static final Path JAR = Path.of(System.getProperty("gridcast.standaloneJar", "target/missing-standalone.jar"));

  @Test
  void theTradingGridSandboxStartsFromTheJarAndServesItsCommunityView() throws Exception {
    Process process = javaJar("tradinggrid", "--port", "0");
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String first = out.readLine();
      assertThat(first).startsWith("Trading Grid sandbox listening on http://127.0.0.1:");
      URI base = URI.create(first.substring(first.indexOf("http://"), first.indexOf("/activecommunity")));
      assertThat(Pages.get(base, "/").html()).contains("Halvorsen &amp; Pike Supplier Community");
    } finally {
      stop(process);
    }
  }

  @Test
  void theSpotifySandboxStartsFromTheJarStrictOrWithQuirks() throws Exception {
    Process process = javaJar("spotify", "--port", "0", "--quirks", "real-world");
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String first = out.readLine();
      assertThat(first).startsWith("Spotify sandbox listening on http://127.0.0.1:");
      URI base = URI.create(first.substring(first.indexOf("http://")));
      assertThat(Pages.get(base, "/").html()).contains("<h1>Spotify sandbox</h1>", "5 shows");
      assertThat(out.lines().anyMatch(line -> line.startsWith("  quirks:") && line.contains("deprecated-fields-omitted") && line.contains("null-local-file-fields"))).isTrue();
    } finally {
      stop(process);
    }
  }

  @Test
  void withoutArgumentsTheJarPrintsItsUsageAndExitsWithStatusTwo() throws Exception {
    Process process = javaJar();

    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isEqualTo(2);
    assertThat(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
        .contains("usage: java -jar sdk-testkit-<version>-standalone.jar spotify|tradinggrid");
  }

  private static Process javaJar(String... args) throws Exception {
    assertThat(JAR).as("the standalone jar (built by mvn package)").satisfies(jar -> assertThat(Files.isRegularFile(jar)).isTrue());
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", JAR.toString()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }

  private static void stop(Process process) throws InterruptedException {
    process.destroy();
    assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
  }
}
