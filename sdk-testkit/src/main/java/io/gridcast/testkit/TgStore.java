package io.gridcast.testkit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The whole mutable state of the Trading Grid sandbox: its communities, the id sequence and the
 * clock that stamps changes.
 *
 * <p>Every read and write synchronises on this object. Ids are deterministic: the {@code n}-th
 * id drawn under seed {@code s} is always the same, so two sandboxes with the same seed that see
 * the same requests hand out the same ids.
 */
final class TgStore {

  /** Timestamps always carry milliseconds, so that their text sorts like their instants. */
  static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  final long seed;
  /** Stamps changes; the demo data swaps in fixed clocks while it seeds. */
  Clock clock;
  final Map<String, TgCommunity> communities = new LinkedHashMap<>();
  long sequence;
  private boolean dirty;

  TgStore(long seed, Clock clock) {
    this.seed = seed;
    this.clock = clock;
  }

  /** The next position in the store-wide sequence. */
  long nextSeq() {
    return ++sequence;
  }

  /** A new id such as {@code post_2x9k3m0q7a1b}, drawn from the seed and the sequence. */
  String newId(String prefix) {
    return prefix + "_" + Long.toUnsignedString(mix(seed * 0x9E3779B97F4A7C15L + nextSeq()), 36);
  }

  String now() {
    return format(clock.instant());
  }

  static String format(Instant instant) {
    return TIMESTAMP.format(instant);
  }

  Optional<TgCommunity> community(String id) {
    return Optional.ofNullable(communities.get(id));
  }

  TgCommunity addCommunity(String tenantId, String id, String name, String description, Instant createdAt) {
    ObjectNode json = SandboxJson.object().put("id", id).put("name", name);
    if (description != null) {
      json.put("description", description);
    }
    json.put("createdAt", format(createdAt));
    TgCommunity community = new TgCommunity(tenantId, json, nextSeq(), Long.toString(System.nanoTime() ^ System.currentTimeMillis(), 36));
    communities.put(id, community);
    markDirty();
    return community;
  }

  void markDirty() {
    dirty = true;
  }

  /** Whether anything changed since the last call; clears the flag. */
  boolean takeDirty() {
    boolean was = dirty;
    dirty = false;
    return was;
  }

  void clear() {
    communities.clear();
    sequence = 0;
    dirty = true;
  }

  /** MurmurHash3's 64-bit finaliser: a bijection, so distinct sequence numbers give distinct ids. */
  private static long mix(long z) {
    z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
    z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
    return z ^ (z >>> 33);
  }
}
