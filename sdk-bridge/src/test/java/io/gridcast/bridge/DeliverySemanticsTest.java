package io.gridcast.bridge;

import io.gridcast.bridge.flows.PostSink;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridcast.bridge.flows.EpisodeAnnouncementMapper;
import io.gridcast.bridge.flows.ShowEpisode;
import io.gridcast.bridge.flows.ShowEpisodesSource;
import io.gridcast.bridge.policy.PartnerDirectory;
import io.gridcast.bridge.policy.RoutingPolicy;
import io.gridcast.bridge.state.InMemoryStateStore;
import io.gridcast.bridge.state.Lease;
import io.gridcast.bridge.state.LedgerEntry;
import io.gridcast.bridge.state.StateStore;
import io.gridcast.testkit.state.DelegatingStateStore;
import io.gridcast.bridge.testing.SandboxAssertions;
import io.gridcast.bridge.testing.Sandboxes;
import io.gridcast.testkit.SpotifyDemoData;
import io.gridcast.tradinggrid.model.PostCreate;
import io.gridcast.tradinggrid.model.PostKind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Effectively-once delivery through a real flow path (Spotify sandbox episodes → announcement
 * posts in the Trading Grid sandbox): a crash between any two steps, then a healthy re-run,
 * ends with every episode posted exactly once and the ledger complete.
 */
class DeliverySemanticsTest {

  private static final String FLOW = "crash-test";
  private static final int EPISODES = 24;
  private static final int BATCH = 5;

  /** Stands in for the process dying: an Error the bridge does not catch. */
  static final class SimulatedCrash extends Error {
    private static final long serialVersionUID = 1L;

    SimulatedCrash(String where) {
      super("simulated crash " + where);
    }
  }

  /** Where the crash happens. */
  enum CrashPoint {
    WHILE_FETCHING,
    WHILE_MAPPING,
    AFTER_REMOTE_WRITE,
    BEFORE_LEDGER_WRITE,
    BEFORE_CHECKPOINT
  }

  private Sandboxes sandboxes;
  private InMemoryStateStore store;
  private List<ShowEpisode> episodes;
  private final AtomicInteger partnerLoads = new AtomicInteger();

  @BeforeEach
  void start() {
    sandboxes = Sandboxes.start();
    store = new InMemoryStateStore();
    episodes = new ArrayList<>();
    new ShowEpisodesSource(sandboxes.spotify,
        List.of(SpotifyDemoData.SHOW_ARCHIVE_SESSIONS, SpotifyDemoData.SHOW_PARTNER_ACADEMY), null, null, null)
        .read(RunContext.detached("test", java.time.Clock.systemUTC())).forEach(b -> episodes.addAll(b.items()));
  }

  @AfterEach
  void stop() {
    sandboxes.close();
  }

  /** Batches of five with the index after each batch as checkpoint. */
  private Source<ShowEpisode> checkpointedSource(int crashAtBatch) {
    return run -> {
      int from = run.checkpoint().map(Integer::parseInt).orElse(0);
      List<Batch<ShowEpisode>> batches = new ArrayList<>();
      for (int i = from; i < episodes.size(); i += BATCH) {
        int to = Math.min(i + BATCH, episodes.size());
        batches.add(Batch.of(episodes.subList(i, to), Integer.toString(to), (long) episodes.size()));
      }
      return () -> new java.util.Iterator<>() {
        private int next;

        @Override
        public boolean hasNext() {
          if (next == crashAtBatch) {
            throw new SimulatedCrash("while fetching batch " + next);
          }
          return next < batches.size();
        }

        @Override
        public Batch<ShowEpisode> next() {
          return batches.get(next++);
        }
      };
    };
  }

  private Flow<ShowEpisode, PostCreate> flow(CrashPoint crash) {
    PartnerDirectory directory = PartnerDirectory.load(sandboxes.tradingGrid);
    partnerLoads.incrementAndGet();
    EpisodeAnnouncementMapper real = new EpisodeAnnouncementMapper(RoutingPolicy.everyone(), Snapshot.of("partners", () -> directory),
        List.of("podcast"), PostKind.ANNOUNCEMENT);
    AtomicInteger mapped = new AtomicInteger();
    Mapper<ShowEpisode, PostCreate> mapper = (e, run) -> {
      if (crash == CrashPoint.WHILE_MAPPING && mapped.incrementAndGet() == 8) {
        throw new SimulatedCrash("while mapping item 8");
      }
      return real.map(e, run);
    };
    PostSink posts = new PostSink(sandboxes.tradingGrid);
    AtomicInteger creates = new AtomicInteger();
    Sink<PostCreate> sink = new Sink<>() {
      @Override
      public WriteResult create(String key, PostCreate item, String idempotencyKey, String externalRef, RunContext run) {
        WriteResult r = posts.create(key, item, idempotencyKey, externalRef, run);
        if (crash == CrashPoint.AFTER_REMOTE_WRITE && creates.incrementAndGet() == 8) {
          throw new SimulatedCrash("after the remote write of item 8");
        }
        return r;
      }

      @Override
      public WriteResult update(LedgerEntry existing, PostCreate item, RunContext run) {
        return posts.update(existing, item, run);
      }

      @Override
      public Optional<WriteResult> findByExternalRef(String externalRef, RunContext run) {
        return posts.findByExternalRef(externalRef, run);
      }
    };
    return Flow.<ShowEpisode, PostCreate>builder(FLOW)
        .source(checkpointedSource(crash == CrashPoint.WHILE_FETCHING ? 2 : -1))
        .key(ShowEpisode::key)
        .mapper(mapper)
        .sink(sink)
        .build();
  }

  private Bridge bridge(StateStore s) {
    return Bridge.builder().stateStore(s).instanceId("instance-a").build();
  }

  private void assertExactlyOnce() {
    Map<String, Integer> posts = SandboxAssertions.postsByExternalRef(sandboxes.tradingGridSandbox, "spotify:episode:");
    assertThat(posts).hasSize(EPISODES).allSatisfy((ref, count) -> assertThat(count).as(ref).isEqualTo(1));
    assertThat(store.entries(FLOW)).hasSize(EPISODES);
    assertThat(store.checkpoint(FLOW, "default")).contains(Integer.toString(EPISODES));
  }

  @ParameterizedTest
  @EnumSource(CrashPoint.class)
  void aCrashBetweenAnyTwoStepsIsHealedByTheNextRunWithoutADuplicate(CrashPoint crash) {
    StateStore crashing = crash == CrashPoint.BEFORE_LEDGER_WRITE ? new CrashingStore(store, 8, -1)
        : crash == CrashPoint.BEFORE_CHECKPOINT ? new CrashingStore(store, -1, 2)
        : store;

    assertThatThrownBy(() -> bridge(crashing).run(flow(crash))).isInstanceOf(SimulatedCrash.class);

    RunReport healed = bridge(store).run(flow(null));
    assertThat(healed.failed()).isZero();
    assertExactlyOnce();

    RunReport again = bridge(store).run(flow(null));
    assertThat(again.seen()).as("the checkpoint is at the end: nothing left to read").isZero();
    assertExactlyOnce();
  }

  @Test
  void theCheckpointNeverPassesAnUncommittedItem() {
    StateStore crashing = new CrashingStore(store, 8, -1);

    assertThatThrownBy(() -> bridge(crashing).run(flow(null))).isInstanceOf(SimulatedCrash.class);

    // items 1-5 were recorded; the batch holding item 8 (items 6-10) was neither recorded (its
    // one transaction never ran) nor checkpointed
    assertThat(store.entries(FLOW)).hasSize(5);
    assertThat(store.checkpoint(FLOW, "default")).contains("5");
  }

  @Test
  void anOrphanFromACrashedRunIsAdoptedNotRecreated() {
    assertThatThrownBy(() -> bridge(new CrashingStore(store, 1, -1)).run(flow(null)))
        .isInstanceOf(SimulatedCrash.class);
    assertThat(store.entries(FLOW)).isEmpty();

    RunReport healed = bridge(store).run(flow(null));

    assertThat(healed.created()).isEqualTo(EPISODES); // the first batch's five adopted
    assertExactlyOnce();
  }

  /**
   * Delegates to a store, crashing before the ledger write that would record the n-th entry (a
   * batch's group commit holding it is not recorded at all) or before the n-th checkpoint save.
   */
  static final class CrashingStore extends DelegatingStateStore {
    private final int crashOnRecord;
    private final int crashOnCheckpoint;
    private int records;
    private int checkpoints;

    CrashingStore(StateStore delegate, int crashOnRecord, int crashOnCheckpoint) {
      super(delegate);
      this.crashOnRecord = crashOnRecord;
      this.crashOnCheckpoint = crashOnCheckpoint;
    }

    @Override
    public void record(LedgerEntry entry, Lease lease) {
      if (++records == crashOnRecord) {
        throw new SimulatedCrash("before ledger write " + records);
      }
      super.record(entry, lease);
    }

    @Override
    public void recordAll(Collection<LedgerEntry> entries, Lease lease) {
      if (records < crashOnRecord && records + entries.size() >= crashOnRecord) {
        throw new SimulatedCrash("before the group commit holding ledger write " + crashOnRecord);
      }
      records += entries.size();
      super.recordAll(entries, lease);
    }

    @Override
    public void saveCheckpoint(Lease lease, String value) {
      if (++checkpoints == crashOnCheckpoint) {
        throw new SimulatedCrash("before checkpoint " + checkpoints);
      }
      super.saveCheckpoint(lease, value);
    }
  }
}
