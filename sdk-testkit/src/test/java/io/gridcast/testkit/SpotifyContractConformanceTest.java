package io.gridcast.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A strict Spotify sandbox (the default) answers only what Spotify's OpenAPI document accepts,
 * on every route it serves, and takes every request the way the document describes it.
 */
class SpotifyContractConformanceTest {

  private static final Logger log = LoggerFactory.getLogger(SpotifyContractConformanceTest.class);
  /** Served for Spotify's accounts service and the sandbox's own image store: outside the Web API document. */
  private static final Set<String> NOT_WEB_API = Set.of("POST /api/token", "GET /authorize", "GET /images/{key}");

  private static SpotifySandbox sandbox;
  private static SpotifyCrawl crawl;

  @BeforeAll
  static void crawl() {
    sandbox = SpotifySandbox.builder().build();
    crawl = SpotifyCrawl.of(sandbox);
    log.info("crawled {} exchanges of the strict Spotify sandbox: {} violations", crawl.exchanges().size(), crawl.violations().size());
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @Test
  void everyRequestAndResponseOfTheCrawlConformsToTheDocument() {
    assertThat(crawl.exchanges()).hasSizeGreaterThan(200);
    assertThat(crawl.violations()).as("violations of Spotify's OpenAPI document").isEmpty();
  }

  @Test
  void theCrawlReachesEveryWebApiRouteTheSandboxServes() {
    Set<String> served = new TreeSet<>(sandbox.routes());
    served.removeAll(NOT_WEB_API);

    assertThat(crawl.routes()).containsAll(served);
  }

  @Test
  void theCrawlSeesSuccessesAndErrors() {
    Set<Integer> statuses = new TreeSet<>();
    crawl.exchanges().forEach(e -> statuses.add(e.status()));

    assertThat(statuses).contains(200, 201, 202, 400, 401, 403, 404, 429);
  }

  @Test
  void theDeprecatedUserPlaylistsRouteIsServed() {
    List<SpotifyCrawl.Exchange> exchanges = crawl.exchanges().stream()
        .filter(e -> e.method().equals("GET") && e.route().equals("/v1/users/{user_id}/playlists")).toList();

    assertThat(exchanges).extracting(SpotifyCrawl.Exchange::status).contains(200).doesNotContain(405);
  }

  @Test
  void theValidatorRejectsAResponseThatBreaksTheDocument() {
    byte[] episode = "{\"id\":\"5Xt5DXGzch68nYYamXrNxZ\",\"type\":\"episode\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    List<String> violations = SpotifyContract.violations("GET", "/v1/episodes/5Xt5DXGzch68nYYamXrNxZ", 200,
        Map.of("Content-Type", List.of("application/json")), episode);

    assertThat(violations).anySatisfy(v -> assertThat(v).contains("audio_preview_url"));
  }

  @Test
  void theValidatorJudgesAnUndocumentedErrorStatusAsAnErrorObject() {
    byte[] notAnError = "{\"message\":\"Not found\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] error = "{\"error\":{\"status\":404,\"message\":\"Not found\"}}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    Map<String, List<String>> json = Map.of("Content-Type", List.of("application/json"));

    assertThat(SpotifyContract.violations("GET", "/v1/episodes/5Xt5DXGzch68nYYamXrNxZ", 404, json, notAnError)).isNotEmpty();
    assertThat(SpotifyContract.violations("GET", "/v1/episodes/5Xt5DXGzch68nYYamXrNxZ", 404, json, error)).isEmpty();
  }
}
