package io.gridcast.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridcast.spotify.SpotifyClient;
import io.gridcast.testkit.SpotifyDemoData;
import io.gridcast.testkit.TradingGridDemoData;
import io.gridcast.testkit.TradingGridSandbox;
import io.gridcast.testkit.junit.FromSandbox;
import io.gridcast.testkit.junit.GridcastSandboxes;
import io.gridcast.testkit.junit.SandboxFaults;
import io.gridcast.tradinggrid.TradingGridClient;
import org.junit.jupiter.api.Test;

/** The JUnit extension hands out clients ready for the sandboxes when the client modules are on the class path. */
@GridcastSandboxes
class SandboxClientsInjectionTest {

  @FromSandbox
  SpotifyClient spotifyField;

  @Test
  void aSpotifyClientReadsTheDemoShowsAsTheDemoUser(SpotifyClient spotify) {
    assertThat(spotify).isSameAs(spotifyField);
    assertThat(spotify.shows().get(SpotifyDemoData.SHOW_TRADING_GRID_WEEKLY).name()).isEqualTo("Trading Grid Weekly");
    assertThat(spotify.me().id()).isEqualTo(SpotifyDemoData.CURRENT_USER_ID);
  }

  @Test
  void theSpotifyClientMayWritePlaylists(SpotifyClient spotify) {
    String id = spotify.playlists().create("Written through the injected client", "", false, false).id();

    assertThat(spotify.playlists().get(id).name()).isEqualTo("Written through the injected client");
  }

  @Test
  void aTradingGridClientReadsTheDemoCommunity(TradingGridClient tradingGrid) {
    assertThat(tradingGrid.communityId()).isEqualTo(TradingGridSandbox.DEFAULT_COMMUNITY_ID);
    assertThat(tradingGrid.issues().get(TradingGridDemoData.ISSUE_OPEN).title())
        .isEqualTo("Duplicate EDI 850 purchase orders after gateway retry");
  }

  @Test
  // under seed 1 the first API call (token requests are spared) gets a 5xx and the second goes through
  @SandboxFaults(sandbox = SandboxFaults.Target.TRADING_GRID, serverErrorRate = 0.5, seed = 1)
  void theInjectedClientRetriesThroughTheFaultsATestAsksFor(TradingGridClient tradingGrid, TradingGridSandbox sandbox) {
    var seen = new java.util.concurrent.CopyOnWriteArrayList<Integer>();
    sandbox.observer(exchange -> seen.add(exchange.status()));

    assertThat(tradingGrid.posts().get(TradingGridDemoData.POST_Q3_REPORT).title()).isEqualTo("Q3 partner podcast performance");
    assertThat(seen).contains(200).anyMatch(status -> status >= 500);
    sandbox.observer(null);
  }
}
