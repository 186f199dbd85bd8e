package io.gridcast.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The HTTP surface of the Trading Grid sandbox: every operation of the Active Community contract
 * under {@code /activecommunity/v1}, plus the token endpoint.
 *
 * <p>Cross-cutting rules live here: bearer tokens, community scoping, {@code X-Request-Id} on
 * every answer, cursor paging, {@code Idempotency-Key} replays, {@code If-Match} versions and the
 * contract's error bodies. State changes are delegated to {@link TgResources}; all state access
 * synchronises on the {@link TgStore}.
 */
final class TgApi {

  static final String BASE_PATH = "/activecommunity/v1";
  static final String TOKEN_PATH = "/tenants/{tenantId}/oauth2/token";

  private static final Pattern IF_MATCH = Pattern.compile("^\"?([1-9][0-9]{0,17})\"?$");
  private static final ObjectWriter CANONICAL = SandboxJson.MAPPER.writer().with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
  private static final TgKind COMMUNITIES = new TgKind("communities", "c", "community").withoutExternalRef();
  private static final TgContract.Body UPLOAD = TgContract.get().body("uploadDocument");

  /** What a handler knows about the call it answers. */
  private static final class Call {
    final SandboxRequest req;
    final String operation;
    TgTokens.Token token;
    TgCommunity community;
    /** The query parameters the contract declares for the operation, checked, with its defaults. */
    ObjectNode query;

    Call(SandboxRequest req, String operation) {
      this.req = req;
      this.operation = operation;
    }
  }

  @FunctionalInterface
  private interface Op {
    SandboxResponse run(Call call);
  }

  private final TgStore store;
  private final TgTokens tokens;
  private final TgResources resources;
  private final Runnable persist;
  private final long maxDocumentBytes;
  /** Whether an answered create's {@code Idempotency-Key} is kept (replayed) or forgotten at once. */
  private final boolean keepIdempotencyKeys;
  /** The list operations served by {@link #list}, by operationId, with the kind each lists. */
  private final Map<String, TgKind> lists = new LinkedHashMap<>();

  TgApi(TgStore store, TgTokens tokens, TgResources resources, Runnable persist, long maxDocumentBytes,
      boolean keepIdempotencyKeys) {
    this.keepIdempotencyKeys = keepIdempotencyKeys;
    this.store = store;
    this.tokens = tokens;
    this.resources = resources;
    this.persist = persist;
    this.maxDocumentBytes = maxDocumentBytes;
  }

  SandboxRouter routes() {
    var r = new SandboxRouter();
    r.post(TOKEN_PATH, tokens::token);
    String c = BASE_PATH + "/communities/{communityId}";
    r.get(BASE_PATH + "/communities", op(listing("listCommunities", COMMUNITIES), false, this::listCommunities));
    r.get(c, op("getCommunity", true, call -> SandboxResponse.json(200, call.community.json)));
    crud(r, c, TgKinds.PARTNERS, "partnerId", "Partner", true);
    crud(r, c, TgKinds.PARTNER_GROUPS, "groupId", "PartnerGroup", true);
    crud(r, c, TgKinds.POSTS, "postId", "Post", true);
    crud(r, c, TgKinds.ASSIGNMENTS, "assignmentId", "Assignment", true);
    crud(r, c, TgKinds.THREADS, "threadId", "Thread", false);
    crud(r, c, TgKinds.ISSUES, "issueId", "Issue", true);
    crud(r, c, TgKinds.FORMS, "formId", "Form", false);
    crud(r, c, TgKinds.CAMPAIGNS, "campaignId", "Campaign", true);
    crud(r, c, TgKinds.SITES, "siteId", "Site", true);
    crud(r, c, TgKinds.SITE_REQUESTS, "siteRequestId", "SiteRequest", true);
    children(r, c + "/threads/{threadId}/messages", TgKinds.MESSAGES, TgKinds.THREADS, "threadId", "ThreadMessage");
    children(r, c + "/issues/{issueId}/comments", TgKinds.ISSUE_COMMENTS, TgKinds.ISSUES, "issueId", "IssueComment");
    children(r, c + "/forms/{formId}/submissions", TgKinds.SUBMISSIONS, TgKinds.FORMS, "formId", "FormSubmission");

    r.get(c + "/documents", op(listing("listDocuments", TgKinds.DOCUMENTS), true, call -> list(call, TgKinds.DOCUMENTS, null)));
    r.post(c + "/documents", op("uploadDocument", true, this::uploadDocument));
    r.get(c + "/documents/{documentId}", op("getDocument", true, call -> get(call, TgKinds.DOCUMENTS, "documentId")));
    r.get(c + "/documents/{documentId}/content", op("downloadDocumentContent", true, this::downloadDocument));

    r.get(c + "/approvals", op(listing("listApprovals", TgKinds.APPROVALS), true, call -> list(call, TgKinds.APPROVALS, null)));
    r.post(c + "/approvals", op("createApproval", true, this::createApproval));
    r.get(c + "/approvals/{approvalId}", op("getApproval", true, call -> get(call, TgKinds.APPROVALS, "approvalId")));
    r.post(c + "/approvals/{approvalId}/decisions", op("createApprovalDecision", true, this::decide));
    r.post(c + "/approvals/{approvalId}/resubmissions", op("resubmitApproval", true, this::resubmit));
    r.get(c + "/approvals/{approvalId}/audit", op(listing("listApprovalAudit", TgKinds.AUDIT), true,
        call -> list(call, TgKinds.AUDIT, parent(call, TgKinds.APPROVALS, "approvalId"))));
    r.post(c + "/approvals/{approvalId}/audit", op("appendApprovalAudit", true,
        call -> create(call, TgKinds.AUDIT, TgKinds.APPROVALS, "approvalId")));

    r.post(c + "/site-requests/{siteRequestId}/comments", op("createSiteRequestComment", true, this::commentOnSiteRequest));
    r.get(c + "/events", op("listEvents", true, this::listEvents));

    r.get(c + "/webhooks", op(listing("listWebhooks", TgKinds.WEBHOOKS), true, call -> list(call, TgKinds.WEBHOOKS, null)));
    r.post(c + "/webhooks", op("createWebhook", true, this::createWebhook));
    r.get(c + "/webhooks/{webhookId}", op("getWebhook", true, call -> get(call, TgKinds.WEBHOOKS, "webhookId")));
    r.delete(c + "/webhooks/{webhookId}", op("deleteWebhook", true, this::deleteWebhook));
    return r;
  }

  private void crud(SandboxRouter r, String communityPath, TgKind kind, String idParam, String name, boolean updatable) {
    String path = communityPath + "/" + kind.collection;
    String plural = name.endsWith("y") ? name.substring(0, name.length() - 1) + "ies" : name + "s";
    r.get(path, op(listing("list" + plural, kind), true, call -> list(call, kind, null)));
    r.post(path, op("create" + name, true, call -> create(call, kind, null, null)));
    r.get(path + "/{" + idParam + "}", op("get" + name, true, call -> get(call, kind, idParam)));
    if (updatable) {
      r.patch(path + "/{" + idParam + "}", op("update" + name, true, call -> update(call, kind, idParam)));
    }
  }

  private void children(SandboxRouter r, String path, TgKind kind, TgKind parentKind, String parentParam, String name) {
    r.get(path, op(listing("list" + name + "s", kind), true, call -> list(call, kind, parent(call, parentKind, parentParam))));
    r.post(path, op("create" + name, true, call -> create(call, kind, parentKind, parentParam)));
  }

  private String listing(String operation, TgKind kind) {
    lists.put(operation, kind);
    return operation;
  }

  /** The list operations {@link #routes()} registered, by operationId, with the kind each lists and filters. */
  Map<String, TgKind> listOperations() {
    return Collections.unmodifiableMap(lists);
  }

  // ---- cross-cutting ------------------------------------------------------------------------

  private SandboxHandler op(String operation, boolean inCommunity, Op op) {
    return req -> {
      String requestId = TgErrorFormat.requestIdFor(req);
      SandboxResponse response;
      try {
        Call call = new Call(req, operation);
        call.token = tokens.authenticate(req);
        if (!req.method().equals("GET") && !call.token.scopes().contains("community.write")) {
          throw TgApiException.forbidden("The access token lacks the community.write scope.");
        }
        if (inCommunity) {
          call.community = community(call, req.pathParam("communityId"));
        }
        call.query = TgContract.get().parameters(operation, req);
        response = op.run(call);
      } catch (TgApiException e) {
        response = e.render(requestId);
      } catch (SandboxHttpException e) {
        response = e.response().orElseGet(() -> TgErrorFormat.render(e.status(), TgErrorFormat.codeFor(e.status()), e.getMessage(), requestId));
      } finally {
        synchronized (store) {
          if (store.takeDirty()) {
            persist.run();
          }
        }
      }
      return response.withHeader("X-Request-Id", requestId);
    };
  }

  private TgCommunity community(Call call, String id) {
    synchronized (store) {
      TgCommunity community = store.community(id).orElseThrow(() -> TgApiException.notFound("No community " + id + "."));
      if (!community.tenantId.equals(call.token.tenantId())) {
        throw TgApiException.forbidden("The client of tenant " + call.token.tenantId() + " has no access to community " + id + ".");
      }
      return community;
    }
  }

  private static String what(TgKind kind) {
    return kind.resourceType.replace('_', ' ');
  }

  private static TgRecord find(Call call, TgKind kind, String id) {
    return call.community.find(kind.collection, id)
        .orElseThrow(() -> TgApiException.notFound("No " + what(kind) + " " + id + " in community " + call.community.id + "."));
  }

  private String parent(Call call, TgKind parentKind, String param) {
    String id = call.req.pathParam(param);
    synchronized (store) {
      find(call, parentKind, id);
    }
    return id;
  }

  private static long ifMatch(SandboxRequest req) {
    String header = req.header("If-Match")
        .orElseThrow(() -> new TgApiException(428, "precondition_required", "Send If-Match: <version> with every update."));
    var m = IF_MATCH.matcher(header.trim());
    if (!m.matches()) {
      throw TgApiException.invalidRequest("If-Match must be the resource's version, e.g. 3 or \"3\"; was " + header);
    }
    return Long.parseLong(m.group(1));
  }

  /** Replays, refuses or runs a create according to its {@code Idempotency-Key}. */
  private SandboxResponse idempotent(Call call, JsonNode body, Supplier<SandboxResponse> action) {
    Optional<String> key = call.req.header("Idempotency-Key");
    if (key.isEmpty()) {
      return action.get();
    }
    TgCommunity community = call.community;
    String scope = call.token.tenantId() + "|" + call.operation + "|" + call.req.path() + "|" + key.get();
    JsonNode fingerprint = fingerprint(body);
    synchronized (store) {
      TgCommunity.Idempotency seen = community.idempotency.get(scope);
      if (seen != null) {
        if (seen.inFlight()) {
          throw new TgApiException(409, "idempotency_key_in_use", "A request with this Idempotency-Key is in progress; retry later.");
        }
        if (!seen.fingerprint().equals(fingerprint)) {
          throw new TgApiException(422, "idempotency_key_reused", "This Idempotency-Key was used with a different body.");
        }
        return SandboxResponse.json(seen.status(), seen.body()).withHeader("Idempotent-Replayed", "true");
      }
      community.idempotency.put(scope, new TgCommunity.Idempotency(fingerprint, 0, null, true));
    }
    SandboxResponse response;
    try {
      response = action.get();
    } catch (RuntimeException e) {
      synchronized (store) {
        community.idempotency.remove(scope);
      }
      throw e;
    }
    synchronized (store) {
      if (response.status() >= 200 && response.status() < 300 && keepIdempotencyKeys) {
        community.idempotency.put(scope, new TgCommunity.Idempotency(fingerprint, response.status(), readTree(response.body()), false));
        store.markDirty();
      } else {
        community.idempotency.remove(scope);
      }
    }
    return response;
  }

  /** SHA-256 of the body with object keys sorted, so that key order and whitespace do not matter. */
  private static JsonNode fingerprint(JsonNode body) {
    try {
      Object plain = SandboxJson.MAPPER.treeToValue(body, Object.class);
      return SandboxJson.MAPPER.getNodeFactory().textNode(TgResources.sha256Hex(CANONICAL.writeValueAsBytes(plain)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("body cannot be re-encoded", e);
    }
  }

  private static JsonNode readTree(byte[] json) {
    try {
      return SandboxJson.MAPPER.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---- paging -------------------------------------------------------------------------------

  /** The page size: the contract checked it and supplies the default. */
  private static int limit(Call call) {
    return call.query.path("limit").asInt();
  }

  private static String cursor(String list, TgRecord last) {
    String raw = "v1|" + list + "|" + last.seq + "|" + last.json.path("updatedAt").asText("");
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  private static TgRecord position(String list, String cursor) {
    String[] parts;
    try {
      parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", -1);
    } catch (IllegalArgumentException e) {
      throw TgApiException.invalidRequest("cursor is not a cursor this API returned");
    }
    if (parts.length != 4 || !parts[0].equals("v1") || !parts[1].equals(list)) {
      throw TgApiException.invalidRequest("cursor does not belong to this list; pass back nextCursor unchanged");
    }
    try {
      ObjectNode key = SandboxJson.object();
      if (!parts[3].isEmpty()) {
        key.put("updatedAt", parts[3]);
      }
      return new TgRecord(Long.parseLong(parts[2]), key);
    } catch (NumberFormatException e) {
      throw TgApiException.invalidRequest("cursor is not a cursor this API returned");
    }
  }

  /** One page of {@code records} in the kind's order, filtered by the call's (contract-checked) query parameters. */
  private static ObjectNode page(Call call, TgKind kind, Collection<TgRecord> records, String list) {
    int limit = limit(call);
    List<Map.Entry<TgKind.Filter, String>> active = new ArrayList<>();
    for (Map.Entry<String, TgKind.Filter> f : kind.filters.entrySet()) {
      JsonNode value = call.query.get(f.getKey());
      if (value != null) {
        active.add(Map.entry(f.getValue(), value.asText()));
      }
    }
    Comparator<TgRecord> order = kind.order.comparator();
    TgRecord after = call.req.query("cursor").map(cursor -> position(list, cursor)).orElse(null);
    ArrayNode items = SandboxJson.array();
    TgRecord last = null;
    boolean more = false;
    // filter first: a look-up by externalRef then sorts the one record it finds, not every record
    List<TgRecord> sorted = new ArrayList<>();
    for (TgRecord record : records) {
      if (matches(record.json, active)) {
        sorted.add(record);
      }
    }
    sorted.sort(order);
    for (TgRecord record : sorted) {
      if (after != null && order.compare(record, after) <= 0) {
        continue;
      }
      if (items.size() == limit) {
        more = true;
        break;
      }
      items.add(record.json);
      last = record;
    }
    ObjectNode page = SandboxJson.object();
    page.set("items", items);
    if (more) {
      page.put("nextCursor", cursor(list, last));
    } else {
      page.putNull("nextCursor");
    }
    return page;
  }

  private static boolean matches(ObjectNode json, List<Map.Entry<TgKind.Filter, String>> filters) {
    for (Map.Entry<TgKind.Filter, String> f : filters) {
      if (!f.getKey().matches(json, f.getValue())) {
        return false;
      }
    }
    return true;
  }

  // ---- generic operations -------------------------------------------------------------------

  private SandboxResponse list(Call call, TgKind kind, String parentId) {
    String list = TgResources.collectionName(kind, parentId);
    synchronized (store) {
      return SandboxResponse.json(200, page(call, kind, call.community.collection(list).values(), list));
    }
  }

  private SandboxResponse get(Call call, TgKind kind, String idParam) {
    synchronized (store) {
      return SandboxResponse.json(200, find(call, kind, call.req.pathParam(idParam)).json);
    }
  }

  private SandboxResponse create(Call call, TgKind kind, TgKind parentKind, String parentParam) {
    String parentId = parentKind == null ? null : parent(call, parentKind, parentParam);
    JsonNode body = call.req.bodyJson();
    return idempotent(call, body, () -> {
      synchronized (store) {
        if (parentKind != null) {
          find(call, parentKind, parentId);
        }
        ObjectNode fields = kind.createSchema.create(body);
        return SandboxResponse.json(201, resources.create(call.community, kind, parentId, fields));
      }
    });
  }

  private SandboxResponse update(Call call, TgKind kind, String idParam) {
    synchronized (store) {
      TgRecord record = find(call, kind, call.req.pathParam(idParam));
      long expected = ifMatch(call.req);
      JsonNode body = call.req.bodyJson();
      long current = record.json.path("version").asLong();
      if (expected != current) {
        throw new TgApiException(412, "version_conflict", "If-Match is " + expected + " but the current version is " + current + ".");
      }
      ObjectNode patch = kind.updateSchema.update(body, kind.fixed);
      return SandboxResponse.json(200, resources.update(call.community, kind, record, patch));
    }
  }

  // ---- special operations -------------------------------------------------------------------

  private SandboxResponse listCommunities(Call call) {
    synchronized (store) {
      List<TgRecord> visible = new ArrayList<>();
      for (TgCommunity community : store.communities.values()) {
        if (community.tenantId.equals(call.token.tenantId())) {
          visible.add(new TgRecord(community.seq, community.json));
        }
      }
      return SandboxResponse.json(200, page(call, COMMUNITIES, visible, "communities"));
    }
  }

  private SandboxResponse uploadDocument(Call call) {
    String boundary = TgMultipart.boundary(call.req.header("Content-Type").orElse(null))
        .orElseThrow(() -> new TgApiException(415, "unsupported_media_type", "Send the document as multipart/form-data."));
    Map<String, TgMultipart.Part> parts = TgMultipart.parse(boundary, call.req.body());
    // the form as the contract's DocumentUpload schema sees it: the file part is a (binary) string
    ObjectNode form = SandboxJson.object();
    parts.forEach((name, part) -> form.put(name, name.equals("file") ? "" : part.text()));
    TgMultipart.Part file = parts.get("file");
    if (file != null && !form.has("fileName") && file.fileName() != null) {
      form.put("fileName", file.fileName());
    }
    ObjectNode fields = UPLOAD.create(form);
    if (file.content().length > maxDocumentBytes) {
      throw new TgApiException(413, "payload_too_large", "Documents are limited to " + maxDocumentBytes + " bytes.");
    }
    if (!fields.has("fileName")) {
      throw TgApiException.validation("fileName: is required (send a fileName field or a filename on the file part)");
    }
    String contentType = fields.path("contentType").asText().trim();
    String fileName = fields.path("fileName").asText();
    String externalRef = fields.path("externalRef").asText(null);
    ObjectNode fingerprint = SandboxJson.object()
        .put("file", TgResources.sha256Hex(file.content()))
        .put("filePartName", String.valueOf(file.fileName()))
        .put("contentType", contentType)
        .put("fileName", fileName)
        .put("externalRef", String.valueOf(externalRef));
    return idempotent(call, fingerprint, () -> {
      synchronized (store) {
        return SandboxResponse.json(201, resources.uploadDocument(call.community, fileName, contentType, file.content(), externalRef));
      }
    });
  }

  private SandboxResponse downloadDocument(Call call) {
    synchronized (store) {
      TgRecord document = find(call, TgKinds.DOCUMENTS, call.req.pathParam("documentId"));
      byte[] content = call.community.documentContent.get(document.id());
      if (content == null) {
        throw TgApiException.notFound("The content of document " + document.id() + " is missing from the sandbox's state directory.");
      }
      return SandboxResponse.bytes(200, document.json.path("contentType").asText(), content)
          .withHeader("Content-Disposition", ContentDisposition.attachment(document.json.path("fileName").asText()))
          .withHeader("X-Content-Sha256", document.json.path("sha256").asText());
    }
  }

  private SandboxResponse createApproval(Call call) {
    JsonNode body = call.req.bodyJson();
    return idempotent(call, body, () -> {
      synchronized (store) {
        ObjectNode fields = TgKinds.APPROVALS.createSchema.create(body);
        ObjectNode approval = resources.create(call.community, TgKinds.APPROVALS, null, fields);
        resources.appendAudit(call.community, approval.path("id").asText(), call.token.subject(), "submitted",
            "Submitted for review by " + String.join(", ", texts(approval.path("requiredRoles"))));
        return SandboxResponse.json(201, approval);
      }
    });
  }

  private SandboxResponse decide(Call call) {
    String approvalId = parent(call, TgKinds.APPROVALS, "approvalId");
    JsonNode body = call.req.bodyJson();
    return idempotent(call, body, () -> {
      synchronized (store) {
        TgRecord approval = find(call, TgKinds.APPROVALS, approvalId);
        ObjectNode decision = TgKinds.DECISION.create(body);
        return SandboxResponse.json(201, resources.decide(call.community, approval, decision));
      }
    });
  }

  private SandboxResponse resubmit(Call call) {
    String approvalId = parent(call, TgKinds.APPROVALS, "approvalId");
    JsonNode body = call.req.bodyJson();
    return idempotent(call, body, () -> {
      synchronized (store) {
        TgRecord approval = find(call, TgKinds.APPROVALS, approvalId);
        ObjectNode fields = TgKinds.RESUBMISSION.create(body);
        return SandboxResponse.json(201, resources.resubmit(call.community, approval, fields, call.token.subject()));
      }
    });
  }

  private SandboxResponse commentOnSiteRequest(Call call) {
    String id = parent(call, TgKinds.SITE_REQUESTS, "siteRequestId");
    JsonNode body = call.req.bodyJson();
    return idempotent(call, body, () -> {
      synchronized (store) {
        TgRecord request = find(call, TgKinds.SITE_REQUESTS, id);
        ObjectNode fields = TgKinds.SITE_REQUEST_COMMENT.create(body);
        return SandboxResponse.json(201, resources.commentOnSiteRequest(call.community, request, fields));
      }
    });
  }

  private SandboxResponse createWebhook(Call call) {
    JsonNode body = call.req.bodyJson();
    return idempotent(call, body, () -> {
      synchronized (store) {
        ObjectNode fields = TgKinds.WEBHOOKS.createSchema.create(body);
        String secret = fields.remove("secret").asText();
        ObjectNode webhook = resources.create(call.community, TgKinds.WEBHOOKS, null, fields);
        call.community.webhookSecrets.put(webhook.path("id").asText(), secret);
        return SandboxResponse.json(201, webhook);
      }
    });
  }

  private SandboxResponse deleteWebhook(Call call) {
    synchronized (store) {
      TgRecord webhook = find(call, TgKinds.WEBHOOKS, call.req.pathParam("webhookId"));
      call.community.collection(TgKinds.WEBHOOKS.collection).remove(webhook.id());
      call.community.webhookSecrets.remove(webhook.id());
      store.markDirty();
      return SandboxResponse.empty(204);
    }
  }

  /** The change feed: oldest first; {@code nextCursor} is the position after the last event scanned, never null. */
  private SandboxResponse listEvents(Call call) {
    int limit = limit(call);
    Set<String> types = new HashSet<>(texts(call.query.path("type")));
    synchronized (store) {
      TgCommunity community = call.community;
      long position = call.req.query("cursor").map(c -> feedPosition(community, c)).orElse(0L);
      ArrayNode items = SandboxJson.array();
      long scanned = position;
      for (TgRecord event : community.collection(TgKinds.EVENTS.collection).values()) {
        if (event.seq <= position) {
          continue;
        }
        if (types.isEmpty() || types.contains(event.json.path("type").asText())) {
          if (items.size() == limit) {
            break;
          }
          items.add(event.json);
        }
        scanned = event.seq;
      }
      ObjectNode page = SandboxJson.object();
      page.set("items", items);
      page.put("nextCursor", feedCursor(community, scanned));
      return SandboxResponse.json(200, page);
    }
  }

  private static String feedCursor(TgCommunity community, long position) {
    String raw = "feed|" + community.feedEpoch + "|" + position;
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  private static long feedPosition(TgCommunity community, String cursor) {
    String[] parts;
    try {
      parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", -1);
      if (parts.length == 3 && parts[0].equals("feed")) {
        long position = Long.parseLong(parts[2]);
        if (!parts[1].equals(community.feedEpoch)) {
          throw new TgApiException(410, "cursor_expired", "The cursor points into a feed that no longer exists (the sandbox was reset); restart without a cursor.");
        }
        return position;
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw TgApiException.invalidRequest("cursor is not an events cursor this API returned");
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
