package io.gridcast.bridge;

import java.util.OptionalLong;

/**
 * Receives item-level progress of a run, e.g. to draw a progress line. Called on the running
 * thread after each item; must be fast and must not throw (exceptions are logged and ignored).
 */
@FunctionalInterface
public interface ProgressListener {

  /**
   * @param done items finished so far in this run, including this one
   * @param total the run's total when the source knows it
   */
  void onItem(String flow, String sourceKey, Outcome outcome, int done, OptionalLong total);
}
