package io.gridcast.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.URI;
import java.net.http.HttpRequest;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class SandboxServerTest {

  private static final Logger log = LoggerFactory.getLogger(SandboxServerTest.class);

  private SandboxServer server;
  private String base;

  @BeforeEach
  void start() {
    var router = new SandboxRouter()
        .post("/echo", req -> SandboxResponse.json(200, req.bodyJson()))
        .get("/v1/shows/{id}/episodes", req -> SandboxResponse.json(200, Map.of(
            "id", req.pathParam("id"),
            "limit", req.query("limit").orElse("none"),
            "tags", req.queryParams().getOrDefault("tag", java.util.List.of()))))
        .post("/form", req -> SandboxResponse.json(200, req.form()))
        .put("/binary", req -> SandboxResponse.json(200, Map.of(
            "bytes", req.body().length,
            "sha256", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(req.body())))))
        .get("/boom", req -> {
          throw new IllegalStateException("handler bug");
        })
        .get("/teapot", req -> {
          throw new SandboxHttpException(418, "I'm a teapot");
        });
    server = SandboxServer.builder().name("test").router(router).maxRequestBodyBytes(64 * 1024).start();
    base = server.baseUri().toString();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void bindsToLoopbackOnAnEphemeralPort() {
    assertThat(server.baseUri().getHost()).isEqualTo("127.0.0.1");
    assertThat(server.port()).isPositive();
  }

  @Test
  void switchesTcpNoDelayOnForTheJdkServer() {
    assertThat(SandboxServer.noDelayEnabled()).isTrue();
    assertThat(System.getProperty("sun.net.httpserver.nodelay")).isEqualTo("true");
  }

  @Test
  void answersThreeHundredSequentialKeepAliveRequestsWithoutStalling() {
    int requests = 300;
    long started = System.nanoTime();
    int ok = 0;
    for (int i = 0; i < requests; i++) {
      Http.Reply reply = Http.json("POST", base + "/echo", null, Map.of("n", i, "text", "grüße " + i));
      assertThat(reply.status()).isEqualTo(200);
      assertThat(reply.json().get("n").asInt()).isEqualTo(i);
      assertThat(reply.json().get("text").asText()).isEqualTo("grüße " + i);
      ok++;
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    assertThat(ok).isEqualTo(requests);
    // Measured, not asserted: a stalling server manages ~22 requests per second here.
    log.info("{} sequential keep-alive POSTs in {} ms = {} requests/second", requests, Math.round(seconds * 1000),
        Math.round(requests / seconds));
  }

  @Test
  void matchesPathTemplatesAndParsesQueries() {
    Http.Reply reply = Http.get(base + "/v1/shows/abc123/episodes?limit=5&tag=a&tag=b%20c", null);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("id").asText()).isEqualTo("abc123");
    assertThat(reply.json().get("limit").asText()).isEqualTo("5");
    assertThat(reply.json().get("tags")).hasSize(2);
    assertThat(reply.json().get("tags").get(1).asText()).isEqualTo("b c");
  }

  @Test
  void decodesPercentEncodedPathParametersAfterSplitting() {
    Http.Reply reply = Http.get(base + "/v1/shows/a%2Fb+c/episodes", null);

    assertThat(reply.json().get("id").asText()).isEqualTo("a/b+c");
  }

  @Test
  void answersUnknownPathsWith404AndWrongMethodsWith405InTheErrorFormat() {
    Http.Reply missing = Http.get(base + "/nowhere", null);
    Http.Reply wrongMethod = Http.get(base + "/echo", null);

    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.json().at("/error/status").asInt()).isEqualTo(404);
    assertThat(wrongMethod.status()).isEqualTo(405);
    assertThat(wrongMethod.json().at("/error/message").asText()).isNotBlank();
  }

  @Test
  void parsesFormBodies() {
    Http.Reply reply = Http.form(base + "/form", null, "grant_type=client_credentials&scope=a+b&x=%C3%A4");

    assertThat(reply.json().get("grant_type").asText()).isEqualTo("client_credentials");
    assertThat(reply.json().get("scope").asText()).isEqualTo("a b");
    assertThat(reply.json().get("x").asText()).isEqualTo("ä");
  }

  @Test
  void receivesBinaryBodiesIntact() throws Exception {
    byte[] body = new byte[40_000];
    for (int i = 0; i < body.length; i++) {
      body[i] = (byte) (i * 31);
    }
    Http.Reply reply = Http.bytes("PUT", base + "/binary", null, "image/jpeg", body);

    assertThat(reply.json().get("bytes").asInt()).isEqualTo(body.length);
    assertThat(reply.json().get("sha256").asText())
        .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)));
  }

  @Test
  void rejectsBodiesAboveTheLimitWith413() {
    Http.Reply reply = Http.bytes("PUT", base + "/binary", null, "application/octet-stream", new byte[64 * 1024 + 1]);

    assertThat(reply.status()).isEqualTo(413);
  }

  @Test
  void turnsHandlerBugsInto500AndHttpExceptionsIntoTheirStatus() {
    assertThat(Http.get(base + "/boom", null).status()).isEqualTo(500);
    Http.Reply teapot = Http.get(base + "/teapot", null);
    assertThat(teapot.status()).isEqualTo(418);
    assertThat(teapot.json().at("/error/message").asText()).isEqualTo("I'm a teapot");
  }

  @Test
  void rejectsTemplatesWithoutLeadingSlash() {
    assertThatThrownBy(() -> new SandboxRouter().get("v1/x", req -> SandboxResponse.empty(200)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void failsFastWhenStartedWithoutARouter() {
    assertThatThrownBy(() -> SandboxServer.builder().start())
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("router");
  }

  @Test
  void stopsAcceptingConnectionsWhenClosed() {
    URI uri = URI.create(base + "/echo");
    server.close();
    assertThatThrownBy(() -> Http.send(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString("{}")).build()))
        .isInstanceOf(java.io.UncheckedIOException.class);
  }

  @Test
  void logsARequestPathWithAnEncodedCrLfEscapedOnOneLine() throws Exception {
    ch.qos.logback.classic.Logger serverLog = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(SandboxServer.class);
    ListAppender<ILoggingEvent> lines = new ListAppender<>();
    lines.start();
    Level level = serverLog.getLevel();
    serverLog.setLevel(Level.DEBUG);
    serverLog.addAppender(lines);
    CountDownLatch logged = new CountDownLatch(1);
    server.observer(exchange -> logged.countDown()); // reported after the request's log line
    try {
      Http.Reply reply = Http.get(base + "/v1/shows/a%0D%0A12:00:00.000%20WARN%20forged/x", null);
      assertThat(logged.await(10, TimeUnit.SECONDS)).as("the exchange was reported").isTrue();

      assertThat(reply.status()).isEqualTo(404);
      assertThat(lines.list).extracting(ILoggingEvent::getFormattedMessage)
          .anySatisfy(line -> assertThat(line).contains("/v1/shows/a\\u000d\\u000a12:00:00.000 WARN forged/x -> 404"))
          .allSatisfy(line -> assertThat(line).doesNotContain("\r").doesNotContain("\n"));
    } finally {
      server.observer(null);
      serverLog.detachAppender(lines);
      serverLog.setLevel(level);
    }
  }
}
