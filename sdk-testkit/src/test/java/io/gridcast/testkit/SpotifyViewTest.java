package io.gridcast.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpotifyViewTest {

  private final SpotifySandbox spotify = SpotifySandbox.builder().build();

  @AfterEach
  void close() {
    spotify.close();
  }

  @Test
  void theOverviewAtTheRootListsEveryShowAndPlaylist() {
    Pages.Page page = Pages.get(spotify.baseUri(), "/");

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.header("Content-Type")).isEqualTo("text/html; charset=utf-8");
    assertThat(page.html())
        .contains(">Trading Grid Weekly</a>", ">Lieferkette Live</a>", ">Partner Onboarding Academy</a>")
        .contains("href=\"/view/shows/" + SpotifyDemoData.SHOW_TRADING_GRID_WEEKLY + "\"")
        .contains(">Gridcast Demo Mix</a>", ">Store Ambience – Berlin Mitte</a>")
        .contains("href=\"/view/playlists/" + SpotifyDemoData.PLAYLIST_DEMO_MIX + "\"");
  }

  @Test
  void aShowPageListsItsNewestFiftyEpisodesAndLinksToOlderOnes() {
    String html = Pages.get(spotify.baseUri(), "/view/shows/" + SpotifyDemoData.SHOW_TRADING_GRID_WEEKLY).html();

    assertThat(html).contains("Episodes (60)", "Episode 60: Ask the architects", "Episode 11: Peak season readiness")
        .doesNotContain("Episode 10: API-first partners")
        .contains("href=\"/view/shows/" + SpotifyDemoData.SHOW_TRADING_GRID_WEEKLY + "?offset=50\"");
    assertThat(Pages.get(spotify.baseUri(), "/view/shows/" + SpotifyDemoData.SHOW_TRADING_GRID_WEEKLY + "?offset=50").html())
        .contains("Episode 10: API-first partners", "Episode 1: Onboarding a new supplier");
  }

  @Test
  void anEpisodeDescriptionHoldingAScriptIsShownAsText(@TempDir Path dir) {
    URI feed = Feeds.write(dir.resolve("feed.xml"), new Feeds.Item("hostile-1", "A hostile episode",
        "Listen &lt;script&gt;window.gridcastInjected = 1&lt;/script&gt; now", "12:00", "Mon, 01 Jun 2026 08:00:00 GMT", null))
        .toUri();
    spotify.registerFeed(SpotifyDemoData.SHOW_PARTNER_ACADEMY, feed);
    spotify.ingestNow();

    String html = Pages.get(spotify.baseUri(), "/view/shows/" + SpotifyDemoData.SHOW_PARTNER_ACADEMY).html();

    assertThat(html).contains("Listen &lt;script&gt;window.gridcastInjected = 1&lt;/script&gt; now")
        .doesNotContain("<script");
  }

  @Test
  void aPlaylistPageNamesItsTracksAndEpisodesAndWhatIsUnavailable() {
    String html = Pages.get(spotify.baseUri(), "/view/playlists/" + SpotifyDemoData.PLAYLIST_DEMO_MIX).html();

    assertThat(html).contains("Items (12)", "Kranlied · Nordlicht Ensemble", "episode: ", "Episode 60: Ask the architects",
        "local file", "unavailable track", "unavailable episode");
  }

  @Test
  void pagesAllowNoScriptAtAll() {
    Pages.Page page = Pages.get(spotify.baseUri(), "/");

    assertThat(page.header("Content-Security-Policy")).startsWith("default-src 'none';").doesNotContain("script-src");
    assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
  }

  @Test
  void anUnknownShowIsANotFoundPage() {
    Pages.Page page = Pages.get(spotify.baseUri(), "/view/shows/nosuchshow0000000000000");

    assertThat(page.status()).isEqualTo(404);
    assertThat(page.html()).contains("No show nosuchshow0000000000000 in the sandbox.");
  }
}
