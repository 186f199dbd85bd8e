package io.gridcast.bridge;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridcast.bridge.policy.DeliveryPolicy;
import io.gridcast.bridge.policy.FailurePolicy;
import io.gridcast.core.GridcastJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A named, runnable flow: where items come from, how each is keyed and mapped, and where the
 * result goes. Immutable and thread-safe; build with {@link #builder(String)}.
 *
 * <pre>{@code
 * Flow<SimplifiedEpisode, NewPost> flow = Flow.<SimplifiedEpisode, NewPost>builder("episode-announcements")
 *     .source(run -> episodesOfShows(run.checkpoint()))
 *     .key(e -> "spotify:episode:" + e.id())
 *     .mapper(new EpisodeAnnouncementMapper(routing))
 *     .sink(postSink)
 *     .build();
 * RunReport report = bridge.run(flow);
 * }</pre>
 *
 * <p>A flow that needs several steps, each over items of its own (decide site requests, then
 * keep the sites' playlists, then post what changed), is made {@linkplain #inStages of stages}:
 * single-stage flows run one after the other by one {@code bridge.run}, sharing one run id and
 * the run's {@linkplain Snapshot snapshots}, reported as one {@link RunReport} with a {@linkplain
 * RunReport#stages() section per stage}.
 *
 * <p>Defaults: partition {@code "default"}; the fingerprint is the SHA-256 of the request body
 * where the sink {@linkplain Sink#encode encodes it ahead} (so each item is encoded once), else
 * of the mapped item's JSON encoding by {@link GridcastJson}; the {@code externalRef} of a created resource
 * is the source key; no per-run caps; an item is parked after 5 failed runs; no look-up for
 * replaying dead letters; up to {@value #DEFAULT_MAX_IN_FLIGHT} remote writes in flight.
 *
 * @param <S> the source item type
 * @param <T> the mapped (target request) type
 */
public final class Flow<S, T> {

  /** The default of {@link Builder#maxInFlight(int)}. */
  public static final int DEFAULT_MAX_IN_FLIGHT = 8;
  /** The most remote writes {@link Builder#maxInFlight(int)} allows in flight. */
  public static final int MAX_IN_FLIGHT = 64;

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
  private static final ObjectMapper JSON = GridcastJson.newObjectMapper();

  private final String name;
  private final String partition;
  private final Source<S> source;
  private final Function<S, String> key;
  private final Mapper<S, T> mapper;
  private final Function<T, String> fingerprint;
  /** Whether the fingerprint is the default, so taken over the sent body where the sink encodes. */
  private final boolean defaultFingerprint;
  private final Sink<T> sink;
  private final Function<String, String> externalRef;
  private final BiFunction<String, RunContext, Optional<S>> lookup;
  private final boolean hasLookup;
  private final RunCaps caps;
  private final DeliveryPolicy delivery;
  private final int maxInFlight;
  private final FailurePolicy failures;
  private final List<Flow<?, ?>> stages;

  private Flow(String name, List<Flow<?, ?>> stages) {
    this.name = name;
    this.partition = "default";
    this.source = null;
    this.key = null;
    this.mapper = null;
    this.fingerprint = null;
    this.defaultFingerprint = false;
    this.sink = null;
    this.externalRef = null;
    this.lookup = null;
    this.hasLookup = false;
    this.caps = RunCaps.none();
    this.delivery = DeliveryPolicy.defaults();
    this.maxInFlight = 1;
    this.failures = FailurePolicy.defaults();
    this.stages = stages;
  }

  private Flow(Builder<S, T> b) {
    this.stages = List.of();
    this.name = b.name;
    this.partition = b.partition;
    this.source = b.source;
    this.key = b.key;
    this.mapper = b.mapper;
    this.fingerprint = b.fingerprint;
    this.defaultFingerprint = b.defaultFingerprint;
    this.sink = b.sink;
    this.externalRef = b.externalRef;
    this.lookup = b.lookup;
    this.hasLookup = b.hasLookup;
    this.caps = b.caps;
    this.delivery = b.delivery;
    this.maxInFlight = b.maxInFlight;
    this.failures = b.failures;
  }

  /**
   * A flow named {@code name} made of {@code stages}, run in this order by one {@code
   * bridge.run}: a stage that stops early (its target unreachable, say) does not stop the next
   * one, as each stage's items are its own; a cancelled run (its thread interrupted) starts no
   * further stage. Each stage keeps its ledger, checkpoints, lease and dead letters under its
   * own name, and every stage's name starts with the flow's name and {@code '.'} or {@code '-'},
   * so that all of the flow's state lives in one namespace.
   *
   * <pre>{@code
   * Flow<?, ?> music = Flow.inStages("business-music", List.of(requests, playlists, notices));
   * RunReport report = bridge.run(music);
   * report.stage("playlists").created();
   * }</pre>
   *
   * @throws IllegalArgumentException if there is no stage, a stage is itself made of stages, two
   *     stages share a name, or a stage's name does not start with {@code name} and {@code '.'} or
   *     {@code '-'}
   */
  public static Flow<?, ?> inStages(String name, List<? extends Flow<?, ?>> stages) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("flow name must be 1-64 characters of a-z, 0-9, '.', '_' or '-', was: " + name);
    }
    if (stages == null || stages.isEmpty()) {
      throw new IllegalArgumentException("flow " + name + " has no stages: pass at least one");
    }
    Set<String> names = new HashSet<>();
    List<Flow<?, ?>> copy = new ArrayList<>(stages.size());
    for (Flow<?, ?> stage : stages) {
      Objects.requireNonNull(stage, "stage");
      if (stage.isStaged()) {
        throw new IllegalArgumentException("stage " + stage.name() + " of flow " + name
            + " is made of stages itself: list its stages in " + name + " instead");
      }
      String n = stage.name();
      if (!(n.startsWith(name + ".") || n.startsWith(name + "-")) || n.length() == name.length() + 1) {
        throw new IllegalArgumentException("stage " + n + " of flow " + name + " must be named " + name
            + ".<stage> (or " + name + "-<stage>), so that the flow's state stays under its name");
      }
      if (!names.add(n)) {
        throw new IllegalArgumentException("flow " + name + " has two stages named " + n);
      }
      copy.add(stage);
    }
    return new Flow<Object, Object>(name, List.copyOf(copy));
  }

  /**
   * The stages of a flow made {@linkplain #inStages of stages}, in the order they run; empty for a
   * single-stage flow (which is its own only step).
   */
  public List<Flow<?, ?>> stages() {
    return stages;
  }

  /** Whether this flow is made {@linkplain #inStages of stages}. */
  public boolean isStaged() {
    return !stages.isEmpty();
  }

  /** The single-stage parts below exist only on a flow that is not made of stages. */
  private <V> V part(V value, String what) {
    if (value == null) {
      throw new IllegalStateException("flow " + name + " is made of stages " + stages.stream().map(Flow::name).toList()
          + " and has no " + what + " of its own: ask stages()");
    }
    return value;
  }

  /**
   * A builder for a flow named {@code name} (lowercase letters, digits, {@code . _ -}; at most
   * 64 characters). Not thread-safe.
   */
  public static <S, T> Builder<S, T> builder(String name) {
    return new Builder<>(name);
  }

  /** The flow's name: 1-64 characters of {@code a-z 0-9 . _ -}; its state is kept under it. */
  public String name() {
    return name;
  }

  /** The partition this flow definition processes; default {@code "default"}. */
  public String partition() {
    return partition;
  }

  /** Where the flow's items come from. */
  public Source<S> source() {
    return part(source, "source");
  }

  /** The stable key of {@code item}, from the configured key function. */
  public String keyOf(S item) {
    return part(key, "key function").apply(item);
  }

  /** Maps each source item to the target request. */
  public Mapper<S, T> mapper() {
    return part(mapper, "mapper");
  }

  /**
   * The fingerprint of a mapped item by the configured function; by default {@link
   * #jsonFingerprint}. The engine compares fingerprints with the ledger's to decide whether to
   * update. Where the flow keeps the default and its sink {@linkplain Sink#encode encodes} the
   * create's body ahead, the engine takes the fingerprint over the bytes it sends instead ({@link
   * Fingerprints#ofSentBody}), and still recognises this one in ledger entries written before.
   */
  public String fingerprintOf(T mapped) {
    return part(fingerprint, "fingerprint").apply(mapped);
  }

  /** Whether runs fingerprint the bodies the sink encodes (the default fingerprint is kept). */
  boolean fingerprintsSentBodies() {
    return defaultFingerprint;
  }

  /** Where mapped items are written. */
  public Sink<T> sink() {
    return part(sink, "sink");
  }

  /**
   * The {@code externalRef} of the resource created for {@code sourceKey}; by default the source
   * key itself.
   */
  public String externalRefOf(String sourceKey) {
    return part(externalRef, "externalRef function").apply(sourceKey);
  }

  /** Finds a source item again by key, for replaying dead letters in the replay's {@code run}. */
  public Optional<S> lookup(String sourceKey, RunContext run) {
    return part(lookup, "lookup").apply(sourceKey, run);
  }

  /** Whether {@link #lookup} was configured, i.e. whether dead letters can be replayed. */
  public boolean hasLookup() {
    return hasLookup;
  }

  /** The per-run limits; default {@link RunCaps#none()}. */
  public RunCaps caps() {
    return caps;
  }

  /** How many failed runs an item gets before it is parked; default {@link DeliveryPolicy#defaults()} (5). */
  public DeliveryPolicy delivery() {
    return delivery;
  }

  /**
   * How many of one batch's remote writes may be in flight at once; default {@value
   * #DEFAULT_MAX_IN_FLIGHT}. 1 writes the items one after the other on the run's own thread.
   */
  public int maxInFlight() {
    return maxInFlight;
  }

  /** Which failures stop a run and which fail only their item; default {@link FailurePolicy#defaults()}. */
  public FailurePolicy failures() {
    return failures;
  }

  /**
   * The default fingerprint: SHA-256 of the JSON encoding, hashed as it is written (no copy of
   * the JSON is kept).
   */
  public static String jsonFingerprint(Object mapped) {
    try {
      return Fingerprints.sha256Hex(JSON, mapped);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot encode " + mapped.getClass().getSimpleName() + " as JSON to fingerprint it", e);
    }
  }

  /** Builds a {@link Flow}; source, key, mapper and sink are required. Not thread-safe. */
  public static final class Builder<S, T> {
    private final String name;
    private String partition = "default";
    private Source<S> source;
    private Function<S, String> key;
    private Mapper<S, T> mapper;
    private Function<T, String> fingerprint = Flow::jsonFingerprint;
    private boolean defaultFingerprint = true;
    private Sink<T> sink;
    private Function<String, String> externalRef = Function.identity();
    private BiFunction<String, RunContext, Optional<S>> lookup = (k, run) -> Optional.empty();
    private boolean hasLookup;
    private RunCaps caps = RunCaps.none();
    private DeliveryPolicy delivery = DeliveryPolicy.defaults();
    private int maxInFlight = DEFAULT_MAX_IN_FLIGHT;
    private FailurePolicy failures = FailurePolicy.defaults();

    private Builder(String name) {
      if (name == null || !NAME.matcher(name).matches()) {
        throw new IllegalArgumentException("flow name must be 1-64 characters of a-z, 0-9, '.', '_' or '-', was: " + name);
      }
      this.name = name;
    }

    /** The partition this flow definition processes; default {@code "default"}. */
    public Builder<S, T> partition(String partition) {
      if (partition == null || partition.isBlank() || partition.length() > 128) {
        throw new IllegalArgumentException("partition must be 1-128 characters");
      }
      this.partition = partition;
      return this;
    }

    /**
     * Where items come from (required).
     *
     * @throws NullPointerException if {@code source} is null
     */
    public Builder<S, T> source(Source<S> source) {
      this.source = Objects.requireNonNull(source, "source");
      return this;
    }

    /**
     * The stable key of a source item; it must never change for the same item. Keys of any
     * length work; a key that no state store can hold ({@link io.gridcast.bridge.state.SourceKeys}:
     * a NUL character, an unpaired surrogate, over 64 KiB) fails its item alone, as a run's
     * failure that is not dead-lettered. A missing or blank key stops the run.
     */
    public Builder<S, T> key(Function<S, String> key) {
      this.key = Objects.requireNonNull(key, "key");
      return this;
    }

    /**
     * Maps each source item to the target request (required).
     *
     * @throws NullPointerException if {@code mapper} is null
     */
    public Builder<S, T> mapper(Mapper<S, T> mapper) {
      this.mapper = Objects.requireNonNull(mapper, "mapper");
      return this;
    }

    /**
     * Replaces the default fingerprint (of the sent body where the sink encodes it, else of the
     * mapped item's JSON). A custom fingerprint makes the engine encode a create's body a second
     * time, in the sink.
     */
    public Builder<S, T> fingerprint(Function<T, String> fingerprint) {
      this.fingerprint = Objects.requireNonNull(fingerprint, "fingerprint");
      this.defaultFingerprint = false;
      return this;
    }

    /**
     * Where mapped items are written (required).
     *
     * @throws NullPointerException if {@code sink} is null
     */
    public Builder<S, T> sink(Sink<T> sink) {
      this.sink = Objects.requireNonNull(sink, "sink");
      return this;
    }

    /** How a source key becomes the created resource's {@code externalRef}; default identity. */
    public Builder<S, T> externalRef(Function<String, String> externalRef) {
      this.externalRef = Objects.requireNonNull(externalRef, "externalRef");
      return this;
    }

    /** Finds a source item by key, so that {@link Bridge#replayDeadLetters} can retry it. */
    public Builder<S, T> lookup(Function<String, Optional<S>> lookup) {
      Objects.requireNonNull(lookup, "lookup");
      return lookup((key, run) -> lookup.apply(key));
    }

    /**
     * Finds a source item by key in the replay's run (its clock, snapshots and ledger), so that
     * {@link Bridge#replayDeadLetters} can retry it.
     */
    public Builder<S, T> lookup(BiFunction<String, RunContext, Optional<S>> lookup) {
      this.lookup = Objects.requireNonNull(lookup, "lookup");
      this.hasLookup = true;
      return this;
    }

    /**
     * Per-run limits on items seen and remote writes; default {@link RunCaps#none()}.
     *
     * @throws NullPointerException if {@code caps} is null
     */
    public Builder<S, T> caps(RunCaps caps) {
      this.caps = Objects.requireNonNull(caps, "caps");
      return this;
    }

    /** How many failed runs an item gets before it is parked; default {@link DeliveryPolicy#defaults()}. */
    public Builder<S, T> delivery(DeliveryPolicy delivery) {
      this.delivery = Objects.requireNonNull(delivery, "delivery");
      return this;
    }

    /**
     * How many of one batch's remote writes (the sink's creates and updates, each with its
     * orphan look-up) may be in flight at once, from 1 to {@value #MAX_IN_FLIGHT}; default
     * {@value #DEFAULT_MAX_IN_FLIGHT}. Writes run on the bridge's executor; mapping, the ledger and
     * the checkpoint stay on the run's thread, and a batch's checkpoint is saved only after every
     * write of the batch was recorded, so more in flight changes nothing about what is delivered,
     * only how fast. Use 1 for a sink whose items write to one shared remote resource (one
     * playlist, say), where concurrent writes would only contend.
     *
     * @throws IllegalArgumentException if {@code maxInFlight} is outside 1 to {@value #MAX_IN_FLIGHT}
     */
    public Builder<S, T> maxInFlight(int maxInFlight) {
      if (maxInFlight < 1 || maxInFlight > MAX_IN_FLIGHT) {
        throw new IllegalArgumentException("maxInFlight must be from 1 to " + MAX_IN_FLIGHT + ", was " + maxInFlight);
      }
      this.maxInFlight = maxInFlight;
      return this;
    }

    /**
     * Which failures stop a run and which fail only their item (dead-lettered); default {@link
     * FailurePolicy#defaults()}. A state store failure always stops the run.
     *
     * @throws NullPointerException if {@code failures} is null
     */
    public Builder<S, T> failures(FailurePolicy failures) {
      this.failures = Objects.requireNonNull(failures, "failures");
      return this;
    }

    /** @throws IllegalArgumentException naming the first missing part */
    public Flow<S, T> build() {
      if (source == null) {
        throw new IllegalArgumentException("flow " + name + " has no source: call source(...)");
      }
      if (key == null) {
        throw new IllegalArgumentException("flow " + name + " has no key function: call key(...)");
      }
      if (mapper == null) {
        throw new IllegalArgumentException("flow " + name + " has no mapper: call mapper(...)");
      }
      if (sink == null) {
        throw new IllegalArgumentException("flow " + name + " has no sink: call sink(...)");
      }
      return new Flow<>(this);
    }
  }
}
