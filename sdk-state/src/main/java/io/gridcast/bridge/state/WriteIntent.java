package io.gridcast.bridge.state;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * What a flow partition may have created on the target without recording it yet: the source
 * keys whose creates the bridge was about to send when it last saved this intent; whether the
 * partition was <em>reconciled</em> (a run of it read the whole source, from no checkpoint, and
 * completed while looking every new item up on the target, so that the ledger knows everything
 * the target holds of it); and the fencing token of the lease it was saved under.
 *
 * <p>The bridge saves the intent (one row, fenced like a checkpoint) before a batch's creates and
 * at the end of every run. It sends a create without looking for an orphan only when the
 * partition is reconciled, the intent was saved by the run just before this one (the lease's
 * fencing token is the next one: no run that keeps no intents, say an instance of an older
 * Gridcast, took the partition in between), no intent of any partition of the flow names the
 * key, and no dead letter holds it. After a crash between a create and its ledger entry the key
 * is still named, so the next run looks for the orphan and adopts it. Immutable.
 *
 * <p>A store restored from a backup (or failed over to a replica that lags) may say a partition
 * is reconciled while the target holds resources created after the backup: delete its write
 * intents after such a restore, and the next runs look every new item up again.
 */
public final class WriteIntent {

  private final String partition;
  private final Set<String> sourceKeys;
  private final boolean reconciled;
  private final long fencingToken;

  private WriteIntent(String partition, Set<String> sourceKeys, boolean reconciled, long fencingToken) {
    this.partition = partition;
    this.sourceKeys = sourceKeys;
    this.reconciled = reconciled;
    this.fencingToken = fencingToken;
  }

  /**
   * An intent of {@code partition}, to save; the store gives it the fencing token of the lease
   * it is saved under ({@link #fencingToken()} is 0 until then).
   *
   * @throws IllegalArgumentException if the partition is blank or a key is one no store can hold
   *     ({@link SourceKeys})
   */
  public static WriteIntent of(String partition, Collection<String> sourceKeys, boolean reconciled) {
    if (partition == null || partition.isBlank()) {
      throw new IllegalArgumentException("partition is missing");
    }
    Set<String> keys = new LinkedHashSet<>();
    for (String key : Objects.requireNonNull(sourceKeys, "sourceKeys")) {
      keys.add(SourceKeys.requireStorable("sourceKeys element", key));
    }
    return new WriteIntent(partition, Collections.unmodifiableSet(keys), reconciled, 0);
  }

  /** This intent as saved under a lease with {@code fencingToken}. */
  WriteIntent savedUnder(long fencingToken) {
    return new WriteIntent(partition, sourceKeys, reconciled, fencingToken);
  }

  /** The partition this intent is of. */
  public String partition() {
    return partition;
  }

  /** The keys whose creates may have been sent without being recorded, in the order they were named. */
  public Set<String> sourceKeys() {
    return sourceKeys;
  }

  /** Whether a run of the partition read its whole source and completed while looking every new item up on the target. */
  public boolean reconciled() {
    return reconciled;
  }

  /** The fencing token of the lease this intent was saved under; 0 for one not saved yet. */
  public long fencingToken() {
    return fencingToken;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WriteIntent w && w.partition.equals(partition) && w.sourceKeys.equals(sourceKeys)
        && w.reconciled == reconciled && w.fencingToken == fencingToken;
  }

  @Override
  public int hashCode() {
    return Objects.hash(partition, sourceKeys, reconciled, fencingToken);
  }

  /** The partition, the number of keys (keys are remote text, so none is printed) and the reconciled flag. */
  @Override
  public String toString() {
    return "WriteIntent{partition=" + partition + ", keys=" + sourceKeys.size() + ", reconciled=" + reconciled
        + ", fencingToken=" + fencingToken + "}";
  }

  /** The keys as one text: each as {@code <length>:<key>} (lengths in UTF-16 units), for a store's text column. */
  String encodedKeys() {
    StringBuilder out = new StringBuilder();
    for (String key : sourceKeys) {
      out.append(key.length()).append(':').append(key);
    }
    return out.toString();
  }

  /**
   * The intent of {@code partition} whose keys {@link #encodedKeys()} wrote.
   *
   * @throws StateStoreException if the text is not such an encoding (the store was tampered with)
   */
  static WriteIntent decode(String partition, String encodedKeys, boolean reconciled, long fencingToken) {
    Set<String> keys = new LinkedHashSet<>();
    int i = 0;
    try {
      while (i < encodedKeys.length()) {
        int colon = encodedKeys.indexOf(':', i);
        int length = Integer.parseInt(encodedKeys.substring(i, colon));
        keys.add(SourceKeys.requireStorable("write intent key", encodedKeys.substring(colon + 1, colon + 1 + length)));
        i = colon + 1 + length;
      }
    } catch (RuntimeException e) {
      throw new StateStoreException("the write intent of partition " + io.gridcast.core.LogSafe.quoted(partition)
          + " is not readable at character " + i + ": was it edited by hand? Delete the row to make the next run look"
          + " every new item up", e);
    }
    return new WriteIntent(partition, Collections.unmodifiableSet(keys), reconciled, fencingToken);
  }
}
