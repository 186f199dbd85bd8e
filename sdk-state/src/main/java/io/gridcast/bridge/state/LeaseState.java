package io.gridcast.bridge.state;

import io.gridcast.core.LogSafe;
import java.time.Instant;

/**
 * The stored state of one partition's lease row: who holds it (null once released), the last
 * fencing token handed out, and when it expires. One place decides whether a partition is free
 * and whether a lease is still current, so that every store implements the same semantics.
 */
record LeaseState(String owner, long fencingToken, Instant expiresAt) {

  /** Whether {@code requester} may take the partition at {@code now}. */
  boolean isAvailableTo(String requester, Instant now) {
    return owner == null || !expiresAt.isAfter(now) || owner.equals(requester);
  }

  /**
   * Why {@code lease} is no longer current, or {@code null} when it is: it must still be the
   * partition's holder with the same fencing token and must not have expired at {@code now}.
   */
  static String lossOf(LeaseState current, Lease lease, Instant now) {
    String held =
        "Lease lost for flow '" + LogSafe.text(lease.flow()) + "' partition '" + LogSafe.text(lease.partition())
            + "': the lease of '" + LogSafe.text(lease.owner()) + "' with fencing token " + lease.fencingToken();
    String advice = "; stop processing this partition and acquire it again";
    if (current == null) {
      return held + " was never granted by this store" + advice;
    }
    if (current.fencingToken != lease.fencingToken()) {
      String state =
          current.owner == null
              ? "released"
              : "held by '" + LogSafe.text(current.owner) + "' until " + current.expiresAt;
      return held + " was superseded by fencing token " + current.fencingToken + " (" + state + ")"
          + advice;
    }
    if (current.owner == null) {
      return held + " was released" + advice;
    }
    if (!current.owner.equals(lease.owner())) {
      return held + " is now held by '" + LogSafe.text(current.owner) + "' (fencing token "
          + current.fencingToken + ")" + advice;
    }
    if (!current.expiresAt.isAfter(now)) {
      return held + " expired at " + current.expiresAt + " (now " + now + ")" + advice;
    }
    return null;
  }
}
