package io.gridcast.bridge.flows;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridcast.bridge.Bridge;
import io.gridcast.bridge.Flow;
import io.gridcast.bridge.RunContext;
import io.gridcast.bridge.RunReport;
import io.gridcast.bridge.Sink;
import io.gridcast.bridge.WriteResult;
import io.gridcast.bridge.state.InMemoryStateStore;
import io.gridcast.bridge.state.LedgerEntry;
import io.gridcast.bridge.testing.Sandboxes;
import io.gridcast.core.errors.ErrorDetails;
import io.gridcast.core.errors.BadRequestException;
import io.gridcast.testkit.MutableClock;
import io.gridcast.testkit.TradingGridDemoData;
import io.gridcast.tradinggrid.model.EventType;
import io.gridcast.tradinggrid.model.SiteRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A source that reads only what Trading Grid events name: the site requests of the sandbox, read
 * whole on a first run and once a day, otherwise only those the events after the cursor name, and
 * those that failed and are tried again.
 */
class EventDrivenSourceTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T08:00:00Z"));
  private Sandboxes sandboxes;
  private InMemoryStateStore store;
  private Bridge bridge;
  /** Site request id → what the target holds. */
  private final Map<String, String> target = new ConcurrentHashMap<>();
  /** Ids whose next write fails once. */
  private final Set<String> failOnce = ConcurrentHashMap.newKeySet();
  /** The ids each run's source read, by run. */
  private final List<List<String>> reads = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() {
    sandboxes = Sandboxes.start();
    store = new InMemoryStateStore(clock);
    bridge = Bridge.builder().stateStore(store).clock(clock).build();
  }

  @AfterEach
  void stop() {
    sandboxes.close();
  }

  private List<SiteRequest> noted(List<SiteRequest> requests) {
    reads.add(requests.stream().map(SiteRequest::id).toList());
    return requests;
  }

  private Flow<SiteRequest, String> flow() {
    EventDrivenSource<SiteRequest> source = new EventDrivenSource<>(sandboxes.tradingGrid,
        Set.of(EventType.SITE_REQUEST_CREATED, EventType.SITE_REQUEST_UPDATED), Duration.ofDays(1),
        run -> noted(sandboxes.tradingGrid.siteRequests().list().stream().toList()),
        (run, named) -> noted(named.ids().stream().map(id -> sandboxes.tradingGrid.siteRequests().get(id)).toList()),
        Optional::of);
    return Flow.<SiteRequest, String>builder("site-request-notes")
        .source(source)
        .key(SiteRequest::id)
        .mapper((r, run) -> r.details())
        .sink(new Sink<>() {
          @Override
          public WriteResult create(String key, String item, String idempotencyKey, String externalRef, RunContext run) {
            if (failOnce.remove(key)) {
              throw new BadRequestException(422, "POST", "https://target.example/notes", ErrorDetails.none());
            }
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

  @Test
  void betweenWholeReadsARunReadsOnlyWhatTheEventsNameAndWhatFailed() {
    int all = sandboxes.tradingGrid.siteRequests().list().stream().toList().size();
    failOnce.add(TradingGridDemoData.SITE_REQUEST_LYON);

    RunReport first = bridge.run(flow());
    assertThat(first.seen()).isEqualTo(all);
    assertThat(first.failed()).isEqualTo(1); // dead-lettered, tried again by the next run
    assertThat(store.checkpoint("site-request-notes", "default")).hasValueSatisfying(c -> assertThat(c)
        .startsWith("full-read:2026-12-01T08:00:00Z events:"));

    clock.advance(Duration.ofHours(1));
    RunReport retry = bridge.run(flow());
    assertThat(reads.get(1)).containsExactly(TradingGridDemoData.SITE_REQUEST_LYON);
    assertThat(retry.created()).isEqualTo(1);
    assertThat(target).hasSize(all);

    RunReport quiet = bridge.run(flow());
    assertThat(quiet.seen()).isZero();
    assertThat(reads).hasSize(2); // nothing was read at all

    String raised = sandboxes.tradingGridSandbox.raiseSiteRequest(TradingGridDemoData.SITE_ROTTERDAM, "playlist_change",
        "add a track").path("id").asText();
    RunReport woken = bridge.run(flow());
    assertThat(reads.get(2)).containsExactly(raised);
    assertThat(woken.created()).isEqualTo(1);

    clock.advance(Duration.ofDays(1));
    RunReport whole = bridge.run(flow());
    assertThat(whole.seen()).isEqualTo(all + 1);
    assertThat(whole.unchanged()).isEqualTo(all + 1);
    assertThat(store.checkpoint("site-request-notes", "default")).hasValueSatisfying(c -> assertThat(c)
        .startsWith("full-read:2026-12-02T09:00:00Z events:"));
  }

  @Test
  void aCursorPastTheFeedsRetentionMakesTheNextRunReadEverything() {
    bridge.run(flow());
    sandboxes.tradingGridSandbox.reset(); // the feed starts again: the saved cursor is gone (410)
    clock.advance(Duration.ofHours(1));

    RunReport afterReset = bridge.run(flow());

    assertThat(afterReset.seen()).isEqualTo(sandboxes.tradingGrid.siteRequests().list().stream().toList().size());
    assertThat(afterReset.failed()).isZero();
    assertThat(bridge.run(flow()).seen()).isZero();
  }
}
