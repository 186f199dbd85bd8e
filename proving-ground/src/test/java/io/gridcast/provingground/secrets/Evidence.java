package io.gridcast.provingground.secrets;

import io.gridcast.bridge.BridgeListener;
import io.gridcast.bridge.RunReport;
import io.gridcast.core.resilience.ResilienceListener;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * What the runs left behind for a user to print: the exceptions they threw, the objects they
 * made (as {@code toString()} at the time), the reports of every run, and each retry a client's
 * resilience listener was told about. Thread-safe.
 */
final class Evidence {

  /** An exception, and what was being done when it was thrown. */
  record Thrown(String during, Throwable throwable) {}

  /** An object's {@code toString()}, and what the object is. */
  record Printed(String what, String text) {}

  /** A call that is expected to fail. */
  interface FailingCall {
    void run() throws Exception;
  }

  private final Queue<Thrown> thrown = new ConcurrentLinkedQueue<>();
  private final Queue<Printed> printed = new ConcurrentLinkedQueue<>();
  private final Queue<RunReport> reports = new ConcurrentLinkedQueue<>();
  private final Queue<String> retries = new ConcurrentLinkedQueue<>();
  private final Queue<String> didNotFail = new ConcurrentLinkedQueue<>();

  /** Keeps an exception thrown while doing {@code during}. */
  void thrown(String during, Throwable t) {
    thrown.add(new Thrown(during, t));
  }

  /** Runs {@code call} and keeps what it throws; a call that does not fail is noted under {@code what}. */
  void expectFailure(String what, FailingCall call) {
    try {
      call.run();
      didNotFail.add(what);
    } catch (Exception e) {
      thrown(what, e);
    }
  }

  /** Keeps {@code object.toString()} now, under {@code what}. */
  void printed(String what, Object object) {
    printed.add(new Printed(what, String.valueOf(object)));
  }

  /** A bridge listener that keeps every finished run's report. */
  BridgeListener reportKeeper() {
    return new BridgeListener() {
      @Override
      public void onRunFinished(RunReport report) {
        reports.add(report);
      }
    };
  }

  /** A resilience listener that keeps each retry as the line a metrics sink would get. */
  ResilienceListener retryKeeper(String client) {
    return new ResilienceListener() {
      @Override
      public void onRetry(String method, String redactedUrl, int attempt, Duration delay, String reason) {
        retries.add(client + " retry: " + method + " " + redactedUrl + " attempt " + attempt + " in " + delay + " (" + reason + ")");
      }

      @Override
      public void onCircuitStateChange(CircuitState from, CircuitState to) {
        retries.add(client + " circuit: " + from + " -> " + to);
      }
    };
  }

  List<Thrown> thrown() {
    return List.copyOf(thrown);
  }

  List<Printed> printed() {
    return List.copyOf(printed);
  }

  List<RunReport> reports() {
    return List.copyOf(reports);
  }

  List<String> retries() {
    return List.copyOf(retries);
  }

  /** The expected failures that did not happen. */
  List<String> didNotFail() {
    return List.copyOf(didNotFail);
  }

  /**
   * Everything a user may print of each distinct throwable: {@code toString()}, {@code
   * getMessage()}, {@code getLocalizedMessage()} and the printed stack trace (causes and
   * suppressed exceptions included).
   */
  static List<String> texts(List<Throwable> throwables) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    List<String> texts = new ArrayList<>();
    for (Throwable t : throwables) {
      if (seen.add(t)) {
        StringWriter trace = new StringWriter();
        t.printStackTrace(new PrintWriter(trace));
        texts.add(String.valueOf(t));
        texts.add(String.valueOf(t.getMessage()));
        texts.add(String.valueOf(t.getLocalizedMessage()));
        texts.add(trace.toString());
      }
    }
    return texts;
  }

  /** How many distinct throwables {@link #texts} renders. */
  static int distinct(List<Throwable> throwables) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    seen.addAll(throwables);
    return seen.size();
  }
}
