package io.gridcast.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Guards against the 40 ms Nagle stall: the sandbox must carry far more than 25 sequential requests per second. */
class TradingGridThroughputTest {

  private static final Logger log = LoggerFactory.getLogger(TradingGridThroughputTest.class);

  @Test
  void carriesHundredsOfRequestsPerSecondOnLoopback() throws Exception {
    try (TradingGridSandbox sandbox = TradingGridSandbox.builder().start()) {
      TgTestClient tg = new TgTestClient(sandbox);
      run(tg, 300);
      int n = 2000;
      long t0 = System.nanoTime();
      run(tg, n);
      double sequential = n / ((System.nanoTime() - t0) / 1e9);

      ExecutorService pool = Executors.newFixedThreadPool(8);
      long t1 = System.nanoTime();
      List<Future<Object>> futures = new java.util.ArrayList<>();
      for (int c = 0; c < 8; c++) {
        futures.add(pool.submit(() -> {
          run(tg, n / 8);
          return null;
        }));
      }
      for (Future<Object> f : futures) {
        f.get();
      }
      double concurrent = n / ((System.nanoTime() - t1) / 1e9);
      pool.shutdown();
      log.info("Trading Grid sandbox: {} sequential req/s, {} req/s from 8 callers (half GETs, half idempotent POSTs)",
          Math.round(sequential), Math.round(concurrent));

      assertThat(sequential).isGreaterThan(300);
      assertThat(concurrent).isGreaterThan(300);
    }
  }

  private static void run(TgTestClient tg, int n) {
    for (int i = 0; i < n; i++) {
      Http.Reply reply = i % 2 == 0
          ? tg.get("partners?limit=5")
          : tg.post("threads", Map.of("title", "Load " + i), "load-" + Thread.currentThread().getId() + "-" + i);
      if (reply.status() != 200 && reply.status() != 201) {
        throw new IllegalStateException("unexpected " + reply.status() + " " + reply.text());
      }
    }
  }
}
