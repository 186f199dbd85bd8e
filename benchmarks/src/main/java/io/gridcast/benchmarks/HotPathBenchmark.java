package io.gridcast.benchmarks;

import io.gridcast.bridge.Fingerprints;
import io.gridcast.bridge.RunContext;
import io.gridcast.bridge.flows.EpisodeAnnouncementMapper;
import io.gridcast.bridge.flows.ShowEpisode;
import io.gridcast.spotify.model.Paging;
import io.gridcast.spotify.model.SimplifiedEpisode;
import io.gridcast.tradinggrid.model.PostCreate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import se.michaelthelin.spotify.model_objects.specification.EpisodeSimplified;

/**
 * The mapping hot path of the episode announcements flow, one stage at a time and as a whole,
 * beside a peer client (spotify-web-api-java) decoding the same bytes.
 *
 * <p>Every benchmark processes the whole 50-episode page and declares 50 operations, so scores
 * (and {@code -prof gc}'s {@code gc.alloc.rate.norm}) are per episode. Stages: {@code decode}
 * (page bytes to {@code Paging<SimplifiedEpisode>}, as the Spotify client does), {@code map}
 * (the default {@link EpisodeAnnouncementMapper} to a {@code PostCreate}), {@code encode} (the
 * create's request body with its {@code externalRef}, as {@code PostSink.encode} writes it with
 * the Trading Grid client's writer, once per item), {@code fingerprint} ({@link
 * Fingerprints#ofSentBody} over those bytes, as the engine takes it) and {@code whole} (all four in
 * a row, as a run does them: the bytes fingerprinted are the bytes sent). {@code peerDecode} starts
 * from the same bytes (the peer only accepts a {@code String}, so it pays the UTF-8 decoding);
 * {@code peerDecodeFromString} starts from a ready {@code String}, the peer's best case.
 *
 * <p>Run through {@code benchmarks/run}; defaults here are the full-mode settings.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class HotPathBenchmark {

  private byte[] page;
  private String pageText;
  private EpisodeAnnouncementMapper mapper;
  private RunContext run;
  private List<ShowEpisode> episodes;
  private List<PostCreate> posts;
  private List<byte[]> bodies;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    page = EpisodePage.bytes();
    pageText = new String(page, StandardCharsets.UTF_8);
    mapper = EpisodePage.defaultMapper(EpisodePage.demoPartners());
    run = EpisodePage.detachedRun();
    Paging<SimplifiedEpisode> decoded = EpisodePage.PAGE_READER.readValue(page);
    if (decoded.items().size() != EpisodePage.EPISODES) {
      throw new IllegalStateException("the fixture must hold " + EpisodePage.EPISODES + " episodes, has " + decoded.items().size());
    }
    episodes = new ArrayList<>();
    posts = new ArrayList<>();
    bodies = new ArrayList<>();
    for (SimplifiedEpisode e : decoded.items()) {
      ShowEpisode item = new ShowEpisode(EpisodePage.SHOW_ID, EpisodePage.SHOW_NAME, e);
      episodes.add(item);
      PostCreate post = mapper.map(item, run);
      posts.add(post);
      bodies.add(EpisodePage.POST_WRITER.writeValueAsBytes(post.withExternalRef(item.key())));
    }
  }

  @Benchmark
  @OperationsPerInvocation(EpisodePage.EPISODES)
  public Paging<SimplifiedEpisode> decode() throws IOException {
    return EpisodePage.PAGE_READER.readValue(page);
  }

  @Benchmark
  @OperationsPerInvocation(EpisodePage.EPISODES)
  public void map(Blackhole bh) {
    for (ShowEpisode e : episodes) {
      bh.consume(mapper.map(e, run));
    }
  }

  @Benchmark
  @OperationsPerInvocation(EpisodePage.EPISODES)
  public void fingerprint(Blackhole bh) {
    for (byte[] body : bodies) {
      bh.consume(Fingerprints.ofSentBody(body));
    }
  }

  @Benchmark
  @OperationsPerInvocation(EpisodePage.EPISODES)
  public void encode(Blackhole bh) throws IOException {
    for (int i = 0; i < posts.size(); i++) {
      bh.consume(EpisodePage.POST_WRITER.writeValueAsBytes(posts.get(i).withExternalRef(episodes.get(i).key())));
    }
  }

  @Benchmark
  @OperationsPerInvocation(EpisodePage.EPISODES)
  public void whole(Blackhole bh) throws IOException {
    Paging<SimplifiedEpisode> decoded = EpisodePage.PAGE_READER.readValue(page);
    for (SimplifiedEpisode e : decoded.items()) {
      ShowEpisode item = new ShowEpisode(EpisodePage.SHOW_ID, EpisodePage.SHOW_NAME, e);
      PostCreate post = mapper.map(item, run);
      byte[] body = EpisodePage.POST_WRITER.writeValueAsBytes(post.withExternalRef(item.key())); // as PostSink.encode
      bh.consume(Fingerprints.ofSentBody(body)); // as the engine, before it hands the same bytes to the create
      bh.consume(body);
    }
  }

  @Benchmark
  @OperationsPerInvocation(EpisodePage.EPISODES)
  public se.michaelthelin.spotify.model_objects.specification.Paging<EpisodeSimplified> peerDecode() {
    return new EpisodeSimplified.JsonUtil().createModelObjectPaging(new String(page, StandardCharsets.UTF_8));
  }

  @Benchmark
  @OperationsPerInvocation(EpisodePage.EPISODES)
  public se.michaelthelin.spotify.model_objects.specification.Paging<EpisodeSimplified> peerDecodeFromString() {
    return new EpisodeSimplified.JsonUtil().createModelObjectPaging(pageText);
  }
}
