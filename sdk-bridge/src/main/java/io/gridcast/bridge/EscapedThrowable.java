package io.gridcast.bridge;

import io.gridcast.core.LogSafe;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * What the bridge hands a logger in place of a throwable whose message (or a cause's) holds
 * remote text: the same stack traces, causes and suppressed throwables, each message escaped
 * through {@link LogSafe} and prefixed with the original class name. A log line then keeps its
 * stack trace, but a CR/LF in an error message can no longer forge a line of its own.
 */
final class EscapedThrowable extends Throwable {

  private static final long serialVersionUID = 1L;
  /** Deeper cause chains are cut here (and cycles are cut where they close). */
  private static final int MAX_DEPTH = 16;

  private EscapedThrowable(Throwable original) {
    super(original.getClass().getName()
        + (original.getMessage() == null ? "" : ": " + LogSafe.text(original.getMessage())));
    setStackTrace(original.getStackTrace());
  }

  /**
   * {@code t} itself when no message in its chain needs escaping; otherwise its escaped stand-in.
   * {@code null} stays null.
   */
  static Throwable of(Throwable t) {
    if (t == null || isClean(t, Collections.newSetFromMap(new IdentityHashMap<>()), 0)) {
      return t;
    }
    return escape(t, Collections.newSetFromMap(new IdentityHashMap<>()), 0);
  }

  private static boolean isClean(Throwable t, Set<Throwable> seen, int depth) {
    if (t == null || depth > MAX_DEPTH || !seen.add(t)) {
      return true;
    }
    if (t.getMessage() != null && !LogSafe.isClean(t.getMessage())) {
      return false;
    }
    for (Throwable s : t.getSuppressed()) {
      if (!isClean(s, seen, depth + 1)) {
        return false;
      }
    }
    return isClean(t.getCause(), seen, depth + 1);
  }

  private static EscapedThrowable escape(Throwable t, Set<Throwable> seen, int depth) {
    seen.add(t);
    EscapedThrowable escaped = new EscapedThrowable(t);
    Throwable cause = t.getCause();
    if (cause != null && depth < MAX_DEPTH && !seen.contains(cause)) {
      escaped.initCause(escape(cause, seen, depth + 1));
    }
    for (Throwable s : t.getSuppressed()) {
      if (depth < MAX_DEPTH && !seen.contains(s)) {
        escaped.addSuppressed(escape(s, seen, depth + 1));
      }
    }
    return escaped;
  }
}
