package io.gridcast.testkit;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One stored resource of the Trading Grid sandbox: its JSON exactly as the API returns it, and the
 * store-wide sequence number at which it was created (the tie-breaker of every list order and the
 * position of events in the feed). Guarded by the store's lock.
 */
final class TgRecord {

  final long seq;
  ObjectNode json;

  TgRecord(long seq, ObjectNode json) {
    this.seq = seq;
    this.json = json;
  }

  String id() {
    return json.path("id").asText();
  }
}
