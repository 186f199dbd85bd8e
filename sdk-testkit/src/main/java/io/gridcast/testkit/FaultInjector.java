package io.gridcast.testkit;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/** Applies a {@link FaultProfile}: decides, per request, which fault (if any) hits it. */
final class FaultInjector {

  enum Kind { NONE, RESET, SERVER_ERROR, RATE_LIMIT, MALFORMED }

  record Decision(Kind kind, long latencyMillis, int status) {
    static final Decision CLEAN = new Decision(Kind.NONE, 0, 0);
  }

  private static final int[] SERVER_ERRORS = {500, 502, 503};

  private volatile State state = new State(FaultProfile.none());

  void apply(FaultProfile profile) {
    state = new State(profile);
  }

  FaultProfile profile() {
    return state.profile;
  }

  Decision next(String path) {
    State current = state;
    FaultProfile p = current.profile;
    if (p.isNone() || p.isExempt(path)) {
      return Decision.CLEAN;
    }
    long sequence = current.sequence.getAndIncrement();
    // One independent stream per (seed, sequence): the decision for request n never depends on
    // how many draws earlier requests made.
    var random = new SplittableRandom(p.seed() * 0x9E3779B97F4A7C15L + sequence);
    long latency = p.fixedLatency().toMillis();
    long jitter = p.latencyJitter().toMillis();
    if (jitter > 0) {
      latency += random.nextLong(jitter + 1);
    }
    if (p.latencySpikeRate() > 0 && random.nextDouble() < p.latencySpikeRate()) {
      latency += p.latencySpike().toMillis();
    }
    double u = random.nextDouble();
    int serverError = SERVER_ERRORS[random.nextInt(SERVER_ERRORS.length)];
    double edge = p.connectionResetRate();
    if (u < edge) {
      return new Decision(Kind.RESET, latency, 0);
    }
    edge += p.serverErrorRate();
    if (u < edge) {
      return new Decision(Kind.SERVER_ERROR, latency, serverError);
    }
    edge += p.rateLimitRate();
    if (u < edge) {
      return new Decision(Kind.RATE_LIMIT, latency, 429);
    }
    edge += p.malformedBodyRate();
    if (u < edge) {
      return new Decision(Kind.MALFORMED, latency, 0);
    }
    return latency == 0 ? Decision.CLEAN : new Decision(Kind.NONE, latency, 0);
  }

  private static final class State {
    final FaultProfile profile;
    final AtomicLong sequence = new AtomicLong();

    State(FaultProfile profile) {
      this.profile = profile;
    }
  }
}
