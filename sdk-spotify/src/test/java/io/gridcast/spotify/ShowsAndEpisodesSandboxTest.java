package io.gridcast.spotify;

import static io.gridcast.testkit.SpotifyDemoData.SHOW_ARCHIVE_SESSIONS;
import static io.gridcast.testkit.SpotifyDemoData.SHOW_CADENA_AL_DIA;
import static io.gridcast.testkit.SpotifyDemoData.SHOW_LIEFERKETTE_LIVE;
import static io.gridcast.testkit.SpotifyDemoData.SHOW_PARTNER_ACADEMY;
import static io.gridcast.testkit.SpotifyDemoData.SHOW_TRADING_GRID_WEEKLY;
import static io.gridcast.testkit.SpotifyDemoData.episodeId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gridcast.core.errors.NotFoundException;
import io.gridcast.core.errors.UnauthorizedException;
import io.gridcast.spotify.model.Episode;
import io.gridcast.spotify.model.ReleaseDatePrecision;
import io.gridcast.spotify.model.SavedEpisode;
import io.gridcast.spotify.model.SavedShow;
import io.gridcast.spotify.model.Show;
import io.gridcast.spotify.model.SimplifiedEpisode;
import io.gridcast.testkit.SpotifySandbox;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Shows and episodes against the in-process Spotify sandbox, strict and with the live API's
 * quirks; every exchange is held to Spotify's OpenAPI document.
 */
@ParameterizedClass
@EnumSource(SandboxMode.class)
class ShowsAndEpisodesSandboxTest {

  @Parameter
  SandboxMode mode;

  private static final String UNKNOWN_ID = "0000000000000000000000";

  private static SpotifySandbox sandbox;
  private static final RequestLog log = new RequestLog();
  private static ContractValidatingInterceptor contract;
  private static SpotifyClient app;
  private static SpotifyClient user;

  @BeforeParameterizedClassInvocation
  static void start(SandboxMode mode) {
    sandbox = mode.sandbox().build();
    contract = mode.contract();
    app = TestClients.app(sandbox, 7, log, contract);
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
  void getReturnsTheShowWithItsNewestEpisodesFirst() {
    Show show = app.shows().get(SHOW_TRADING_GRID_WEEKLY);

    assertThat(show.name()).isEqualTo("Trading Grid Weekly");
    assertThat(show.totalEpisodes()).contains(60);
    assertThat(show.episodes().items().get(0).id()).isEqualTo(episodeId(SHOW_TRADING_GRID_WEEKLY, 59));
  }

  @Test
  void getAcceptsAShowUriAndAnOpenSpotifyLink() {
    assertThat(app.shows().get("spotify:show:" + SHOW_CADENA_AL_DIA).id()).isEqualTo(SHOW_CADENA_AL_DIA);
    assertThat(app.shows().get("https://open.spotify.com/show/" + SHOW_CADENA_AL_DIA + "?si=abc").id())
        .isEqualTo(SHOW_CADENA_AL_DIA);
  }

  @Test
  void aMalformedOrMistypedIdIsRefusedBeforeAnyRequest() {
    assertThatThrownBy(() -> app.shows().get("abc")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Not a Spotify id");
    assertThatThrownBy(() -> app.shows().get("spotify:episode:" + episodeId(SHOW_TRADING_GRID_WEEKLY, 1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected a show");
    assertThat(log.size()).isZero();
  }

  @Test
  void aShowOutsideTheRequestedMarketIsNotFound() {
    assertThatThrownBy(() -> app.shows().get(SHOW_PARTNER_ACADEMY, Market.of("FR")))
        .isInstanceOfSatisfying(NotFoundException.class, e -> {
          assertThat(e.status()).isEqualTo(404);
          assertThat(e.errorMessage()).hasValueSatisfying(m -> assertThat(m).contains("Non existing id"));
        });
    assertThat(app.shows().get(SHOW_PARTNER_ACADEMY, Market.of("JP")).availableMarkets())
        .hasValueSatisfying(m -> assertThat(m).contains("JP"));
  }

  @Test
  void anOlderShowPayloadWithoutHtmlDescriptionTotalEpisodesOrMarketsDecodes() {
    assumeTrue(mode == SandboxMode.REAL_WORLD, "only real-world payloads lack them");

    Show archive = app.shows().get(SHOW_ARCHIVE_SESSIONS);

    assertThat(archive.htmlDescription()).isEmpty();
    assertThat(archive.totalEpisodes()).isEmpty();
    assertThat(archive.availableMarkets()).isEmpty();
    assertThat(archive.description()).contains("partner conference archive");
  }

  @Test
  void theArchiveShowAnsweredStrictlyCarriesItsHtmlDescriptionEpisodeCountAndMarkets() {
    assumeTrue(mode.strict(), "a strict sandbox sends every field the document requires");

    Show archive = app.shows().get(SHOW_ARCHIVE_SESSIONS);

    assertThat(archive.htmlDescription()).contains("<p>Recordings from the partner conference archive, in English and French.</p>");
    assertThat(archive.totalEpisodes()).contains(14);
    assertThat(archive.availableMarkets()).hasValueSatisfying(m -> assertThat(m).contains("BR", "DE", "JP"));
  }

  @Test
  void getManyKeepsTheRequestOrderAndReportsUnknownIdsAsMissing() {
    BatchResult<Show> result = app.shows().getMany(List.of(SHOW_ARCHIVE_SESSIONS, UNKNOWN_ID, SHOW_TRADING_GRID_WEEKLY), null);

    assertThat(result.found()).extracting(Show::id).containsExactly(SHOW_ARCHIVE_SESSIONS, SHOW_TRADING_GRID_WEEKLY);
    assertThat(result.missingIds()).containsExactly(UNKNOWN_ID);
    assertThat(log.count("GET", "/v1/shows/" + UNKNOWN_ID)).isEqualTo(1);
  }

  @Test
  void getManyRefusesABadIdBeforeSendingAnyRequest() {
    assertThatThrownBy(() -> app.shows().getMany(List.of(SHOW_TRADING_GRID_WEEKLY, "not-an-id"), null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(log.size()).isZero();
  }

  @Test
  void episodesPageLazilyThroughEveryPageNewestFirst() {
    List<SimplifiedEpisode> all = app.shows().episodes(SHOW_TRADING_GRID_WEEKLY, null).stream().toList();

    List<String> expected = IntStream.rangeClosed(0, 59).map(i -> 59 - i)
        .mapToObj(i -> episodeId(SHOW_TRADING_GRID_WEEKLY, i)).toList();
    assertThat(all).extracting(SimplifiedEpisode::id).containsExactlyElementsOf(expected);
    assertThat(all).extracting(SimplifiedEpisode::releaseDate).isSortedAccordingTo((a, b) -> b.compareTo(a));
    assertThat(log.count("GET", "/v1/shows/" + SHOW_TRADING_GRID_WEEKLY + "/episodes")).isEqualTo(9); // 60 in pages of 7
  }

  @Test
  void aLimitedIterationFetchesOnlyThePagesItNeeds() {
    List<SimplifiedEpisode> first10 = app.shows().episodes(SHOW_TRADING_GRID_WEEKLY, null).limit(10).stream().toList();

    assertThat(first10).hasSize(10);
    assertThat(log.count("GET", "/v1/shows/" + SHOW_TRADING_GRID_WEEKLY + "/episodes")).isEqualTo(2);
  }

  @Test
  void archiveEpisodesKeepTheirYearAndMonthPrecision() {
    List<SimplifiedEpisode> archive = app.shows().episodes(SHOW_ARCHIVE_SESSIONS, null).stream().toList();

    assertThat(archive).hasSize(14);
    assertThat(archive.stream().map(SimplifiedEpisode::releaseDatePrecision).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder(ReleaseDatePrecision.YEAR, ReleaseDatePrecision.MONTH);
    assertThat(archive.get(0).releaseDate().toString()).isEqualTo("2020-07");
    assertThat(archive.get(archive.size() - 1).releaseDate().toString()).isEqualTo("2012");
    assertThat(archive).allSatisfy(e -> assertThat(e.htmlDescription().isPresent()).isEqualTo(mode.strict()));
  }

  @Test
  void theMarketIsSentWithEveryPageOfEpisodes() {
    List<SimplifiedEpisode> all = app.shows().episodes(SHOW_PARTNER_ACADEMY, Market.of("DE")).stream().toList();
    assertThat(all).hasSize(10);

    assertThatThrownBy(() -> app.shows().episodes(SHOW_PARTNER_ACADEMY, Market.of("FR")).firstPage())
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void savedShowsListTheUsersLibrary() {
    List<SavedShow> saved = user.shows().saved().stream().toList();

    assertThat(saved).extracting(s -> s.show().id())
        .containsExactly(SHOW_TRADING_GRID_WEEKLY, SHOW_LIEFERKETTE_LIVE, SHOW_PARTNER_ACADEMY);
    assertThat(saved.get(0).addedAt()).isNotNull();
  }

  @Test
  void anAppTokenCannotReadTheUsersLibrary() {
    assertThatThrownBy(() -> app.shows().saved().firstPage()).isInstanceOf(UnauthorizedException.class);
  }

  @Test
  void anEpisodeComesWithItsShow() {
    Episode episode = app.episodes().get(episodeId(SHOW_TRADING_GRID_WEEKLY, 59));

    assertThat(episode.show().id()).isEqualTo(SHOW_TRADING_GRID_WEEKLY);
    assertThat(episode.name()).startsWith("Episode 60:");
    assertThat(episode.releaseDatePrecision()).isEqualTo(ReleaseDatePrecision.DAY);
  }

  @Test
  void anEpisodeWithoutTheDeprecatedLanguageAndPreviewDecodes() {
    Episode episode = app.episodes().get(episodeId(SHOW_LIEFERKETTE_LIVE, 3));

    assertThat(episode.language()).isEmpty();
    assertThat(episode.audioPreviewUrl()).isEmpty();
    assertThat(episode.languages()).containsExactly("de");
  }

  @Test
  void getManyEpisodesKeepsOrderAndReportsUnknownIds() {
    List<String> ids = List.of(episodeId(SHOW_CADENA_AL_DIA, 4), UNKNOWN_ID, episodeId(SHOW_TRADING_GRID_WEEKLY, 0));

    BatchResult<Episode> result = app.episodes().getMany(ids, null);

    assertThat(result.found()).extracting(Episode::id).containsExactly(ids.get(0), ids.get(2));
    assertThat(result.missingIds()).containsExactly(UNKNOWN_ID);
  }

  @Test
  void savedEpisodesListTheUsersEpisodesWithTheirShows() {
    List<SavedEpisode> saved = user.episodes().saved(null).stream().toList();

    assertThat(saved).extracting(s -> s.episode().id()).containsExactly(
        episodeId(SHOW_TRADING_GRID_WEEKLY, 57), episodeId(SHOW_TRADING_GRID_WEEKLY, 55),
        episodeId(SHOW_CADENA_AL_DIA, 12), episodeId(SHOW_ARCHIVE_SESSIONS, 3));
    assertThat(saved.get(3).episode().releaseDatePrecision()).isEqualTo(ReleaseDatePrecision.YEAR);
  }

  @Test
  void asyncReadsCompleteWithTheModelOrTheTypedError() throws Exception {
    assertThat(app.shows().getAsync(SHOW_TRADING_GRID_WEEKLY, null).get(10, TimeUnit.SECONDS).id())
        .isEqualTo(SHOW_TRADING_GRID_WEEKLY);
    assertThat(app.episodes().getAsync(episodeId(SHOW_CADENA_AL_DIA, 0), null).get(10, TimeUnit.SECONDS).explicit())
        .isTrue();
    assertThatThrownBy(() -> app.shows().getAsync(UNKNOWN_ID, null).get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(NotFoundException.class);
  }
}
