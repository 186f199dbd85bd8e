package io.gridcast.bridge.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.gridcast.bridge.Batch;
import io.gridcast.bridge.Bridge;
import io.gridcast.bridge.Flow;
import io.gridcast.bridge.RunReport;
import io.gridcast.bridge.Sink;
import io.gridcast.bridge.Worker;
import io.gridcast.bridge.WriteResult;
import io.gridcast.bridge.RunContext;
import io.gridcast.bridge.state.InMemoryStateStore;
import io.gridcast.bridge.state.LedgerEntry;
import io.gridcast.bridge.testing.Sandboxes;
import io.gridcast.core.Secret;
import io.gridcast.testkit.TradingGridDemoData;
import io.gridcast.tradinggrid.ListQuery;
import io.gridcast.tradinggrid.WebhookVerifier;
import io.gridcast.tradinggrid.model.EventType;
import io.gridcast.tradinggrid.model.Issue;
import io.gridcast.tradinggrid.model.WebhookCreate;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Webhooks feed the worker: the Trading Grid sandbox delivers a signed event to a receiver mounted
 * on a plain JDK HTTP server, which wakes the flow waiting for it at once, long before its
 * scheduled run; deliveries that are not authentic wake nothing.
 */
class TradingGridWebhooksTest {

  private static final Secret SECRET = Secret.of("whsec_worker_receiver_0123456789");
  private static final int WAIT_SECONDS = 20;

  private Sandboxes sandboxes;
  private HttpServer receiver;
  private volatile TradingGridWebhooks webhooks;
  private final LinkedBlockingQueue<TradingGridWebhooks.Response> answers = new LinkedBlockingQueue<>();

  /** What reached the target: resolved issue ids, once each. */
  private final Map<String, String> target = new ConcurrentHashMap<>();

  @BeforeEach
  void start() throws Exception {
    sandboxes = Sandboxes.start();
    receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    receiver.createContext("/hooks/tg", exchange -> {
      byte[] body = exchange.getRequestBody().readAllBytes();
      TradingGridWebhooks.Response answer = webhooks.handle(body,
          exchange.getRequestHeaders().getFirst(WebhookVerifier.SIGNATURE_HEADER));
      answers.add(answer);
      exchange.sendResponseHeaders(answer.status(), -1);
      exchange.close();
    });
    receiver.start();
  }

  @AfterEach
  void stop() {
    receiver.stop(0);
    sandboxes.close();
  }

  /** Resolved issues of the sandbox's community, noted on the target once each. */
  private Flow<Issue, String> resolvedIssues() {
    return Flow.<Issue, String>builder("resolved-issues")
        .source(run -> List.of(Batch.of(sandboxes.tradingGrid.issues().list(ListQuery.create().with("status", "resolved"))
            .stream().toList())))
        .key(Issue::id)
        .mapper((issue, run) -> issue.title())
        .sink(new Sink<>() {
          @Override
          public WriteResult create(String key, String item, String idempotencyKey, String externalRef, RunContext run) {
            target.put(key, item);
            return WriteResult.of("note-" + key, 1L);
          }

          @Override
          public WriteResult update(LedgerEntry existing, String item, RunContext run) {
            target.put(existing.sourceKey(), item);
            return WriteResult.of(existing.targetId(), 2L);
          }

          @Override
          public Optional<WriteResult> findByExternalRef(String externalRef, RunContext run) {
            return Optional.ofNullable(target.get(externalRef)).map(t -> WriteResult.of("note-" + externalRef, 1L));
          }
        })
        .build();
  }

  private void register() {
    sandboxes.tradingGrid.webhooks().register(WebhookCreate.builder()
        .url("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks/tg")
        .addEventTypes(EventType.ISSUE_RESOLVED, EventType.POST_CREATED)
        .secret(SECRET)
        .description("worker receiver").build(), "worker-receiver");
  }

  @Test
  void aDeliveredEventWakesItsFlowAtOnceInsteadOfAtItsNextScheduledRun() throws Exception {
    Flow<Issue, String> flow = resolvedIssues();
    TradingGridEvents events = TradingGridEvents.of(sandboxes.tradingGrid).wake(flow.name(), EventType.ISSUE_RESOLVED);
    List<RunReport> runs = new CopyOnWriteArrayList<>();
    LinkedBlockingQueue<RunReport> finished = new LinkedBlockingQueue<>();
    Bridge bridge = Bridge.builder().stateStore(new InMemoryStateStore()).build();
    try (Worker worker = Worker.builder(bridge)
        .every(Duration.ofHours(1), Duration.ZERO, flow) // no poll: only the webhook can wake it
        .listener((f, report, next) -> {
          runs.add(report);
          finished.add(report);
        })
        .build()) {
      webhooks = TradingGridWebhooks.of(events, WebhookVerifier.create(SECRET), worker);
      worker.start();
      assertThat(finished.poll(WAIT_SECONDS, TimeUnit.SECONDS)).as("the first scheduled run").isNotNull();
      register();
      assertThat(target).doesNotContainKey(TradingGridDemoData.ISSUE_OPEN);

      sandboxes.tradingGridSandbox.resolveIssue(TradingGridDemoData.ISSUE_OPEN, "Duplicates suppressed.", "Dedupe on PO number");

      TradingGridWebhooks.Response answer = answers.poll(WAIT_SECONDS, TimeUnit.SECONDS);
      assertThat(answer).isNotNull();
      assertThat(answer.status()).isEqualTo(204);
      assertThat(answer.woken()).containsExactly(flow.name());
      RunReport woken = finished.poll(WAIT_SECONDS, TimeUnit.SECONDS);
      assertThat(woken).as("a run woken by the delivery").isNotNull();
      assertThat(woken.created()).isEqualTo(1);
      assertThat(target).containsKey(TradingGridDemoData.ISSUE_OPEN);

      // an event no flow waits for is acknowledged and wakes nothing
      sandboxes.tradingGrid.posts().create(io.gridcast.tradinggrid.model.PostCreate.builder()
          .kind(io.gridcast.tradinggrid.model.PostKind.ANNOUNCEMENT).title("Hello").body("A post.")
          .audience(io.gridcast.tradinggrid.model.Audience.ofGroups(List.of(TradingGridDemoData.GROUP_ACTIVE))).build(), null);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
      boolean sawPost = false;
      while (!sawPost && System.nanoTime() < deadline) {
        TradingGridWebhooks.Response next = answers.poll(1, TimeUnit.SECONDS);
        if (next != null && next.woken().isEmpty()) {
          assertThat(next.status()).isEqualTo(204);
          assertThat(next.reason()).isEqualTo("no flow waits for post.created");
          sawPost = true;
        }
      }
      assertThat(sawPost).isTrue();
    }
    assertThat(runs.get(0).created()).as("the issues resolved before").isEqualTo(2);
  }

  @Test
  void deliveriesThatAreNotAuthenticWakeNothingAndAReplayIsAcknowledgedOnce() throws Exception {
    Flow<Issue, String> flow = resolvedIssues();
    TradingGridEvents events = TradingGridEvents.of(sandboxes.tradingGrid).wake(flow.name(), EventType.ISSUE_RESOLVED);
    LinkedBlockingQueue<RunReport> finished = new LinkedBlockingQueue<>();
    Bridge bridge = Bridge.builder().stateStore(new InMemoryStateStore()).build();
    String event = "{\"id\":\"evt_1\",\"type\":\"issue.resolved\",\"occurredAt\":\"2026-12-03T10:00:00Z\","
        + "\"resourceType\":\"issue\",\"resourceId\":\"" + TradingGridDemoData.ISSUE_OPEN + "\",\"data\":{}}";
    byte[] body = event.getBytes(StandardCharsets.UTF_8);
    String signature = WebhookVerifier.generateSignatureHeader(SECRET, body, Instant.now());
    try (Worker worker = Worker.builder(bridge)
        .every(Duration.ofHours(1), Duration.ZERO, flow)
        .listener((f, report, next) -> finished.add(report))
        .build()) {
      TradingGridWebhooks hooks = TradingGridWebhooks.of(events, WebhookVerifier.create(SECRET), worker);
      assertThat(hooks.handle(body, signature).status()).as("the worker is not started yet").isEqualTo(503);

      worker.start();
      assertThat(finished.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isNotNull();

      String forged = WebhookVerifier.generateSignatureHeader(Secret.of("whsec_someone_else_0123456789"), body, Instant.now());
      TradingGridWebhooks.Response refused = hooks.handle(body, forged);
      assertThat(refused.status()).isEqualTo(401);
      assertThat(refused.reason()).isEqualTo("not authentic: SIGNATURE_MISMATCH");
      assertThat(hooks.handle(body, null).status()).isEqualTo(401);
      String stale = WebhookVerifier.generateSignatureHeader(SECRET, body, Instant.now().minus(Duration.ofHours(1)));
      assertThat(hooks.handle(body, stale).reason()).isEqualTo("not authentic: TIMESTAMP_TOO_OLD");
      byte[] notAnEvent = "[1,2,3]".getBytes(StandardCharsets.UTF_8);
      assertThat(hooks.handle(notAnEvent, WebhookVerifier.generateSignatureHeader(SECRET, notAnEvent, Instant.now())).status())
          .isEqualTo(400);
      assertThat(finished.poll(300, TimeUnit.MILLISECONDS)).as("nothing refused wakes the flow").isNull();

      TradingGridWebhooks.Response accepted = hooks.handle(body, signature);
      assertThat(accepted.status()).isEqualTo(204);
      assertThat(accepted.woken()).containsExactly(flow.name());
      assertThat(finished.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isNotNull();

      TradingGridWebhooks.Response replayed = hooks.handle(body, signature);
      assertThat(replayed.status()).isEqualTo(204);
      assertThat(replayed.woken()).isEmpty();
      assertThat(replayed.reason()).isEqualTo("already received");
    }
    assertThat(finished.poll(300, TimeUnit.MILLISECONDS)).as("the replay woke nothing").isNull();
  }

  @Test
  void eventsThatWakeAFlowTheWorkerDoesNotRunAreRefusedWhenTheReceiverIsMade() {
    Flow<Issue, String> flow = resolvedIssues();
    TradingGridEvents events = TradingGridEvents.of(sandboxes.tradingGrid)
        .wake(flow.name(), EventType.ISSUE_RESOLVED)
        .wake("episode-announcements", EventType.POST_CREATED);
    try (Worker worker = Worker.builder(Bridge.builder().stateStore(new InMemoryStateStore()).build())
        .every(Duration.ofHours(1), flow).build()) {
      assertThatThrownBy(() -> TradingGridWebhooks.of(events, WebhookVerifier.create(SECRET), worker))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("the events wake flows [episode-announcements] that the worker does not run (it runs [resolved-issues]):"
              + " add them to the worker, or map the events to flows it runs");
    }
  }
}
