package io.gridcast.tradinggrid.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.gridcast.core.Secret;
import io.gridcast.core.errors.ApiException;
import io.gridcast.core.errors.NotFoundException;
import io.gridcast.testkit.TradingGridDemoData;
import io.gridcast.tradinggrid.WebhookSignatureException;
import io.gridcast.tradinggrid.WebhookVerifier;
import io.gridcast.tradinggrid.model.Audience;
import io.gridcast.tradinggrid.model.CursorPage;
import io.gridcast.tradinggrid.model.Event;
import io.gridcast.tradinggrid.model.EventType;
import io.gridcast.tradinggrid.model.Post;
import io.gridcast.tradinggrid.model.PostCreate;
import io.gridcast.tradinggrid.model.PostKind;
import io.gridcast.tradinggrid.model.Webhook;
import io.gridcast.tradinggrid.model.WebhookCreate;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The change feed, webhook registrations and verified webhook deliveries, against the sandbox. */
class EventsAndWebhooksTest extends SandboxClientTest {

  private static final Secret SECRET = Secret.of("whsec_sandbox_receiver_0123456789");

  /** A delivery as a receiver got it: the raw body and the signature header. */
  record Delivery(String body, String signature) {}

  private HttpServer receiver;
  private final BlockingQueue<Delivery> deliveries = new LinkedBlockingQueue<>();

  @BeforeEach
  void startReceiver() throws Exception {
    receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    receiver.createContext("/hooks/tg", exchange -> {
      byte[] body = exchange.getRequestBody().readAllBytes();
      deliveries.add(new Delivery(new String(body, StandardCharsets.UTF_8),
          exchange.getRequestHeaders().getFirst(WebhookVerifier.SIGNATURE_HEADER)));
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    });
    receiver.start();
  }

  @AfterEach
  void stopReceiver() {
    receiver.stop(0);
  }

  private Post announce(String title) {
    return tg.posts().create(PostCreate.builder().kind(PostKind.ANNOUNCEMENT).title(title).body("New episode.")
        .audience(Audience.builder().addGroupIds(TradingGridDemoData.GROUP_ACTIVE).build()).build(), null);
  }

  @Test
  void readsTheWholeFeedLazilyAcrossPages() {
    for (int i = 1; i <= 12; i++) {
      announce("Episode " + i);
    }

    List<Event> events = tg.events().after(null, null).stream().toList();

    assertThat(events).hasSize(12).allSatisfy(e -> assertThat(e.type()).isEqualTo(EventType.POST_CREATED));
    assertThat(events).extracting(Event::resourceId).doesNotHaveDuplicates();
    assertThat(requestsTo("GET", "/events")).isEqualTo(4); // 5 + 5 + 2, then an empty page ends it
  }

  @Test
  void resumesFromAStoredCursorWithOnlyWhatIsNew() {
    announce("Episode 1");
    announce("Episode 2");
    CursorPage<Event> first = tg.events().page(null, null);
    assertThat(first.items()).hasSize(2);
    String position = first.nextCursor().orElseThrow();

    CursorPage<Event> nothingNew = tg.events().page(position, null);
    assertThat(nothingNew.items()).isEmpty();
    assertThat(nothingNew.nextCursor()).contains(position);

    Post third = announce("Episode 3");
    assertThat(tg.events().page(position, null).items()).extracting(Event::resourceId).containsExactly(third.id());
    assertThat(tg.events().after(position, null).stream()).extracting(Event::resourceId).containsExactly(third.id());
  }

  @Test
  void filtersTheFeedByEventType() {
    announce("Episode 1");
    sandbox.resolveIssue(TradingGridDemoData.ISSUE_OPEN, "Duplicates suppressed at the gateway.", "Dedupe on PO number");

    assertThat(tg.events().after(null, EventType.ISSUE_RESOLVED).stream())
        .singleElement()
        .satisfies(e -> assertThat(e.resourceId()).isEqualTo(TradingGridDemoData.ISSUE_OPEN));
  }

  @Test
  void readsEventsOfSeveralTypesInFeedOrderWithOneRequest() {
    announce("Episode 1");
    String logged = sandbox.logIssue("process_change", "New label format", "GS1-128 from February.", null)
        .path("id").asText();
    sandbox.resolveIssue(TradingGridDemoData.ISSUE_OPEN, "Duplicates suppressed at the gateway.", "Dedupe on PO number");
    long before = requestsTo("GET", "/events");

    CursorPage<Event> page = tg.events().pageOfAny(null, java.util.Set.of(EventType.ISSUE_RESOLVED, EventType.ISSUE_CREATED));

    assertThat(page.items()).extracting(Event::type, Event::resourceId).containsExactly(
        org.assertj.core.groups.Tuple.tuple(EventType.ISSUE_CREATED, logged),
        org.assertj.core.groups.Tuple.tuple(EventType.ISSUE_RESOLVED, TradingGridDemoData.ISSUE_OPEN));
    assertThat(requestsTo("GET", "/events")).isEqualTo(before + 1);
    assertThatThrownBy(() -> tg.events().pageOfAny(null, java.util.Set.of(EventType.UNKNOWN)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("UNKNOWN");
  }

  @Test
  void aCursorOfAFeedThatNoLongerExistsIsGone() {
    announce("Episode 1");
    String position = tg.events().page(null, null).nextCursor().orElseThrow();
    sandbox.reset();

    assertThatThrownBy(() -> tg.events().page(position, null))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.status()).isEqualTo(410);
          assertThat(e.errorCode()).contains("cursor_expired");
        })
        .hasMessageContaining("restart without a cursor");
  }

  @Test
  void registersListsAndDeletesWebhooks() {
    Webhook hook = register("hook-1");

    assertThat(hook.eventTypes()).containsExactly(EventType.POST_CREATED);
    assertThat(tg.webhooks().get(hook.id())).isEqualTo(hook);
    assertThat(tg.webhooks().list().stream()).containsExactly(hook);

    tg.webhooks().delete(hook.id());

    assertThat(tg.webhooks().list().stream()).isEmpty();
    assertThatThrownBy(() -> tg.webhooks().get(hook.id())).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> tg.webhooks().delete(hook.id())).isInstanceOf(NotFoundException.class);
  }

  @Test
  void aDeliveryFromTheSandboxVerifiesAndDecodesAsTheEvent() throws Exception {
    register("hook-verify");
    Post post = announce("Episode 44");

    Delivery delivery = nextDelivery();
    Event event = WebhookVerifier.create(SECRET).constructEvent(delivery.body(), delivery.signature());

    assertThat(event.type()).isEqualTo(EventType.POST_CREATED);
    assertThat(event.resourceId()).isEqualTo(post.id());
  }

  @Test
  void aDeliveryWithABadSignatureIsRejectedSayingWhichSecretToCheck() throws Exception {
    register("hook-bad-signature");
    announce("Episode 44");
    Delivery delivery = nextDelivery();
    WebhookVerifier wrongSecret = WebhookVerifier.create(Secret.of("whsec_some_other_secret_987654"));

    assertThatThrownBy(() -> wrongSecret.verify(delivery.body(), delivery.signature()))
        .isInstanceOfSatisfying(WebhookSignatureException.class,
            e -> assertThat(e.reason()).isEqualTo(WebhookSignatureException.Reason.SIGNATURE_MISMATCH))
        .hasMessageContaining("check that the verifier uses the secret the webhook was registered with");
    assertThatThrownBy(() -> WebhookVerifier.create(SECRET).verify(delivery.body() + " ", delivery.signature()))
        .isInstanceOf(WebhookSignatureException.class)
        .hasMessageContaining("raw request body is passed unchanged");
  }

  @Test
  void aDeliveryOlderThanTheToleranceIsRejected() throws Exception {
    register("hook-old");
    announce("Episode 44");
    Delivery delivery = nextDelivery();
    Clock tenMinutesLater = Clock.fixed(Instant.now().plus(Duration.ofMinutes(10)), ZoneOffset.UTC);
    WebhookVerifier verifier = WebhookVerifier.builder(SECRET).clock(tenMinutesLater).build();

    assertThatThrownBy(() -> verifier.verify(delivery.body(), delivery.signature()))
        .isInstanceOfSatisfying(WebhookSignatureException.class,
            e -> assertThat(e.reason()).isEqualTo(WebhookSignatureException.Reason.TIMESTAMP_TOO_OLD))
        .hasMessageContaining("beyond the tolerance of 300 s")
        .hasMessageContaining("check this receiver's clock");
  }

  @Test
  void aReplayedDeliveryIsRejectedTheSecondTime() throws Exception {
    register("hook-replay");
    announce("Episode 44");
    Delivery delivery = nextDelivery();
    WebhookVerifier verifier = WebhookVerifier.create(SECRET);
    verifier.verify(delivery.body(), delivery.signature());

    assertThatThrownBy(() -> verifier.verify(delivery.body(), delivery.signature()))
        .isInstanceOfSatisfying(WebhookSignatureException.class,
            e -> assertThat(e.reason()).isEqualTo(WebhookSignatureException.Reason.REPLAYED))
        .hasMessageContaining("acknowledge it without acting on it again");
  }

  private Webhook register(String key) {
    return tg.webhooks().register(WebhookCreate.builder()
        .url("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks/tg")
        .addEventTypes(EventType.POST_CREATED)
        .secret(SECRET)
        .description("bridge receiver").build(), key);
  }

  private Delivery nextDelivery() throws InterruptedException {
    Delivery d = deliveries.poll(10, TimeUnit.SECONDS);
    assertThat(d).as("a webhook delivery within 10 s").isNotNull();
    return d;
  }
}
