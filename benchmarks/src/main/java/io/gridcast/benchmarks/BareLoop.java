package io.gridcast.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridcast.benchmarks.RequestRecorder.Recorded;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The baseline: a plain OkHttp loop sending the <em>minimal</em> requests for a sync, taken from
 * what a calibration run of the bridge sent (same URLs, headers and bodies). First, one after
 * another, the token fetches and the reads of the Spotify sandbox (the show and its episode
 * pages); then one create ({@code POST}) per new item, {@code concurrency} in flight on as many
 * threads, the same bound as the bridge's {@code Flow.maxInFlight()}. It skips what a hand-written
 * loop does not need: the partner page and the {@code externalRef} look-ups before each create.
 * Every response body is read in full; no mapping, no state: the only thing it decodes is the
 * {@code access_token} of the two token responses. {@link #close()} stops its threads.
 */
final class BareLoop implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final OkHttpClient client;
  private final int concurrency;
  private final ExecutorService writers;

  BareLoop(OkHttpClient client, int concurrency) {
    this.client = client;
    this.concurrency = concurrency;
    AtomicInteger n = new AtomicInteger();
    this.writers = Executors.newFixedThreadPool(concurrency, r -> {
      Thread t = new Thread(r, "bare-write-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  int concurrency() {
    return concurrency;
  }

  /** The requests of a bridge run that the bare loop sends: all but the Trading Grid reads. */
  static List<Recorded> minimal(List<Recorded> bridgeRequests, String tradingGridServer) {
    List<Recorded> kept = new ArrayList<>();
    for (Recorded r : bridgeRequests) {
      boolean tradingGridRead = r.server().equals(tradingGridServer) && !r.isTokenRequest() && r.method().equals("GET");
      if (!tradingGridRead) {
        kept.add(r);
      }
    }
    return kept;
  }

  /** Sends {@code requests} (from {@link #minimal}); returns how many were answered with a 2xx. */
  int run(List<Recorded> requests) throws IOException, InterruptedException {
    Map<String, String> tokens = new ConcurrentHashMap<>();
    int ok = 0;
    List<Recorded> creates = new ArrayList<>();
    for (Recorded r : requests) {
      if (r.method().equals("POST") && !r.isTokenRequest()) {
        creates.add(r);
      } else if (send(r, tokens)) {
        ok++;
      }
    }
    List<Future<Boolean>> pending = new ArrayList<>(creates.size());
    for (Recorded r : creates) {
      pending.add(writers.submit(() -> send(r, tokens)));
    }
    for (Future<Boolean> f : pending) {
      try {
        if (f.get()) {
          ok++;
        }
      } catch (ExecutionException e) {
        throw new IOException("a create failed", e.getCause());
      }
    }
    return ok;
  }

  private boolean send(Recorded r, Map<String, String> tokens) throws IOException {
    Request.Builder b = new Request.Builder().url(r.url()).headers(r.headers())
        .method(r.method(), r.body() == null ? null : RequestBody.create(r.body(), r.contentType()));
    if (r.bearer()) {
      b.header("Authorization", "Bearer " + tokens.get(r.server()));
    }
    try (Response response = client.newCall(b.build()).execute()) {
      byte[] body = response.body().bytes();
      if (response.isSuccessful() && r.isTokenRequest()) {
        tokens.put(r.server(), JSON.readTree(body).path("access_token").asText());
      }
      return response.isSuccessful();
    }
  }

  @Override
  public void close() {
    writers.shutdownNow();
  }
}
