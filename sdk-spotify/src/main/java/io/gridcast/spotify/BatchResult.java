package io.gridcast.spotify;

import java.util.List;

/**
 * The outcome of fetching several objects by id: those found, in the order their ids were
 * given, and the ids Spotify does not know (404). Immutable.
 *
 * @param <T> the object type
 */
public final class BatchResult<T> {

  private final List<T> found;
  private final List<String> missingIds;

  BatchResult(List<T> found, List<String> missingIds) {
    this.found = List.copyOf(found);
    this.missingIds = List.copyOf(missingIds);
  }

  /** The objects found, in request order (missing ones left out). */
  public List<T> found() {
    return found;
  }

  /** The ids that were not found, in request order. */
  public List<String> missingIds() {
    return missingIds;
  }

  @Override
  public String toString() {
    return "BatchResult{found=" + found.size() + ", missingIds=" + missingIds + '}';
  }
}
