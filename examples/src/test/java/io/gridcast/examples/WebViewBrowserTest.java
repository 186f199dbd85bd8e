package io.gridcast.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.gridcast.testkit.SpotifyDemoData;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Runs flow 8 with {@code --serve} and looks at the sandboxes' web views in a real browser:
 * headless Chromium through chromedriver (Debian's {@code chromium} and {@code chromium-driver};
 * {@code CHROME_BIN} and {@code CHROMEDRIVER} point elsewhere). Skipped when they are missing,
 * except in CI ({@code CI=true}), where that fails.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebViewBrowserTest {

  private static final String HOSTILE = "<script>window.gridcastInjected = 1</script>";

  private Path dir;
  private final CountDownLatch served = new CountDownLatch(1);
  private final CountDownLatch done = new CountDownLatch(1);
  private final ByteArrayOutputStream output = new ByteArrayOutputStream();
  private CompletableFuture<Integer> launcher;
  private Environment environment;
  private CompletableFuture<WebDriver> starting;
  private WebDriver browser;

  @BeforeAll
  void runFlowEightAndOpenABrowser(@TempDir Path dir) throws Exception {
    this.dir = dir;
    Optional<Path> chromium = executable("CHROME_BIN", "chromium", "chromium-browser", "google-chrome");
    Optional<Path> driver = executable("CHROMEDRIVER", "chromedriver");
    if (chromium.isEmpty() || driver.isEmpty()) {
      String missing = "the browser test needs chromium and chromedriver (apt-get install chromium chromium-driver, or set"
          + " CHROME_BIN and CHROMEDRIVER); found " + chromium.map(Path::toString).orElse("no chromium") + " and "
          + driver.map(Path::toString).orElse("no chromedriver");
      if ("true".equals(System.getenv("CI"))) {
        fail(missing);
      }
      Assumptions.abort(missing);
    }

    // the browser starts while the flow runs
    ChromeOptions options = new ChromeOptions()
        .setBinary(chromium.get().toFile())
        .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1280,1024");
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(driver.get().toFile())
        .usingAnyFreePort()
        .build();
    starting = CompletableFuture.supplyAsync(() -> new ChromeDriver(service, options), WebViewBrowserTest::ownThread);

    PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);
    launcher = CompletableFuture.supplyAsync(() -> Launcher.run(
        new String[] {"performance-report", "--serve", "--dir", dir.toString()}, out, Map.of(), env -> {
          environment = env;
          served.countDown();
          try {
            done.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }), WebViewBrowserTest::ownThread);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (!served.await(100, TimeUnit.MILLISECONDS)) {
      if (launcher.isDone() || System.nanoTime() > deadline) {
        fail("flow 8 ended without serving or did not finish in 120 s ("
            + launcher.handle((code, e) -> e == null ? "exit code " + code : e.toString()).getNow("still running")
            + "); its output:\n" + output.toString(StandardCharsets.UTF_8));
      }
    }
    ingestAnEpisodeWhoseDescriptionHoldsAScript();

    browser = starting.get(60, TimeUnit.SECONDS);
    browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
  }

  @AfterAll
  void closeTheBrowserAndStopServing() throws Exception {
    if (starting != null) {
      starting.thenAccept(WebDriver::quit).exceptionally(e -> null).get(60, TimeUnit.SECONDS);
    }
    done.countDown();
    if (launcher != null) {
      assertThat(launcher.get(30, TimeUnit.SECONDS)).as("the launcher's exit code").isZero();
    }
  }

  @Test
  void theLauncherPrintsWhereTheWebViewsAre() {
    assertThat(output.toString(StandardCharsets.UTF_8))
        .contains("Trading Grid community view: " + environment.tradingGridSandbox().baseUri() + "/")
        .contains("Spotify view:                " + environment.spotifySandbox().baseUri() + "/")
        .contains("serving until you press Ctrl-C");
  }

  @Test
  void theReportPostOfFlowEightShowsItsChartImage() {
    openTheReportPost();

    WebElement chart = browser.findElement(By.cssSelector("figure img"));
    assertThat(chart.getAttribute("alt")).isEqualTo("performance-2025-04-01_2025-04-28.png");
    Object loaded = ((JavascriptExecutor) browser).executeScript("return arguments[0].complete && arguments[0].naturalWidth", chart);
    assertThat(((Number) loaded).intValue()).as("the chart's natural width, 0 if it did not load").isGreaterThan(0);
  }

  @Test
  void theReportPostOfFlowEightShowsTheFiguresInATable() {
    openTheReportPost();

    List<WebElement> headers = browser.findElements(By.cssSelector("article.markdown table thead th"));
    assertThat(headers).extracting(WebElement::getText)
        .containsExactly("Episode", "Show", "Released", "Starts", "Streams", "Peak daily listeners", "Completion", "Listening hours",
            "Days");
    List<WebElement> rows = browser.findElements(By.cssSelector("article.markdown table tbody tr"));
    List<String> total = rows.get(rows.size() - 1).findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
    assertThat(total).hasSize(9).startsWith("Total", "", "", TOTAL_STARTS, TOTAL_STREAMS, "").endsWith("");
    assertThat(total.get(6)).matches("\\d{1,2}\\.\\d%"); // completion, weighted by starts
    assertThat(total.get(7)).matches("\\d{1,3}(,\\d{3})*\\.\\d"); // hours listened
    assertThat(rows).hasSize(EPISODE_ROWS + 1);
  }

  @Test
  void anEpisodeDescriptionHoldingAScriptIsShownAsTextAndNeverRuns() {
    browser.get(environment.spotifySandbox().baseUri() + "/view/shows/" + SpotifyDemoData.SHOW_PARTNER_ACADEMY);

    List<String> descriptions = browser.findElements(By.cssSelector("span.description")).stream().map(WebElement::getText).toList();
    assertThat(descriptions).contains("Listen: " + HOSTILE + " now");
    assertThat(((JavascriptExecutor) browser).executeScript("return typeof window.gridcastInjected")).isEqualTo("undefined");
  }

  /**
   * The bundled export's figures (examples/src/main/resources/analytics) for Trading Grid Weekly's six episodes from
   * 2025-04-01 to 2025-04-28; the rows of a seventh episode there belong to another show and are left out.
   */
  private static final String TOTAL_STARTS = "11,753";
  private static final String TOTAL_STREAMS = "8,205";
  private static final int EPISODE_ROWS = 6;

  private void openTheReportPost() {
    browser.get(environment.tradingGridSandbox().baseUri() + "/");
    browser.findElement(By.partialLinkText("Podcast performance Apr 1, 2025 to Apr 28, 2025")).click();
    assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("Podcast performance Apr 1, 2025 to Apr 28, 2025");
  }

  private void ingestAnEpisodeWhoseDescriptionHoldsAScript() throws IOException {
    // A feed description written with character references: Spotify reports it as the text "<script>…".
    Path feed = Files.writeString(dir.resolve("hostile-feed.xml"), """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0"><channel><title>Partner Onboarding Academy</title>
          <item>
            <guid isPermaLink="false">hostile-1</guid>
            <title>Module 11: Reading feeds safely</title>
            <description><![CDATA[Listen: &lt;script&gt;window.gridcastInjected = 1&lt;/script&gt; now]]></description>
            <enclosure url="https://cdn.example/audio/hostile-1.mp3" length="1234" type="audio/mpeg"/>
            <pubDate>Mon, 01 Jun 2026 08:00:00 GMT</pubDate>
          </item>
        </channel></rss>
        """, StandardCharsets.UTF_8);
    environment.spotifySandbox().registerFeed(SpotifyDemoData.SHOW_PARTNER_ACADEMY, feed.toUri());
    assertThat(environment.spotifySandbox().ingestNow()).hasSize(1);
  }

  private static void ownThread(Runnable task) {
    Thread thread = new Thread(task, "web-view-browser-test");
    thread.setDaemon(true);
    thread.start();
  }

  /** The first of the environment variable {@code variable} or {@code names} on the PATH (or in /usr/bin) that is executable. */
  private static Optional<Path> executable(String variable, String... names) {
    String configured = System.getenv(variable);
    if (configured != null && !configured.isBlank()) {
      return Optional.of(Path.of(configured)).filter(Files::isExecutable);
    }
    String path = System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/bin";
    return Stream.of(names)
        .flatMap(name -> Stream.of(path.split(File.pathSeparator)).filter(d -> !d.isEmpty()).map(d -> Path.of(d, name)))
        .filter(Files::isExecutable)
        .findFirst();
  }
}
