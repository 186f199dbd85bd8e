package io.gridcast.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers events to registered webhooks asynchronously, signed as the contract describes:
 * {@code Gridcast-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>}, plus
 * {@code Gridcast-Event-Id} and {@code Gridcast-Event-Type}.
 *
 * <p>A delivery that is not answered with a 2xx within the timeout is retried with exponential
 * backoff (initial backoff, doubling) up to the configured number of attempts. A webhook deleted
 * in the meantime gets no further attempts. Every attempt is recorded. Thread-safe.
 */
final class TgWebhookDispatcher implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(TgWebhookDispatcher.class);

  private final TgStore store;
  private final Clock clock;
  private final int maxAttempts;
  private final Duration initialBackoff;
  private final Duration timeout;
  private final ScheduledExecutorService executor;
  private final HttpClient http;
  private final List<WebhookDelivery> deliveries = new ArrayList<>();

  TgWebhookDispatcher(TgStore store, Clock clock, int maxAttempts, Duration initialBackoff, Duration timeout) {
    this.store = store;
    this.clock = clock;
    this.maxAttempts = maxAttempts;
    this.initialBackoff = initialBackoff;
    this.timeout = timeout;
    var threads = new AtomicInteger();
    var pool = new ScheduledThreadPoolExecutor(2, r -> {
      Thread t = new Thread(r, "tradinggrid-webhooks-" + threads.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    pool.setRemoveOnCancelPolicy(true);
    this.executor = pool;
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
  }

  /** Queues the event for every webhook of the community that subscribed to its type. Call under the store lock. */
  void publish(TgCommunity community, ObjectNode event) {
    String type = event.path("type").asText();
    byte[] body;
    try {
      body = SandboxJson.MAPPER.writeValueAsBytes(event);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("event cannot be written as JSON", e);
    }
    for (TgRecord webhook : community.collection(TgKinds.WEBHOOKS.collection).values()) {
      if (TgKinds.contains(webhook.json.path("eventTypes"), type)) {
        String secret = community.webhookSecrets.get(webhook.id());
        var job = new Job(community.id, webhook.id(), webhook.json.path("url").asText(), secret, event.path("id").asText(), type, body);
        executor.execute(() -> attempt(job, 1));
      }
    }
  }

  List<WebhookDelivery> deliveries() {
    synchronized (deliveries) {
      return List.copyOf(deliveries);
    }
  }

  void clearDeliveries() {
    synchronized (deliveries) {
      deliveries.clear();
    }
  }

  private record Job(String communityId, String webhookId, String url, String secret, String eventId, String eventType, byte[] body) {}

  private void attempt(Job job, int attempt) {
    synchronized (store) {
      boolean registered = store.community(job.communityId)
          .map(c -> c.exists(TgKinds.WEBHOOKS.collection, job.webhookId))
          .orElse(false);
      if (!registered) {
        log.debug("dropping delivery of {} to deleted webhook {}", job.eventId, job.webhookId);
        return;
      }
    }
    long t = clock.instant().getEpochSecond();
    String signature = signatureHeader(job.secret, t, job.body);
    int status = 0;
    try {
      HttpRequest request = HttpRequest.newBuilder(URI.create(job.url))
          .timeout(timeout)
          .header("Content-Type", "application/json")
          .header("Gridcast-Signature", signature)
          .header("Gridcast-Event-Id", job.eventId)
          .header("Gridcast-Event-Type", job.eventType)
          .POST(HttpRequest.BodyPublishers.ofByteArray(job.body))
          .build();
      status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      log.debug("webhook {} attempt {} for {} got no answer: {}", job.webhookId, attempt, job.eventId, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    } catch (IllegalArgumentException e) {
      log.warn("webhook {} has an unusable url", job.webhookId);
    }
    var delivery = new WebhookDelivery(job.webhookId, job.url, job.eventId, job.eventType, attempt, status, signature,
        new String(job.body, StandardCharsets.UTF_8), clock.instant());
    synchronized (deliveries) {
      deliveries.add(delivery);
    }
    if (!delivery.acknowledged() && attempt < maxAttempts && !executor.isShutdown()) {
      long delay = initialBackoff.toMillis() << Math.min(attempt - 1, 20);
      log.debug("webhook {} attempt {} for {} answered {}; retrying in {} ms", job.webhookId, attempt, job.eventId, status, delay);
      executor.schedule(() -> attempt(job, attempt + 1), delay, TimeUnit.MILLISECONDS);
    }
  }

  /** {@code t=<t>,v1=<lower-case hex HMAC-SHA256(secret, "<t>.<body>")>}. */
  static String signatureHeader(String secret, long t, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update((t + ".").getBytes(StandardCharsets.US_ASCII));
      return "t=" + t + ",v1=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
