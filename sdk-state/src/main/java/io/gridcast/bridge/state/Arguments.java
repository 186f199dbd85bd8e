package io.gridcast.bridge.state;

import io.gridcast.core.LogSafe;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Argument checks and the time normalisation shared by every state store. */
final class Arguments {

  private Arguments() {}

  static String requireText(String name, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " is missing: pass a non-blank value");
    }
    return value;
  }

  static <T> T requirePresent(String name, T value) {
    if (value == null) {
      throw new IllegalArgumentException(name + " is missing: pass a value");
    }
    return value;
  }

  static Duration requirePositive(String name, Duration value) {
    requirePresent(name, value);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
    return value;
  }

  static void requireSameFlow(String flow, Lease lease) {
    requirePresent("lease", lease);
    if (!lease.flow().equals(flow)) {
      throw new IllegalArgumentException(
          "flow '" + flow + "' does not match the lease's flow '" + lease.flow()
              + "': write under a lease of the same flow");
    }
  }

  /**
   * The intent, checked to be of the lease's partition.
   *
   * @throws IllegalArgumentException if it is missing or of another partition
   */
  static WriteIntent requireIntentOf(Lease lease, WriteIntent intent) {
    requirePresent("lease", lease);
    requirePresent("intent", intent);
    if (!intent.partition().equals(lease.partition())) {
      throw new IllegalArgumentException("the write intent is of partition " + LogSafe.quoted(intent.partition())
          + " but the lease is of partition " + LogSafe.quoted(lease.partition()));
    }
    return intent;
  }

  /**
   * The entries of one {@code recordAll}, each checked as {@code record} checks it, before any is
   * written: present, of the lease's flow, and holding only text a store can keep.
   */
  static List<LedgerEntry> requireRecordable(Collection<LedgerEntry> entries, Lease lease) {
    List<LedgerEntry> checked = new ArrayList<>(requirePresent("entries", entries).size());
    for (LedgerEntry entry : entries) {
      StorableText.requireStorable(requirePresent("entries element", entry));
      requireSameFlow(entry.flow(), lease);
      checked.add(entry);
    }
    return checked;
  }

  /**
   * Databases keep microseconds (H2 rounds, PostgreSQL rounds too); every store truncates to
   * microseconds first so that what is read back equals what the in-memory store returns.
   */
  static Instant micros(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS);
  }
}
