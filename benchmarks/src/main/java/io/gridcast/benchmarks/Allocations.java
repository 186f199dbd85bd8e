package io.gridcast.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.HashMap;
import java.util.Map;

/**
 * Bytes allocated on the heap by this JVM's threads between {@link #start()} and {@link
 * #stop()}: HotSpot's per-thread allocation counters, summed over every thread alive at the end
 * (threads started meanwhile count from zero), leaving out the {@link HeapWatch} sampler. A
 * thread that both starts and ends within the measurement is missed; neither side of the
 * harness does that (the bridge's writer threads live a minute idle, the bare loop's as long as
 * the loop). Java 17 has no JVM-wide counter ({@code getTotalThreadAllocatedBytes} came in 21).
 */
final class Allocations {

  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  static {
    if (THREADS.isThreadAllocatedMemorySupported() && !THREADS.isThreadAllocatedMemoryEnabled()) {
      THREADS.setThreadAllocatedMemoryEnabled(true);
    }
  }

  private final Map<Long, Long> before;

  private Allocations(Map<Long, Long> before) {
    this.before = before;
  }

  static Allocations start() {
    return new Allocations(snapshot());
  }

  /** Bytes allocated since {@link #start()}; -1 if this JVM does not count them. */
  long stop() {
    if (!THREADS.isThreadAllocatedMemorySupported()) {
      return -1;
    }
    long total = 0;
    for (Map.Entry<Long, Long> e : snapshot().entrySet()) {
      total += Math.max(0, e.getValue() - before.getOrDefault(e.getKey(), 0L));
    }
    return total;
  }

  private static Map<Long, Long> snapshot() {
    long[] ids = THREADS.getAllThreadIds();
    long[] bytes = THREADS.getThreadAllocatedBytes(ids);
    ThreadInfo[] infos = THREADS.getThreadInfo(ids);
    Map<Long, Long> m = new HashMap<>();
    for (int i = 0; i < ids.length; i++) {
      if (bytes[i] >= 0 && infos[i] != null && !infos[i].getThreadName().equals("heap-watch")) {
        m.put(ids[i], bytes[i]);
      }
    }
    return m;
  }
}
