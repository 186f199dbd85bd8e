package io.gridcast.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SandboxesMainTest {

  @Test
  void theFirstArgumentPicksTheSandboxAndTheRestGoesToItsMain() throws Exception {
    Process process = start("tradinggrid", "--port", "0", "--bind", "127.0.0.1");
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String first = out.readLine();
      assertThat(first).startsWith("Trading Grid sandbox listening on http://127.0.0.1:");
      URI base = URI.create(first.substring(first.indexOf("http://"), first.indexOf("/activecommunity")));
      assertThat(Pages.get(base, "/").html()).contains("Halvorsen &amp; Pike Supplier Community");
    } finally {
      process.destroy();
      assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void theSpotifySandboxPrintsWhereItsWebViewIs() throws Exception {
    Process process = start("spotify", "--port", "0");
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String first = out.readLine();
      assertThat(first).startsWith("Spotify sandbox listening on http://127.0.0.1:");
      String base = first.substring(first.indexOf("http://"));
      String view = out.lines().filter(line -> line.trim().startsWith("web view:")).findFirst().orElseThrow();
      assertThat(view.trim()).isEqualTo("web view:      " + base + "/");
    } finally {
      process.destroy();
      assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void anUnknownSandboxExitsWithStatusTwoAndTheUsage() throws Exception {
    Process process = start("stripe");

    assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isEqualTo(2);
    assertThat(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
        .contains("unknown sandbox stripe; usage: java -jar sdk-testkit-<version>-standalone.jar spotify|tradinggrid");
  }

  private static Process start(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), SandboxesMain.class.getName()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }
}
