package io.gridcast.testkit;

import java.util.concurrent.CountDownLatch;

/** What both standalone sandbox mains do once started: print where they are, then wait. */
final class SandboxMains {

  private SandboxMains() {}

  /**
   * Prints {@code lines} (the addresses and credentials a client needs; empty ones are left out)
   * and blocks until the
   * JVM shuts down, closing {@code sandbox} on the way.
   */
  static void serveUntilStopped(AutoCloseable sandbox, String name, String... lines) throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        sandbox.close();
      } catch (Exception e) {
        System.err.println(name + ": closing failed: " + e);
      }
      stopped.countDown();
    }, name + "-shutdown"));
    for (String line : lines) {
      if (!line.isEmpty()) {
        System.out.println(line);
      }
    }
    System.out.flush();
    stopped.await();
  }
}
