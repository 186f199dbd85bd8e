package io.gridcast.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TradingGridWebhookTest {

  private static final String SECRET = "whsec-test-0123456789abcdef";

  private record Received(String signature, String eventId, String eventType, byte[] body) {}

  private TradingGridSandbox sandbox;
  private TgTestClient tg;
  private HttpServer receiver;
  private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
  private final AtomicInteger failuresToAnswer = new AtomicInteger();

  @BeforeEach
  void start() throws IOException {
    sandbox = TradingGridSandbox.builder().webhookRetries(4, Duration.ofMillis(20), Duration.ofSeconds(2)).start();
    tg = new TgTestClient(sandbox);
    receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    receiver.createContext("/hooks", exchange -> {
      byte[] body = exchange.getRequestBody().readAllBytes();
      received.add(new Received(exchange.getRequestHeaders().getFirst("Gridcast-Signature"),
          exchange.getRequestHeaders().getFirst("Gridcast-Event-Id"), exchange.getRequestHeaders().getFirst("Gridcast-Event-Type"), body));
      int status = failuresToAnswer.getAndDecrement() > 0 ? 500 : 204;
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
    });
    receiver.start();
  }

  @AfterEach
  void stop() {
    receiver.stop(0);
    sandbox.close();
  }

  private String hookUrl() {
    return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks";
  }

  private JsonNode register(List<String> types) {
    Http.Reply reply = tg.post("webhooks", Map.of("url", hookUrl(), "eventTypes", types, "secret", SECRET, "description", "test receiver"));
    assertThat(reply.status()).isEqualTo(201);
    return reply.json();
  }

  private static String hmac(String secret, String message) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void deliversEachSubscribedEventSignedWithTheWebhooksSecret() throws Exception {
    JsonNode webhook = register(List.of("issue.resolved"));
    assertThat(webhook.has("secret")).isFalse();
    assertThat(tg.get("webhooks/" + webhook.path("id").asText()).json().has("secret")).isFalse();

    sandbox.postThreadMessage(TradingGridDemoData.THREAD_EPISODE_42, null, "Not subscribed, never delivered.");
    sandbox.resolveIssue(TradingGridDemoData.ISSUE_OPEN, "De-duplicated on PO number.");
    Received delivery = received.poll(5, TimeUnit.SECONDS);

    assertThat(delivery).isNotNull();
    assertThat(delivery.eventType()).isEqualTo("issue.resolved");
    String[] parts = delivery.signature().split(",");
    String t = parts[0].substring("t=".length());
    String v1 = parts[1].substring("v1=".length());
    String body = new String(delivery.body(), StandardCharsets.UTF_8);
    assertThat(MessageDigest.isEqual(v1.getBytes(StandardCharsets.US_ASCII), hmac(SECRET, t + "." + body).getBytes(StandardCharsets.US_ASCII)))
        .as("signature matches HMAC-SHA256(secret, t.body)").isTrue();
    assertThat(Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(t))).isLessThan(60);
    JsonNode event = TgTestClient.parse(body);
    assertThat(event.path("id").asText()).isEqualTo(delivery.eventId());
    assertThat(event.path("resourceId").asText()).isEqualTo(TradingGridDemoData.ISSUE_OPEN);
    assertThat(event.at("/data/status").asText()).isEqualTo("resolved");
    assertThat(received.poll(300, TimeUnit.MILLISECONDS)).as("only subscribed types are delivered").isNull();
    assertThat(sandbox.webhookDeliveries()).hasSize(1).allSatisfy(d -> assertThat(d.acknowledged()).isTrue());
  }

  @Test
  void retriesUntilTheReceiverAcknowledges() throws Exception {
    register(List.of("thread.message_created"));
    failuresToAnswer.set(2);

    sandbox.postThreadMessage(TradingGridDemoData.THREAD_PEAK_QUESTIONS, TradingGridDemoData.PARTNER_DUNMORE, "Same for cross-dock?");
    Received first = received.poll(5, TimeUnit.SECONDS);
    Received second = received.poll(5, TimeUnit.SECONDS);
    Received third = received.poll(5, TimeUnit.SECONDS);

    assertThat(first).isNotNull();
    assertThat(second).isNotNull();
    assertThat(third).isNotNull();
    assertThat(third.eventId()).isEqualTo(first.eventId());
    assertThat(received.poll(300, TimeUnit.MILLISECONDS)).isNull();
    assertThat(sandbox.webhookDeliveries()).extracting(WebhookDelivery::status).containsExactly(500, 500, 204);
    assertThat(sandbox.webhookDeliveries()).extracting(WebhookDelivery::attempt).containsExactly(1, 2, 3);
  }

  @Test
  void deletedWebhooksGetNoDeliveries() throws Exception {
    JsonNode webhook = register(List.of("site_request.created"));
    assertThat(tg.delete("webhooks/" + webhook.path("id").asText()).status()).isEqualTo(204);
    assertThat(tg.delete("webhooks/" + webhook.path("id").asText()).status()).isEqualTo(404);

    sandbox.raiseSiteRequest(TradingGridDemoData.SITE_ROTTERDAM, "support", "Player offline since 09:00.");

    assertThat(received.poll(500, TimeUnit.MILLISECONDS)).isNull();
  }

  @Test
  void webhookUrlsMustBeHttpsOrLoopback() {
    Http.Reply reply = tg.post("webhooks", Map.of("url", "http://hooks.example.com/x", "eventTypes", List.of("post.created"), "secret", SECRET));

    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.json().at("/error/message").asText()).startsWith("url");
  }

  @Test
  void theSandboxSignerMatchesTheContractsFormat() throws Exception {
    byte[] body = "{\"id\":\"ev_1\"}".getBytes(StandardCharsets.UTF_8);

    assertThat(TradingGridSandbox.signatureHeader(SECRET, 1767225600L, body))
        .isEqualTo("t=1767225600,v1=" + hmac(SECRET, "1767225600.{\"id\":\"ev_1\"}"));
  }
}
