package io.gridcast.testkit;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.CountDownLatch;

/** What both standalone sandbox mains do once started: print where they are, then wait. */
final class SandboxMains {

  private SandboxMains() {}

  /**
   * The address of {@code --bind}: an IP literal or a host name.
   *
   * @throws IllegalArgumentException if the name cannot be resolved
   */
  static InetAddress address(String value) {
    try {
      return InetAddress.getByName(value);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("--bind wants an IP address such as 127.0.0.1 or 0.0.0.0, got " + value);
    }
  }

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
