package io.gridcast.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One community of the Trading Grid sandbox and everything in it: resources by collection (child
 * collections such as a thread's messages are named {@code messages:<threadId>}), the events
 * feed (collection {@code events}), idempotency records, webhook secrets and document bytes.
 *
 * <p>Not thread-safe: guarded by the {@link TgStore}'s lock.
 */
final class TgCommunity {

  /** A remembered create: the request it answered and the answer (or that it is still running). */
  record Idempotency(JsonNode fingerprint, int status, JsonNode body, boolean inFlight) {}

  final String id;
  final String tenantId;
  final ObjectNode json;
  final long seq;
  /** Identifies this incarnation of the events feed; cursors of an earlier one (before a reset) get 410. */
  final String feedEpoch;
  final Map<String, Map<String, TgRecord>> collections = new LinkedHashMap<>();
  final Map<String, Idempotency> idempotency = new LinkedHashMap<>();
  final Map<String, String> webhookSecrets = new LinkedHashMap<>();
  final Map<String, byte[]> documentContent = new LinkedHashMap<>();

  TgCommunity(String tenantId, ObjectNode json, long seq, String feedEpoch) {
    this.id = json.path("id").asText();
    this.tenantId = tenantId;
    this.json = json;
    this.seq = seq;
    this.feedEpoch = feedEpoch;
  }

  /** The named collection, created empty on first use; iteration order is creation order. */
  Map<String, TgRecord> collection(String name) {
    return collections.computeIfAbsent(name, k -> new LinkedHashMap<>());
  }

  Optional<TgRecord> find(String collection, String id) {
    Map<String, TgRecord> records = collections.get(collection);
    return records == null ? Optional.empty() : Optional.ofNullable(records.get(id));
  }

  boolean exists(String collection, String id) {
    return find(collection, id).isPresent();
  }
}
