package io.gridcast.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpotifySandboxMainTest {

  @TempDir
  Path dir;

  @Test
  void theStandaloneMainPrintsItsBaseUrlAndAnswers() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
        "io.gridcast.testkit.SpotifySandboxMain", "--port", "0", "--state-dir", dir.toString(), "--seed", "9", "--fault-exempt", "/api/token"))
        .redirectErrorStream(true)
        .start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String first = out.readLine();
      assertThat(first).startsWith("Spotify sandbox listening on http://127.0.0.1:");
      String base = first.substring(first.indexOf("http://"));

      Http.Reply token = Http.form(base + "/api/token", SpotifyDemoData.CLIENT_ID + ":" + SpotifyDemoData.CLIENT_SECRET,
          "grant_type=client_credentials");
      assertThat(token.status()).isEqualTo(200);
      Http.Reply show = Http.get(base + "/v1/shows/" + SpotifyDemoData.SHOW_PARTNER_ACADEMY, token.json().get("access_token").asText());
      assertThat(show.status()).isEqualTo(200);
      assertThat(show.json().get("name").asText()).isEqualTo("Partner Onboarding Academy");
    } finally {
      process.destroy();
      assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void theStandaloneMainReproducesTheQuirksItIsGivenByName() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
        "io.gridcast.testkit.SpotifySandboxMain", "--port", "0", "--quirks", "null-unavailable-items"))
        .redirectErrorStream(true)
        .start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String first = out.readLine();
      String base = first.substring(first.indexOf("http://"));
      String quirks = out.lines().filter(line -> line.trim().startsWith("quirks:")).findFirst().orElseThrow();
      assertThat(quirks).contains("null-unavailable-items");

      Http.Reply token = Http.form(base + "/api/token", SpotifyDemoData.CLIENT_ID + ":" + SpotifyDemoData.CLIENT_SECRET,
          "grant_type=client_credentials");
      Http.Reply items = Http.get(base + "/v1/playlists/" + SpotifyDemoData.PLAYLIST_DEMO_MIX + "/items?limit=50",
          token.json().get("access_token").asText());
      assertThat(items.json().at("/items/5/item").isNull()).isTrue();
      assertThat(items.json().at("/items/5").has("added_by")).isTrue();
    } finally {
      process.destroy();
      assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
    }
  }
}
