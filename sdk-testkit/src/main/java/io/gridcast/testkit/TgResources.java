package io.gridcast.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The state changes of the Trading Grid sandbox, shared by its HTTP handlers and by the test
 * helpers that act like a person in the web UI: create, update, decide, comment, upload. Each
 * change stamps versions and times, appends an event to the community's feed and hands it to the
 * webhook dispatcher.
 *
 * <p>Callers hold the store's lock and have validated the request against the schema.
 */
final class TgResources {

  /** Receives the bytes of each uploaded document, e.g. to keep them in the state directory. */
  @FunctionalInterface
  interface DocumentSink {
    void write(String communityId, String documentId, byte[] content);
  }

  private final TgStore store;
  private final TgWebhookDispatcher webhooks;
  private final DocumentSink documentSink;

  TgResources(TgStore store, TgWebhookDispatcher webhooks, DocumentSink documentSink) {
    this.store = store;
    this.webhooks = webhooks;
    this.documentSink = documentSink;
  }

  static String collectionName(TgKind kind, String parentId) {
    return parentId == null ? kind.collection : kind.collection + ":" + parentId;
  }

  /** Stores a new resource built from schema-checked {@code fields}; returns a copy of it. */
  ObjectNode create(TgCommunity community, TgKind kind, String parentId, ObjectNode fields) {
    return create(community, kind, parentId, fields, null);
  }

  /** As {@link #create(TgCommunity, TgKind, String, ObjectNode)} with a chosen id (demo data), or a fresh one if null. */
  ObjectNode create(TgCommunity community, TgKind kind, String parentId, ObjectNode fields, String chosenId) {
    String id = chosenId != null ? chosenId : store.newId(kind.idPrefix);
    ObjectNode node = SandboxJson.object().put("id", id);
    if (kind.parentField != null) {
      node.put(kind.parentField, parentId);
    }
    node.setAll(fields);
    node.setAll(kind.initial.deepCopy());
    String now = store.now();
    if (kind.versioned) {
      node.put("version", 1).put("createdAt", now).put("updatedAt", now);
    } else {
      node.put(kind.timestampField, now);
    }
    kind.checkAll(community, node, null);
    community.collection(collectionName(kind, parentId)).put(id, new TgRecord(store.nextSeq(), node));
    if (kind.createdEvent != null) {
      appendEvent(community, kind.createdEvent, kind.resourceType, node);
    }
    store.markDirty();
    return node.deepCopy();
  }

  /**
   * Applies a schema-checked patch. A patch that changes nothing leaves version and events alone;
   * otherwise the version grows by one and the kind's update event is appended.
   */
  ObjectNode update(TgCommunity community, TgKind kind, TgRecord record, ObjectNode patch) {
    ObjectNode before = record.json;
    ObjectNode after = before.deepCopy();
    after.setAll(patch);
    if (after.equals(before)) {
      return before.deepCopy();
    }
    after.put("version", before.path("version").asLong() + 1).put("updatedAt", store.now());
    kind.checkAll(community, after, before);
    record.json = after;
    String type = kind.updateEventType.apply(before, after);
    if (type != null) {
      appendEvent(community, type, kind.resourceType, after);
    }
    store.markDirty();
    return after.deepCopy();
  }

  /** Stores an uploaded document and its bytes; returns its metadata. */
  ObjectNode uploadDocument(TgCommunity community, String fileName, String contentType, byte[] content, String externalRef) {
    return uploadDocument(community, fileName, contentType, content, externalRef, null);
  }

  ObjectNode uploadDocument(TgCommunity community, String fileName, String contentType, byte[] content, String externalRef,
      String chosenId) {
    String id = chosenId != null ? chosenId : store.newId(TgKinds.DOCUMENTS.idPrefix);
    ObjectNode node = SandboxJson.object()
        .put("id", id)
        .put("fileName", fileName)
        .put("contentType", contentType)
        .put("size", content.length)
        .put("sha256", sha256Hex(content));
    if (externalRef != null) {
      node.put("externalRef", externalRef);
    }
    node.put("createdAt", store.now());
    community.documentContent.put(id, content);
    if (documentSink != null) {
      documentSink.write(community.id, id, content);
    }
    community.collection(TgKinds.DOCUMENTS.collection).put(id, new TgRecord(store.nextSeq(), node));
    appendEvent(community, "document.uploaded", "document", node);
    store.markDirty();
    return node.deepCopy();
  }

  /**
   * Records a reviewer's decision as the contract's {@code createApprovalDecision} describes and
   * returns the approval after it.
   */
  ObjectNode decide(TgCommunity community, TgRecord approval, ObjectNode decision) {
    ObjectNode before = approval.json;
    String status = before.path("status").asText();
    if (!status.equals("pending") && !status.equals("changes_requested")) {
      throw TgApiException.validation("the approval is already " + status + "; decisions are closed");
    }
    String role = decision.path("role").asText();
    if (!TgKinds.contains(before.path("requiredRoles"), role)) {
      throw TgApiException.validation("role: " + role + " is not one of the required roles " + before.path("requiredRoles"));
    }
    String now = store.now();
    ObjectNode recorded = decision.deepCopy().put("decidedAt", now).put("round", roundOf(before));
    ObjectNode after = before.deepCopy();
    ((ArrayNode) after.get("decisions")).add(recorded);
    String next = statusAfterDecisions(after);
    after.put("status", next).put("version", before.path("version").asLong() + 1).put("updatedAt", now);
    boolean completed = next.equals("approved") || next.equals("rejected");
    if (completed) {
      after.put("completedAt", now);
    }
    approval.json = after;
    String detail = role + ": " + recorded.path("decision").asText()
        + (recorded.hasNonNull("comment") ? " — " + recorded.path("comment").asText() : "");
    appendAudit(community, approval.id(), recorded.path("decidedBy").asText(), "decided", detail);
    appendEvent(community, "approval.decided", "approval", after);
    if (completed) {
      appendEvent(community, "approval.completed", "approval", after);
    }
    store.markDirty();
    return after.deepCopy();
  }

  /**
   * Resubmits a revised package as the contract's {@code resubmitApproval} describes: a new round,
   * pending again, the earlier decisions kept; returns the approval after it.
   */
  ObjectNode resubmit(TgCommunity community, TgRecord approval, ObjectNode fields, String actor) {
    ObjectNode before = approval.json;
    String status = before.path("status").asText();
    if (!status.equals("rejected") && !status.equals("changes_requested")) {
      throw TgApiException.validation("the approval is " + status
          + "; only a rejected approval or one with changes requested can be resubmitted");
    }
    int round = roundOf(before) + 1;
    ObjectNode after = before.deepCopy();
    after.set("package", fields.get("package").deepCopy());
    for (String field : new String[] {"title", "description"}) {
      if (fields.hasNonNull(field)) {
        after.set(field, fields.get(field).deepCopy());
      }
    }
    String now = store.now();
    after.put("round", round).put("status", "pending").put("version", before.path("version").asLong() + 1)
        .put("updatedAt", now);
    after.remove("completedAt");
    TgKinds.APPROVALS.checkAll(community, after, before);
    approval.json = after;
    appendAudit(community, approval.id(), actor, "resubmitted", "Round " + round + " submitted for review"
        + (fields.hasNonNull("comment") ? " — " + fields.path("comment").asText() : ""));
    appendEvent(community, "approval.resubmitted", "approval", after);
    store.markDirty();
    return after.deepCopy();
  }

  /** The approval's review round; 1 for an approval stored before rounds existed. */
  static int roundOf(JsonNode approval) {
    return Math.max(1, approval.path("round").asInt(1));
  }

  /**
   * Swaps the stored bytes of a document behind the API's back, with its {@code size} and {@code
   * sha256} recomputed, so that reading it is consistent; no event, no version. Returns its metadata.
   */
  ObjectNode replaceDocumentContent(TgCommunity community, TgRecord document, byte[] content) {
    String documentId = document.id();
    ObjectNode after = document.json.deepCopy().put("size", content.length).put("sha256", sha256Hex(content));
    document.json = after;
    community.documentContent.put(documentId, content);
    if (documentSink != null) {
      documentSink.write(community.id, documentId, content);
    }
    store.markDirty();
    return after.deepCopy();
  }

  /**
   * Any latest {@code reject} of the current round wins, then any {@code request_changes}, then
   * all-approved, else pending.
   */
  static String statusAfterDecisions(ObjectNode approval) {
    Map<String, String> latest = new LinkedHashMap<>();
    int round = roundOf(approval);
    for (JsonNode d : approval.path("decisions")) {
      if (roundOf(d) == round) {
        latest.put(d.path("role").asText(), d.path("decision").asText());
      }
    }
    if (latest.containsValue("reject")) {
      return "rejected";
    }
    if (latest.containsValue("request_changes")) {
      return "changes_requested";
    }
    for (JsonNode role : approval.path("requiredRoles")) {
      if (!"approve".equals(latest.get(role.asText()))) {
        return "pending";
      }
    }
    return "approved";
  }

  ObjectNode appendAudit(TgCommunity community, String approvalId, String actor, String action, String detail) {
    ObjectNode fields = SandboxJson.object().put("actor", actor).put("action", action);
    if (detail != null) {
      fields.put("detail", detail);
    }
    return create(community, TgKinds.AUDIT, approvalId, fields);
  }

  /** Appends a comment to a site request, raising its version; returns the comment. */
  ObjectNode commentOnSiteRequest(TgCommunity community, TgRecord request, ObjectNode fields) {
    String now = store.now();
    ObjectNode comment = SandboxJson.object().put("id", store.newId("src"));
    comment.setAll(fields);
    comment.put("createdAt", now);
    ObjectNode after = request.json.deepCopy();
    ((ArrayNode) after.get("comments")).add(comment);
    after.put("version", request.json.path("version").asLong() + 1).put("updatedAt", now);
    request.json = after;
    appendEvent(community, "site_request.updated", "site_request", after);
    store.markDirty();
    return comment.deepCopy();
  }

  /** Appends an event to the community's feed and queues its webhook deliveries. */
  ObjectNode appendEvent(TgCommunity community, String type, String resourceType, ObjectNode data) {
    String id = store.newId(TgKinds.EVENTS.idPrefix);
    ObjectNode event = SandboxJson.object()
        .put("id", id)
        .put("type", type)
        .put("occurredAt", store.now())
        .put("resourceType", resourceType)
        .put("resourceId", data.path("id").asText());
    event.set("data", data.deepCopy());
    community.collection(TgKinds.EVENTS.collection).put(id, new TgRecord(store.nextSeq(), event));
    webhooks.publish(community, event);
    return event;
  }

  static String sha256Hex(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this JVM", e);
    }
  }
}
