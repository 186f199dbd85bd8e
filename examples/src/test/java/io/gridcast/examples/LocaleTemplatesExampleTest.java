package io.gridcast.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridcast.testkit.TradingGridResource;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code examples/run <flow> --locale de --templates DIR}: the posts come out in German, in the host's words where it has some. */
class LocaleTemplatesExampleTest {

  @TempDir Path dir;
  @TempDir Path templates;

  @Test
  void localeAndTemplatesOptionsShapeWhatTheFlowWrites() throws Exception {
    Files.createDirectories(templates.resolve("de"));
    Files.writeString(templates.resolve("de/performance-report.title.mustache"), "Hörerbericht {{start}} bis {{end}}");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    List<JsonNode> posts = new ArrayList<>();

    int exit = Launcher.run(new String[] {"performance-report", "--dir", dir.toString(), "--locale", "de",
        "--templates", templates.toString(), "--serve"}, new PrintStream(bytes, true, StandardCharsets.UTF_8), Map.of(),
        env -> posts.addAll(env.tradingGridSandbox().resources(TradingGridResource.POSTS)));

    assertThat(exit).as(bytes.toString(StandardCharsets.UTF_8)).isZero();
    JsonNode report = posts.stream().filter(p -> p.path("metadata").has("dataSha256")).findFirst().orElseThrow();
    assertThat(report.path("title").asText()).matches("Hörerbericht \\d{1,2}\\. \\p{L}+ \\d{4} bis \\d{1,2}\\. \\p{L}+ \\d{4}");
    assertThat(report.path("body").asText()).startsWith("Leistung von **").contains("| Folge | Sendung | Erschienen |")
        .contains("| **Summe** |").containsPattern("\\| \\d{1,3}(\\.\\d{3})+ \\|") // German thousands
        .contains("Angehängt: das Tagesdiagramm");
  }

  @Test
  void aWrongLocaleIsRefusedBeforeAnythingRuns() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Launcher.run(new String[] {"performance-report", "--dir", dir.toString(),
        "--locale", "!!"}, new PrintStream(bytes, true, StandardCharsets.UTF_8), Map.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--locale");
  }
}
