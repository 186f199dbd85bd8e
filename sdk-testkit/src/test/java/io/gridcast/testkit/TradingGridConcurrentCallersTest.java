package io.gridcast.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The Trading Grid sandbox under load from several callers at once: every request is answered
 * correctly and idempotent creates stay idempotent. Speed is not asserted here: the sandbox's
 * requests per second are measured by {@link SandboxThroughputMain} and the benchmarks, and
 * TCP_NODELAY (the 40 ms Nagle stall) is checked by {@code SandboxServerTest}.
 */
class TradingGridConcurrentCallersTest {

  private static final int CALLERS = 8;
  private static final int REQUESTS_PER_CALLER = 100;

  @Test
  void eightCallersAtOnceAllGetAnswersAndEachIdempotencyKeyCreatesOneThread() throws Exception {
    try (TradingGridSandbox sandbox = TradingGridSandbox.builder().start()) {
      TgTestClient tg = new TgTestClient(sandbox);
      int threadsBefore = sandbox.resources(TradingGridResource.THREADS).size();
      ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
      try {
        List<Future<Integer>> callers = new ArrayList<>();
        for (int c = 0; c < CALLERS; c++) {
          int caller = c;
          callers.add(pool.submit(() -> run(tg, caller)));
        }
        int creates = 0;
        for (Future<Integer> f : callers) {
          creates += f.get(60, TimeUnit.SECONDS);
        }

        assertThat(creates).isEqualTo(CALLERS * REQUESTS_PER_CALLER / 2);
        assertThat(sandbox.resources(TradingGridResource.THREADS)).as("one thread per idempotency key, none twice")
            .hasSize(threadsBefore + creates);
      } finally {
        pool.shutdownNow();
      }
    }
  }

  /** Half GETs, half idempotent POSTs, each POST sent twice with its key; returns the number of distinct creates. */
  private static int run(TgTestClient tg, int caller) {
    int creates = 0;
    for (int i = 0; i < REQUESTS_PER_CALLER; i++) {
      if (i % 2 == 0) {
        Http.Reply reply = tg.get("partners?limit=5");
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(reply.json().path("items")).isNotEmpty();
      } else {
        String key = "load-" + caller + "-" + i;
        Map<String, Object> body = Map.of("title", "Load " + caller + "/" + i);
        Http.Reply created = tg.post("threads", body, key);
        Http.Reply replayed = tg.post("threads", body, key);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(replayed.status()).as(replayed.text()).isIn(200, 201);
        assertThat(replayed.json().path("id").asText()).isEqualTo(created.json().path("id").asText());
        creates++;
      }
    }
    return creates;
  }
}
