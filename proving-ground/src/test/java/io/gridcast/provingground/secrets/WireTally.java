package io.gridcast.provingground.secrets;

import io.gridcast.testkit.SandboxExchange;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** What one sandbox answered: exchanges, 401s and injected faults by kind. Thread-safe. */
final class WireTally {

  private final AtomicInteger exchanges = new AtomicInteger();
  private final AtomicInteger unauthorized = new AtomicInteger();
  private final AtomicInteger tokenRequests = new AtomicInteger();
  private final Map<SandboxExchange.Fault, AtomicInteger> faults = new ConcurrentHashMap<>();

  void add(SandboxExchange exchange) {
    exchanges.incrementAndGet();
    if (exchange.status() == 401) {
      unauthorized.incrementAndGet();
    }
    if (exchange.path().endsWith("/token")) {
      tokenRequests.incrementAndGet();
    }
    if (exchange.fault() != SandboxExchange.Fault.NONE) {
      faults.computeIfAbsent(exchange.fault(), f -> new AtomicInteger()).incrementAndGet();
    }
  }

  int exchanges() {
    return exchanges.get();
  }

  /** Answers with status 401 (an expired, revoked, forged token or a bad client). */
  int unauthorized() {
    return unauthorized.get();
  }

  /** Requests to a token endpoint. */
  int tokenRequests() {
    return tokenRequests.get();
  }

  /** Injected faults by kind. */
  Map<SandboxExchange.Fault, Integer> faults() {
    Map<SandboxExchange.Fault, Integer> copy = new EnumMap<>(SandboxExchange.Fault.class);
    faults.forEach((f, n) -> copy.put(f, n.get()));
    return copy;
  }
}
