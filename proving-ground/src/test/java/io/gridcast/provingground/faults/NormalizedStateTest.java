package io.gridcast.provingground.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridcast.core.http.TransportConfig;
import io.gridcast.testkit.TradingGridDemoData;
import io.gridcast.testkit.TradingGridResource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The comparison the fault suite rests on: two pairs driven through the same scenario have the
 * same {@link NormalizedState}, although their sandboxes listen on other ports, stamp other times
 * and (here, after one extra post) draw other ids; a duplicate or a half-applied update on one of
 * them shows.
 */
class NormalizedStateTest {

  @TempDir
  Path dir;

  private final FlowScenario scenario = FlowScenarios.episodeAnnouncements();
  private SandboxPair one;
  private SandboxPair other;
  private Set<String> otherInitialIds;
  private SortedMap<String, List<String>> expected;

  @BeforeEach
  void driveTwoPairsAlike() {
    one = SandboxPair.start(dir.resolve("one"), FlowsUnderFaultsTest.faultless(), TransportConfig.builder().build());
    other = SandboxPair.start(dir.resolve("other"), FlowsUnderFaultsTest.faultless(), TransportConfig.builder().build());
    Set<String> oneInitialIds = NormalizedState.ids(SandboxState.read(one, scenario.feedFiles()));
    otherInitialIds = NormalizedState.ids(SandboxState.read(other, scenario.feedFiles()));
    ScenarioDriver driver = new ScenarioDriver(3);
    assertThat(driver.drive(scenario, one).converged()).isTrue();
    // the other pair draws its ids in another order: an unrelated post first
    other.tradingGridSandbox.create(TradingGridResource.POSTS, JsonNodeFactory.instance.objectNode()
        .put("kind", "announcement").put("title", "Drawn first").put("body", "").set("audience", audience()));
    assertThat(driver.drive(scenario, other).converged()).isTrue();
    expected = NormalizedState.of(SandboxState.read(one, scenario.feedFiles()), oneInitialIds);
  }

  @AfterEach
  void stop() {
    one.close();
    other.close();
  }

  @Test
  void idsDrawnInAnotherOrderDoNotCountOnlyWhatWasWrittenDoes() {
    SortedMap<String, List<String>> actual = actual();

    assertThat(NormalizedState.difference(expected, actual)).containsOnlyKeys("tradinggrid:posts")
        .allSatisfy((kind, lines) -> assertThat(lines).singleElement().asString().startsWith("extra:").contains("Drawn first"));
    assertThat(expected.get("tradinggrid:posts")).anySatisfy(p -> assertThat(p).contains("⟨tradinggrid:posts:spotify:episode:"));
  }

  @Test
  void aDuplicateShows() {
    JsonNode announcement = announcement();
    ObjectNode copy = announcement.deepCopy();
    copy.remove(List.of("id", "version", "createdAt", "updatedAt"));
    other.tradingGridSandbox.create(TradingGridResource.POSTS, copy);

    assertThat(NormalizedState.difference(expected, actual()).get("tradinggrid:posts"))
        .anySatisfy(line -> assertThat(line).startsWith("extra:").contains(announcement.path("externalRef").asText() + "#2"));
  }

  @Test
  void aHalfAppliedUpdateShows() {
    JsonNode announcement = announcement();
    other.tradingGridSandbox.update(TradingGridResource.POSTS, announcement.path("id").asText(),
        JsonNodeFactory.instance.objectNode().put("body", announcement.path("body").asText() + " (an older text)"));

    assertThat(NormalizedState.difference(expected, actual()).get("tradinggrid:posts"))
        .anySatisfy(line -> assertThat(line).startsWith("missing:").contains(announcement.path("externalRef").asText()))
        .anySatisfy(line -> assertThat(line).startsWith("extra:").contains("(an older text)"));
  }

  private JsonNode announcement() {
    return other.tradingGridSandbox.resources(TradingGridResource.POSTS).stream()
        .filter(p -> p.path("externalRef").asText().startsWith("spotify:episode:")).findFirst().orElseThrow();
  }

  private SortedMap<String, List<String>> actual() {
    return NormalizedState.of(SandboxState.read(other, scenario.feedFiles()), otherInitialIds);
  }

  private static ObjectNode audience() {
    ObjectNode audience = JsonNodeFactory.instance.objectNode();
    audience.putArray("groupIds").add(TradingGridDemoData.GROUP_EMEA);
    audience.putArray("partnerIds");
    return audience;
  }
}
