package io.gridcast.benchmarks;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Watches this JVM's heap during one run: used heap sampled every millisecond from a daemon
 * thread together with the heap before every collection ({@code peakUsed}, garbage included),
 * and the heap left after every collection ({@code peakLive}, what the run really holds).
 * {@link #start()} forces a full collection first; {@link #stop()} forces one more while the
 * run's objects are still reachable, so that a run without a collection still gets a live figure.
 */
final class HeapWatch {

  private static final java.util.Set<String> HEAP_POOLS = ManagementFactory.getMemoryPoolMXBeans().stream()
      .filter(p -> p.getType() == java.lang.management.MemoryType.HEAP)
      .map(java.lang.management.MemoryPoolMXBean::getName)
      .collect(java.util.stream.Collectors.toUnmodifiableSet());

  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final AtomicLong peakUsed = new AtomicLong();
  private final AtomicLong peakLive = new AtomicLong();
  private final List<NotificationEmitter> emitters = new ArrayList<>();
  private final NotificationListener onGc = this::onGc;
  private final long baseline;
  private volatile boolean running = true;
  private final Thread sampler;

  private HeapWatch() {
    baseline = collect();
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter emitter) {
        emitter.addNotificationListener(onGc, null, null);
        emitters.add(emitter);
      }
    }
    sampler = new Thread(() -> {
      while (running) {
        peakUsed.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        try {
          Thread.sleep(1);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "heap-watch");
    sampler.setDaemon(true);
    sampler.start();
  }

  /** Forces a full collection, then starts watching. */
  static HeapWatch start() {
    return new HeapWatch();
  }

  /** Stops watching after one more forced collection; returns the figures. */
  Heap stop() throws InterruptedException {
    running = false;
    sampler.join();
    peakUsed.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
    long retained = collect();
    peakLive.accumulateAndGet(retained, Math::max);
    for (NotificationEmitter e : emitters) {
      try {
        e.removeNotificationListener(onGc);
      } catch (javax.management.ListenerNotFoundException ignored) {
        // removed already
      }
    }
    return new Heap(baseline, peakUsed.get(), Math.max(peakLive.get(), baseline), retained);
  }

  /**
   * @param baseline heap in use after the forced collection before the run
   * @param peakUsed highest heap in use during the run, garbage included
   * @param peakLive highest heap left after a collection during the run (or at its end)
   * @param retainedAtEnd heap left after a forced collection at the end, the run's objects still held
   */
  record Heap(long baseline, long peakUsed, long peakLive, long retainedAtEnd) {}

  private void onGc(Notification n, Object handback) {
    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
      return;
    }
    GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
    peakUsed.accumulateAndGet(sum(info.getGcInfo().getMemoryUsageBeforeGc()), Math::max);
    if (running) {
      peakLive.accumulateAndGet(sum(info.getGcInfo().getMemoryUsageAfterGc()), Math::max);
    }
  }

  /** Heap pools only: the collector also reports metaspace and code cache. */
  private static long sum(java.util.Map<String, MemoryUsage> pools) {
    long total = 0;
    for (java.util.Map.Entry<String, MemoryUsage> e : pools.entrySet()) {
      if (HEAP_POOLS.contains(e.getKey())) {
        total += e.getValue().getUsed();
      }
    }
    return total;
  }

  private long collect() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return memory.getHeapMemoryUsage().getUsed();
  }
}
