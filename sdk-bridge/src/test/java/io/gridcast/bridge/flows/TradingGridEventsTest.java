package io.gridcast.bridge.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridcast.bridge.ChangeFeed;
import io.gridcast.bridge.testing.Sandboxes;
import io.gridcast.testkit.TradingGridDemoData;
import io.gridcast.tradinggrid.model.EventType;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Trading Grid events feed as a change feed, against the sandbox's real events. */
class TradingGridEventsTest {

  private Sandboxes sandboxes;

  @BeforeEach
  void start() {
    sandboxes = Sandboxes.start();
  }

  @AfterEach
  void stop() {
    sandboxes.close();
  }

  @Test
  void anIssueResolvedAfterThePositionWakesTheFlowsMappedToItsTypeOnce() {
    TradingGridEvents feed = TradingGridEvents.of(sandboxes.tradingGrid)
        .wake("issue-audio-updates", EventType.ISSUE_RESOLVED)
        .wake("business-music", EventType.SITE_REQUEST_CREATED);
    ChangeFeed.Changes history = feed.read(Optional.empty()); // the demo data's own events
    String position = history.position().orElseThrow();

    sandboxes.tradingGridSandbox.resolveIssue(TradingGridDemoData.ISSUE_OPEN, "Duplicates are refused at the gateway.");
    ChangeFeed.Changes changes = feed.read(Optional.of(position));

    assertThat(changes.flows()).containsExactly("issue-audio-updates");
    assertThat(changes.position()).isPresent().isNotEqualTo(Optional.of(position));
    ChangeFeed.Changes quiet = feed.read(changes.position());
    assertThat(quiet.flows()).isEmpty();
    assertThat(quiet.position()).isEqualTo(changes.position()); // nothing new: the cursor stays
  }

  @Test
  void theFeedIsNamedAfterItsCommunityAndMustBeToldWhatToWake() {
    TradingGridEvents feed = TradingGridEvents.of(sandboxes.tradingGrid);

    assertThat(feed.name()).isEqualTo("tradinggrid-events." + sandboxes.tradingGrid.communityId());
    assertThat(feed.read(Optional.empty()).flows()).isEmpty();
    assertThatThrownBy(() -> feed.wake("a-flow")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("event types");
  }
}
