package io.gridcast.bridge.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** JFreeChart is optional in sdk-bridge: flow 8 says what to add when it is missing. */
class PerformanceChartTest {

  @Test
  void withoutJFreeChartTheErrorNamesTheArtifactToAdd() {
    ClassLoader withoutJFreeChart = new ClassLoader(null) { }; // the platform's classes only

    assertThatThrownBy(() -> PerformanceChart.requireLibrary(withoutJFreeChart))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("org.jfree:jfreechart:" + PerformanceChart.TESTED_VERSION)
        .hasMessageContaining("flow 8");
  }

  @Test
  void withJFreeChartOnTheClassPathNothingIsMissing() {
    PerformanceChart.requireLibrary();
  }

  @Test
  void theVersionTheMessageNamesIsTheOneTheBuildUses() throws Exception {
    String parentPom = Files.readString(Path.of("..", "pom.xml"));
    Matcher version = Pattern.compile("<jfreechart.version>([^<]+)</jfreechart.version>").matcher(parentPom);

    assertThat(version.find()).isTrue();
    assertThat(PerformanceChart.TESTED_VERSION).isEqualTo(version.group(1));
  }
}
