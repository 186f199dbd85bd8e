package io.gridcast.spotify;

import static io.gridcast.testkit.SpotifyDemoData.PLAYLIST_STORE_BERLIN;
import static io.gridcast.testkit.SpotifyDemoData.SHOW_PARTNER_ACADEMY;
import static io.gridcast.testkit.SpotifyDemoData.SHOW_TRADING_GRID_WEEKLY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridcast.core.errors.BadRequestException;
import io.gridcast.core.errors.NotFoundException;
import io.gridcast.core.errors.UnauthorizedException;
import io.gridcast.core.paging.Page;
import io.gridcast.spotify.model.SimplifiedPlaylist;
import io.gridcast.spotify.model.SimplifiedShow;
import io.gridcast.spotify.model.Track;
import io.gridcast.spotify.model.User;
import io.gridcast.testkit.SpotifyDemoData;
import io.gridcast.testkit.SpotifySandbox;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Search, the current user and error typing against the in-process Spotify sandbox, strict and
 * with the live API's quirks; every exchange is held to Spotify's OpenAPI document.
 */
@ParameterizedClass
@EnumSource(SandboxMode.class)
class SearchAndProfileSandboxTest {

  @Parameter
  SandboxMode mode;

  private static SpotifySandbox sandbox;
  private static final RequestLog log = new RequestLog();
  private static ContractValidatingInterceptor contract;
  private static SpotifyClient app;
  private static SpotifyClient user;

  @BeforeParameterizedClassInvocation
  static void start(SandboxMode mode) {
    sandbox = mode.sandbox().build();
    contract = mode.contract();
    app = TestClients.app(sandbox, 4, log, contract);
    user = TestClients.user(sandbox, 50, new RequestLog(), contract);
  }

  @AfterParameterizedClassInvocation
  static void stop() {
    app.close();
    user.close();
    sandbox.close();
  }

  @BeforeEach
  void clearLog() {
    log.clear();
    contract.clear();
  }

  @AfterEach
  void everyExchangeFollowedSpotifysContract() {
    assertThat(contract.violations()).as("violations of Spotify's OpenAPI document in %s", contract.exchanges()).isEmpty();
  }

  @Test
  void searchFindsShowsWithinTheMarket() {
    List<String> everywhere = app.search().shows("training", null).stream().map(SimplifiedShow::id).toList();
    List<String> inFrance = app.search().shows("training", Market.of("FR")).stream().map(SimplifiedShow::id).toList();

    assertThat(everywhere).contains(SHOW_PARTNER_ACADEMY);
    assertThat(inFrance).doesNotContain(SHOW_PARTNER_ACADEMY);
  }

  @Test
  void searchFindsEpisodesTracksAndPlaylists() {
    assertThat(app.search().episodes("keynote", null).limit(4).stream().toList())
        .isNotEmpty().allSatisfy(e -> assertThat(e.name()).containsIgnoringCase("keynote"));
    assertThat(app.search().tracks("Kranlied", null).stream().map(Track::name).toList()).containsExactly("Kranlied");
    assertThat(app.search().playlists("Berlin", null).stream().map(SimplifiedPlaylist::id).toList())
        .containsExactly(PLAYLIST_STORE_BERLIN);
  }

  @Test
  void nullPlaylistEntriesInSearchResultsAreDropped() {
    Page<SimplifiedPlaylist> page = app.search().playlists("store ambience", null).firstPage();

    // the live API still counts a retired playlist, as a null entry; a strict sandbox leaves it out
    assertThat(page.total()).hasValue(mode.strict() ? 1 : 2);
    assertThat(page.items()).extracting(SimplifiedPlaylist::id).containsExactly(PLAYLIST_STORE_BERLIN);
  }

  @Test
  void aBlankQueryIsRefusedBeforeSending() {
    assertThatThrownBy(() -> app.search().shows("  ", null)).isInstanceOf(IllegalArgumentException.class);
    assertThat(log.size()).isZero();
  }

  @Test
  void anUnknownSearchTypeIsABadRequestWithSpotifysMessage() {
    assertThatThrownBy(() -> app.search().raw("grid", "show,podcast", null, 5, 0))
        .isInstanceOfSatisfying(BadRequestException.class,
            e -> assertThat(e.errorMessage()).hasValueSatisfying(m -> assertThat(m).contains("podcast")));
    // the request breaks Spotify's document on purpose: it names no type "podcast" either
    assertThat(contract.violations()).singleElement().asString().contains("request").contains("\"podcast\"");
    contract.clear();
  }

  @Test
  void meReturnsTheCurrentUsersPrivateProfile() {
    User me = user.me();

    assertThat(me.id()).isEqualTo(SpotifyDemoData.CURRENT_USER_ID);
    assertThat(me.displayName()).contains("Gridcast Demo");
    assertThat(me.email()).contains("demo@gridcast.example");
    assertThat(me.country()).contains("DE");
  }

  @Test
  void meWithAnAppTokenIsUnauthorized() {
    assertThatThrownBy(app::me).isInstanceOfSatisfying(UnauthorizedException.class,
        e -> assertThat(e.status()).isEqualTo(401));
  }

  @Test
  void anUnknownPlaylistIsNotFound() {
    assertThatThrownBy(() -> app.playlists().get("0000000000000000000000"))
        .isInstanceOfSatisfying(NotFoundException.class, e -> {
          assertThat(e.method()).isEqualTo("GET");
          assertThat(e.url()).contains("/v1/playlists/0000000000000000000000");
        });
  }

  @Test
  void aPlaylistReadAsynchronouslyMatchesTheBlockingRead() throws Exception {
    assertThat(user.playlists().getAsync(PLAYLIST_STORE_BERLIN, null).get().snapshotId())
        .isEqualTo(user.playlists().get(PLAYLIST_STORE_BERLIN).snapshotId());
    assertThat(app.shows().getAsync(SHOW_TRADING_GRID_WEEKLY, Market.of("DE")).get().name())
        .isEqualTo("Trading Grid Weekly");
  }
}
