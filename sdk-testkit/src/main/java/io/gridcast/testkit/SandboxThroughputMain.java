package io.gridcast.testkit;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A small, JMH-free measurement of {@link SandboxServer} on loopback: sequential keep-alive POSTs
 * from one caller, then concurrent POSTs from eight callers, against a JSON echo route.
 *
 * <p>Run it with no JVM flags, so that {@link SandboxServer} itself has to switch TCP_NODELAY on:
 * {@code java -cp <testkit jar + jackson + slf4j> io.gridcast.testkit.SandboxThroughputMain [requests]}.
 * Without TCP_NODELAY the sequential figure falls to about 22 requests per second.
 */
public final class SandboxThroughputMain {

  private SandboxThroughputMain() {}

  /** Prints requests per second; the optional argument is the number of sequential requests (default 5000). */
  public static void main(String[] args) throws Exception {
    int requests = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
    var router = new SandboxRouter().post("/echo", req -> SandboxResponse.json(200, req.bodyJson()));
    try (SandboxServer server = SandboxServer.builder().name("throughput").router(router).start()) {
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      URI uri = URI.create(server.baseUri() + "/echo");
      System.out.println("sun.net.httpserver.nodelay=" + System.getProperty(SandboxServer.NODELAY_PROPERTY));
      run(client, uri, 500); // warm-up
      long t0 = System.nanoTime();
      run(client, uri, requests);
      double seconds = (System.nanoTime() - t0) / 1e9;
      System.out.printf("sequential: %d POSTs in %.2f s = %.0f req/s%n", requests, seconds, requests / seconds);

      int callers = 8;
      ExecutorService pool = Executors.newFixedThreadPool(callers);
      List<Future<?>> futures = new ArrayList<>();
      long t1 = System.nanoTime();
      for (int c = 0; c < callers; c++) {
        futures.add(pool.submit(() -> {
          run(client, uri, requests / callers);
          return null;
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
      double concurrentSeconds = (System.nanoTime() - t1) / 1e9;
      pool.shutdown();
      int total = requests / callers * callers;
      System.out.printf("concurrent (%d callers): %d POSTs in %.2f s = %.0f req/s%n", callers, total, concurrentSeconds,
          total / concurrentSeconds);
    }
  }

  private static void run(HttpClient client, URI uri, int n) throws Exception {
    for (int i = 0; i < n; i++) {
      HttpRequest request = HttpRequest.newBuilder(uri)
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"n\":" + i + "}"))
          .build();
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200 || !response.body().equals("{\"n\":" + i + "}")) {
        throw new IllegalStateException("unexpected response " + response.statusCode() + " " + response.body());
      }
    }
  }
}
