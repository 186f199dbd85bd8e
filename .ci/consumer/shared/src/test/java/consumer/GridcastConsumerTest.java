package consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gridcast.bridge.Bridge;
import io.gridcast.bridge.RunReport;
import io.gridcast.bridge.flows.EpisodeAnnouncementsConfig;
import io.gridcast.bridge.flows.EpisodeAnnouncementsFlow;
import io.gridcast.bridge.flows.PerformanceReportConfig;
import io.gridcast.bridge.flows.PerformanceReportFlow;
import io.gridcast.bridge.state.InMemoryStateStore;
import io.gridcast.core.Secret;
import io.gridcast.spotify.SpotifyClient;
import io.gridcast.spotify.analytics.CsvAnalyticsSource;
import io.gridcast.testkit.SpotifyDemoData;
import io.gridcast.testkit.SpotifySandbox;
import io.gridcast.testkit.TradingGridSandbox;
import io.gridcast.tradinggrid.TradingGridClient;
import java.io.File;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What a new user of Gridcast gets: built outside the reactor by .ci/consumer-check, from the
 * published poms only (the BOM, sdk-bridge and sdk-testkit), with no help from Gridcast's parent.
 */
class GridcastConsumerTest {

  private static final List<String> CLASS_PATH = Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator));

  @Test
  void theClassPathHoldsExactlyOneOkHttpAndOneKotlinStandardLibrary() throws Exception {
    ClassLoader loader = getClass().getClassLoader();
    List<String> okhttpJars = jars("okhttp");
    List<String> kotlinJars = jars("kotlin-stdlib");
    System.out.printf("consumer: Java %s, OkHttp %s (%s), Kotlin %s (%s), Jackson %s%n",
        System.getProperty("java.version"), okhttp3.OkHttp.VERSION, names(okhttpJars),
        Class.forName("kotlin.KotlinVersion").getField("CURRENT").get(null), names(kotlinJars),
        com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION);

    assertEquals(1, Collections.list(loader.getResources("okhttp3/OkHttpClient.class")).size(), "okhttp3.OkHttpClient: " + okhttpJars);
    assertEquals(1, okhttpJars.size(), "OkHttp jars: " + okhttpJars);
    assertTrue(okhttp3.OkHttp.VERSION.startsWith("5."), "OkHttp 5.x, not " + okhttp3.OkHttp.VERSION);
    assertEquals(1, Collections.list(loader.getResources("kotlin/KotlinVersion.class")).size(), "Kotlin stdlib: " + kotlinJars);
    assertEquals(1, kotlinJars.size(), "Kotlin stdlib jars: " + kotlinJars);
  }

  @Test
  void episodeAnnouncementsRunAgainstTheSandboxesAndASecondRunFindsNothingNew() {
    try (SpotifySandbox spotifySandbox = SpotifySandbox.builder().build();
        TradingGridSandbox tradingGridSandbox = TradingGridSandbox.builder().start();
        SpotifyClient spotify = SpotifyClient.builder()
            .baseUrl(spotifySandbox.apiBaseUri().toString())
            .tokenUrl(spotifySandbox.tokenUri().toString())
            .clientCredentials(spotifySandbox.clientId(), Secret.of(spotifySandbox.clientSecret()))
            .build();
        TradingGridClient tradingGrid = TradingGridClient.builder()
            .baseUrl(tradingGridSandbox.baseUrl().toString())
            .tenant(TradingGridSandbox.DEFAULT_TENANT_ID)
            .community(TradingGridSandbox.DEFAULT_COMMUNITY_ID)
            .clientCredentials(TradingGridSandbox.DEFAULT_CLIENT_ID, Secret.of(TradingGridSandbox.DEFAULT_CLIENT_SECRET))
            .build()) {
      Bridge bridge = Bridge.builder().stateStore(new InMemoryStateStore()).build();
      EpisodeAnnouncementsConfig config = EpisodeAnnouncementsConfig.builder()
          .addShowIds(SpotifyDemoData.SHOW_TRADING_GRID_WEEKLY)
          .build();

      RunReport first = bridge.run(EpisodeAnnouncementsFlow.create(spotify, tradingGrid, config));
      RunReport second = bridge.run(EpisodeAnnouncementsFlow.create(spotify, tradingGrid, config));
      System.out.println("consumer: " + first.summary());

      assertTrue(first.created() > 0, first.summary());
      assertEquals(0, first.failed(), first.summary());
      // the second run reads the show down to its first page of episodes already announced
      assertEquals(50, second.seen(), second.summary());
      assertEquals(second.seen(), second.unchanged(), second.summary());
      assertEquals(0, second.created() + second.updated(), second.summary());

      if (jars("jfreechart").isEmpty()) {
        PerformanceReportConfig report = PerformanceReportConfig.builder()
            .addShowIds(SpotifyDemoData.SHOW_TRADING_GRID_WEEKLY)
            .periodStart(LocalDate.of(2026, 3, 1)).periodEnd(LocalDate.of(2026, 3, 28))
            .analytics(CsvAnalyticsSource.fromReader(new StringReader("")))
            .build();
        IllegalStateException missing = assertThrows(IllegalStateException.class,
            () -> PerformanceReportFlow.create(spotify, tradingGrid, report));
        assertTrue(missing.getMessage().contains("org.jfree:jfreechart"), missing.getMessage());
      }
    }
  }

  private static List<String> jars(String artifactPrefix) {
    return CLASS_PATH.stream().filter(p -> new File(p).getName().startsWith(artifactPrefix + "-")).collect(Collectors.toList());
  }

  private static String names(List<String> paths) {
    return paths.stream().map(p -> new File(p).getName()).collect(Collectors.joining(", "));
  }
}
