package io.gridcast.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stateful emulator of OpenText Active Community on Trading Grid, speaking Gridcast's contract
 * ({@code active-community-openapi.yaml} in {@code sdk-tradinggrid}) on a loopback port.
 *
 * <p>It implements every operation of the contract with its rules: per-tenant OAuth 2.0 tokens
 * (client credentials and password grants) bound to their tenant and expiring, bearer tokens on
 * every call, cursor paging, {@code Idempotency-Key} replays, {@code externalRef} filters, {@code
 * If-Match} versions, an events feed for every change, signed webhook deliveries with retries,
 * multipart document uploads, role-based approvals with an append-only audit trail, issue and
 * site-request status rules. It starts with the {@linkplain TradingGridDemoData demo community},
 * injects faults ({@link #faults(FaultProfile)}), can keep its state in a directory so that
 * runs build on each other, and starts afresh on {@link #reset()}. At {@code /} it serves a
 * read-only web view of the demo community: posts rendered from their Markdown with charts and
 * images inline, attachments to download, assignments, issues, approvals with their audit
 * trails, sites and site requests.
 *
 * <p>Point a client at {@link #baseUrl()} for the API and {@link #tokenUrl(String)} for tokens.
 * The helpers below read and change state directly, as a person would in the web UI; their
 * changes emit the same events as API calls. Thread-safe; close it to free the port.
 *
 * <pre>{@code
 * try (TradingGridSandbox tg = TradingGridSandbox.builder().start()) {
 *   // POST tg.tokenUrl(TradingGridSandbox.DEFAULT_TENANT_ID) with DEFAULT_CLIENT_ID / DEFAULT_CLIENT_SECRET
 *   // GET  tg.baseUrl() + "communities/" + TradingGridSandbox.DEFAULT_COMMUNITY_ID + "/partners"
 *   tg.movePartnerToStage(TradingGridDemoData.PARTNER_DUNMORE, "suspended");
 * }
 * }</pre>
 */
public final class TradingGridSandbox implements AutoCloseable {

  /** The demo tenant. */
  public static final String DEFAULT_TENANT_ID = "halvorsen-pike";
  /** The demo community of {@link #DEFAULT_TENANT_ID}, seeded with {@link TradingGridDemoData}. */
  public static final String DEFAULT_COMMUNITY_ID = "c_hp_suppliers";
  /** Client id of the demo tenant's registered client. */
  public static final String DEFAULT_CLIENT_ID = "gridcast-sandbox";
  /** Client secret of the demo tenant's registered client (a test credential). */
  public static final String DEFAULT_CLIENT_SECRET = "sandbox-secret-4f7a9c2e";
  /** A user of the demo tenant for the password grant. */
  public static final String DEFAULT_USERNAME = "integration@halvorsen-pike.example";
  /** The password of {@link #DEFAULT_USERNAME} (a test credential). */
  public static final String DEFAULT_PASSWORD = "sandbox-password-2026";
  /** The path of the API base, as in the contract's sandbox server {@code http://127.0.0.1:{port}/activecommunity/v1}. */
  public static final String API_PATH = TgApi.BASE_PATH;
  /** Prefix of the token endpoints' paths; exempt it from faults with {@link Builder#exemptTokenEndpointFromFaults()}. */
  public static final String TOKEN_PATH_PREFIX = "/tenants/";
  /** The contract's document size limit: 25 MiB. */
  public static final int MAX_DOCUMENT_BYTES = 26_214_400;

  private static final Logger log = LoggerFactory.getLogger(TradingGridSandbox.class);
  private static final Instant DEMO_CREATED = Instant.parse("2026-09-07T08:00:00Z");

  private record ExtraCommunity(String tenantId, String id, String name) {}

  private final TgStore store;
  private final TgTokens tokens;
  private final TgResources resources;
  private final TgWebhookDispatcher webhooks;
  private final TgStateFile stateFile;
  private final SandboxServer server;
  private final List<ExtraCommunity> extraCommunities;
  private final boolean exemptTokenEndpoint;

  private TradingGridSandbox(Builder b) {
    this.store = new TgStore(b.seed, b.clock);
    this.webhooks = new TgWebhookDispatcher(store, b.clock, b.webhookAttempts, b.webhookBackoff, b.webhookTimeout);
    this.stateFile = b.stateDir == null ? null : new TgStateFile(b.stateDir);
    this.resources = new TgResources(store, webhooks, stateFile == null ? null : stateFile::writeDocument);
    this.tokens = new TgTokens(b.tenants(), b.clock, b.tokenLifetime);
    this.extraCommunities = List.copyOf(b.communities);
    this.exemptTokenEndpoint = b.exemptTokenEndpoint;
    synchronized (store) {
      if (stateFile != null && stateFile.exists()) {
        stateFile.load(store);
        log.debug("restored Trading Grid sandbox state from {}", stateFile.file());
      } else {
        seed();
      }
      flushLocked();
    }
    TgApi api = new TgApi(store, tokens, resources, this::persistLocked, b.maxDocumentBytes, b.keepIdempotencyKeys);
    try {
      this.server = SandboxServer.builder()
          .name("tradinggrid")
          .bind(b.bind)
          .port(b.port)
          .threads(b.threads)
          .router(new TgCommunityView(this).addTo(api.routes()))
          .errorFormat(TgErrorFormat.INSTANCE)
          .faults(withExemption(b.faults))
          .maxRequestBodyBytes(b.maxDocumentBytes + 1024 * 1024)
          .start();
    } catch (RuntimeException e) {
      webhooks.close();
      throw e;
    }
  }

  /** A builder; see {@link Builder} for the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  // ---- addresses and credentials ------------------------------------------------------------

  /** The server root, e.g. {@code http://127.0.0.1:41234}. */
  public URI baseUri() {
    return server.baseUri();
  }

  /** The API base with a trailing slash, e.g. {@code http://127.0.0.1:41234/activecommunity/v1/}. */
  public URI baseUrl() {
    return URI.create(server.baseUri() + API_PATH + "/");
  }

  /** The token endpoint of a tenant, e.g. {@code http://127.0.0.1:41234/tenants/halvorsen-pike/oauth2/token}. */
  public URI tokenUrl(String tenantId) {
    return URI.create(server.baseUri() + TOKEN_PATH_PREFIX + Objects.requireNonNull(tenantId, "tenantId") + "/oauth2/token");
  }

  /** The token endpoint of {@link #DEFAULT_TENANT_ID}. */
  public URI tokenUrl() {
    return tokenUrl(DEFAULT_TENANT_ID);
  }

  /** The bound port. */
  public int port() {
    return server.port();
  }

  /** A fresh access token of the demo tenant, as its client would get from the token endpoint. */
  public String accessToken() {
    return accessToken(DEFAULT_TENANT_ID);
  }

  /**
   * A fresh access token of a configured tenant.
   *
   * @throws IllegalArgumentException if the tenant is not configured
   */
  public String accessToken(String tenantId) {
    return tokens.issue(tenantId, tokens.tenant(tenantId).map(TgTokens.Tenant::clientId).orElse(tenantId));
  }

  /** Revokes every access token issued so far: the next call with one gets 401. */
  public void revokeAccessTokens() {
    tokens.revokeAll();
  }

  // ---- faults and state ---------------------------------------------------------------------

  /** Replaces the fault profile while running (the fault sequence restarts), keeping the token endpoint exempt if so configured. */
  public void faults(FaultProfile profile) {
    server.faults(withExemption(Objects.requireNonNull(profile, "profile")));
  }

  /**
   * Reports every request this sandbox answers from now on, with the fault it injected and
   * when it arrived and was answered ({@code null} stops reporting); see {@link
   * SandboxServer#observer}.
   */
  public void observer(java.util.function.Consumer<SandboxExchange> observer) {
    server.observer(observer);
  }

  /** The fault profile in force. */
  public FaultProfile faults() {
    return server.faults();
  }

  private FaultProfile withExemption(FaultProfile profile) {
    return exemptTokenEndpoint ? profile.toBuilder().exemptPath(TOKEN_PATH_PREFIX).build() : profile;
  }

  /** The state file, when the sandbox keeps state in a directory. */
  public Optional<Path> stateFile() {
    return Optional.ofNullable(stateFile).map(TgStateFile::file);
  }

  /**
   * Throws every change away and starts again from the demo data (and the configured empty
   * communities), also in the state directory. Issued tokens stay valid; event cursors of the old
   * feed get {@code 410 cursor_expired}; recorded webhook deliveries are cleared.
   */
  public void reset() {
    synchronized (store) {
      store.clear();
      if (stateFile != null) {
        stateFile.deleteDocuments();
      }
      seed();
      flushLocked();
    }
    webhooks.clearDeliveries();
  }

  private void seed() {
    TgCommunity demo = store.addCommunity(DEFAULT_TENANT_ID, DEFAULT_COMMUNITY_ID, "Halvorsen & Pike Supplier Community",
        "Suppliers, logistics partners and store operators of Halvorsen & Pike Retail on Trading Grid.", DEMO_CREATED);
    TradingGridDemoData.seed(store, resources, demo);
    for (ExtraCommunity extra : extraCommunities) {
      if (!store.communities.containsKey(extra.id)) {
        store.addCommunity(extra.tenantId, extra.id, extra.name, null, store.clock.instant());
      }
    }
  }

  private void persistLocked() {
    if (stateFile != null) {
      stateFile.save(store);
    }
  }

  private void flushLocked() {
    if (store.takeDirty()) {
      persistLocked();
    }
  }

  // ---- inspection ---------------------------------------------------------------------------

  /** The demo community as the API returns it (a copy). */
  JsonNode community() {
    return read(DEFAULT_COMMUNITY_ID, c -> c.json.deepCopy());
  }

  /** Every resource of a kind in the demo community, in creation order (copies). */
  public List<JsonNode> resources(TradingGridResource type) {
    return resources(DEFAULT_COMMUNITY_ID, type);
  }

  /** Every resource of a kind in a community, in creation order (copies); empty for an unknown community. */
  public List<JsonNode> resources(String communityId, TradingGridResource type) {
    return read(communityId, c -> copies(c.collection(type.kind.collection).values()));
  }

  /** One resource of the demo community, as the API would return it (a copy). */
  public Optional<JsonNode> resource(TradingGridResource type, String id) {
    return Optional.ofNullable(read(DEFAULT_COMMUNITY_ID, c -> c.find(type.kind.collection, id).map(r -> (JsonNode) r.json.deepCopy()).orElse(null)));
  }

  /** How many resources of a kind in the demo community carry {@code externalRef}. */
  public long countByExternalRef(TradingGridResource type, String externalRef) {
    return resources(type).stream().filter(r -> externalRef.equals(r.path("externalRef").asText(null))).count();
  }

  /** How many posts of the demo community carry {@code externalRef}, e.g. {@code spotify:episode:…}. */
  public long countPostsByExternalRef(String externalRef) {
    return countByExternalRef(TradingGridResource.POSTS, externalRef);
  }

  /** The demo community's events feed, oldest first (copies). */
  public List<JsonNode> events() {
    return read(DEFAULT_COMMUNITY_ID, c -> copies(c.collection(TgKinds.EVENTS.collection).values()));
  }

  /** A thread's messages in the demo community, oldest first. */
  public List<JsonNode> threadMessages(String threadId) {
    return children(TgKinds.MESSAGES, threadId);
  }

  /** An issue's comments in the demo community, oldest first. */
  public List<JsonNode> issueComments(String issueId) {
    return children(TgKinds.ISSUE_COMMENTS, issueId);
  }

  /** A form's submissions in the demo community, oldest first. */
  public List<JsonNode> formSubmissions(String formId) {
    return children(TgKinds.SUBMISSIONS, formId);
  }

  /** An approval's audit trail in the demo community, oldest first. */
  public List<JsonNode> auditTrail(String approvalId) {
    return children(TgKinds.AUDIT, approvalId);
  }

  /** The bytes of a document of the demo community. */
  public Optional<byte[]> documentContent(String documentId) {
    return Optional.ofNullable(read(DEFAULT_COMMUNITY_ID, c -> {
      byte[] content = c.documentContent.get(documentId);
      return content == null ? null : content.clone();
    }));
  }

  /** Every webhook delivery attempt so far, in the order made. */
  public List<WebhookDelivery> webhookDeliveries() {
    return webhooks.deliveries();
  }

  private List<JsonNode> children(TgKind kind, String parentId) {
    return read(DEFAULT_COMMUNITY_ID, c -> copies(c.collection(TgResources.collectionName(kind, parentId)).values()));
  }

  private static List<JsonNode> copies(Iterable<TgRecord> records) {
    List<JsonNode> out = new ArrayList<>();
    records.forEach(r -> out.add(r.json.deepCopy()));
    return out;
  }

  private <T> T read(String communityId, Function<TgCommunity, T> reader) {
    synchronized (store) {
      TgCommunity community = store.communities.get(communityId);
      if (community == null) {
        throw new IllegalArgumentException("no community " + communityId + " in the sandbox");
      }
      return reader.apply(community);
    }
  }

  // ---- changes as a person in the web UI would make them ------------------------------------

  /**
   * Creates a resource in the demo community from a body shaped like the API's create request,
   * with the API's rules and events (documents need {@link #uploadDocument}).
   *
   * @throws IllegalArgumentException if the body breaks the contract's rules
   */
  public JsonNode create(TradingGridResource type, JsonNode body) {
    if (type == TradingGridResource.DOCUMENTS || type == TradingGridResource.WEBHOOKS) {
      throw new IllegalArgumentException(type + " cannot be created this way; use uploadDocument or the API");
    }
    return change(c -> resources.create(c, type.kind, null, type.kind.createSchema.create(body)));
  }

  /**
   * Applies a partial update to a resource of the demo community (fields as in the API's PATCH
   * body) without an If-Match: a person editing in the UI always sees the latest version.
   *
   * @throws IllegalArgumentException if the resource does not exist, cannot be updated or the patch breaks a rule
   */
  public JsonNode update(TradingGridResource type, String id, JsonNode patch) {
    if (type.kind.updateSchema == null) {
      throw new IllegalArgumentException(type + " cannot be updated");
    }
    return change(c -> resources.update(c, type.kind, record(c, type.kind, id), type.kind.updateSchema.update(patch, type.kind.fixed)));
  }

  /** Uploads a document to the demo community. */
  public JsonNode uploadDocument(String fileName, String contentType, byte[] content) {
    Objects.requireNonNull(content, "content");
    return change(c -> resources.uploadDocument(c, fileName, contentType, content.clone(), null));
  }

  /**
   * Moves a partner to another onboarding stage; the stage groups of the demo data ({@link
   * TradingGridDemoData#GROUP_ONBOARDING}, {@code GROUP_CERTIFIED}, {@code GROUP_ACTIVE}) follow
   * the move. Emits {@code partner.updated}.
   *
   * @param stage one of invited, onboarding, certified, active, suspended
   */
  public JsonNode movePartnerToStage(String partnerId, String stage) {
    if (!TgKinds.ONBOARDING_STAGES.contains(stage)) {
      throw new IllegalArgumentException("stage must be one of " + TgKinds.ONBOARDING_STAGES + ", was " + stage);
    }
    return change(c -> {
      TgRecord partner = record(c, TgKinds.PARTNERS, partnerId);
      ArrayNode groups = SandboxJson.array();
      List<String> stageGroups = List.of(TradingGridDemoData.GROUP_ONBOARDING, TradingGridDemoData.GROUP_CERTIFIED, TradingGridDemoData.GROUP_ACTIVE);
      for (JsonNode g : partner.json.path("groupIds")) {
        if (!stageGroups.contains(g.asText())) {
          groups.add(g);
        }
      }
      String stageGroup = TradingGridDemoData.stageGroup(stage);
      if (stageGroup != null && c.exists(TgKinds.PARTNER_GROUPS.collection, stageGroup)) {
        groups.add(stageGroup);
      }
      ObjectNode patch = SandboxJson.object().put("onboardingStage", stage);
      patch.set("groupIds", groups);
      return resources.update(c, TgKinds.PARTNERS, partner, patch);
    });
  }

  /**
   * Moves a partner to another region, as an administrator would when a supplier relocates; the
   * region groups of the demo data ({@link TradingGridDemoData#GROUP_EMEA} and the others) follow
   * the move. Emits {@code partner.updated}.
   *
   * @param region one of {@link TradingGridDemoData#REGIONS}
   */
  public JsonNode movePartnerToRegion(String partnerId, String region) {
    if (!TradingGridDemoData.REGIONS.contains(region)) {
      throw new IllegalArgumentException("region must be one of " + TradingGridDemoData.REGIONS + ", was " + region);
    }
    return change(c -> {
      TgRecord partner = record(c, TgKinds.PARTNERS, partnerId);
      List<String> regionGroups = TradingGridDemoData.REGIONS.stream().map(TradingGridDemoData::regionGroup).toList();
      ArrayNode groups = SandboxJson.array();
      for (JsonNode g : partner.json.path("groupIds")) {
        if (!regionGroups.contains(g.asText())) {
          groups.add(g);
        }
      }
      String regionGroup = TradingGridDemoData.regionGroup(region);
      if (c.exists(TgKinds.PARTNER_GROUPS.collection, regionGroup)) {
        groups.add(regionGroup);
      }
      ObjectNode patch = SandboxJson.object().put("region", region);
      patch.set("groupIds", groups);
      return resources.update(c, TgKinds.PARTNERS, partner, patch);
    });
  }

  /**
   * Moves an issue to {@code status} one allowed step at a time (e.g. open → in_progress →
   * resolved), emitting an event per step.
   *
   * @throws IllegalArgumentException if the status cannot be reached (e.g. from closed)
   */
  public JsonNode setIssueStatus(String issueId, String status) {
    return change(c -> issueTo(c, issueId, status, SandboxJson.object()));
  }

  /** Resolves an issue (through in_progress if it is open) with a summary and corrective actions; emits {@code issue.resolved}. */
  public JsonNode resolveIssue(String issueId, String resolutionSummary, String... correctiveActions) {
    ObjectNode extra = SandboxJson.object().put("resolutionSummary", resolutionSummary);
    ArrayNode actions = extra.putArray("correctiveActions");
    for (String a : correctiveActions) {
      actions.add(a);
    }
    return change(c -> issueTo(c, issueId, "resolved", extra));
  }

  private ObjectNode issueTo(TgCommunity c, String issueId, String status, ObjectNode extra) {
    TgRecord issue = record(c, TgKinds.ISSUES, issueId);
    List<String> path = List.of("open", "in_progress", "resolved", "closed");
    String from = issue.json.path("status").asText();
    if (path.indexOf(status) < 0) {
      throw new IllegalArgumentException("status must be one of " + path + ", was " + status);
    }
    if (path.indexOf(status) > path.indexOf(from) + 1) {
      for (int step = path.indexOf(from) + 1; step < path.indexOf(status); step++) {
        resources.update(c, TgKinds.ISSUES, issue, SandboxJson.object().put("status", path.get(step)));
      }
    }
    ObjectNode patch = extra.deepCopy().put("status", status);
    return resources.update(c, TgKinds.ISSUES, issue, TgKinds.ISSUES.updateSchema.update(patch, TgKinds.ISSUES.fixed));
  }

  /**
   * Records a reviewer's decision on an approval, as the contract's {@code createApprovalDecision} does.
   *
   * @param decision approve, reject or request_changes
   * @param comment may be null
   */
  public JsonNode decideApproval(String approvalId, String role, String decision, String decidedBy, String comment) {
    ObjectNode body = SandboxJson.object().put("role", role).put("decision", decision).put("decidedBy", decidedBy);
    if (comment != null) {
      body.put("comment", comment);
    }
    return change(c -> resources.decide(c, record(c, TgKinds.APPROVALS, approvalId), TgKinds.DECISION.create(body)));
  }

  /**
   * The submitter resubmits a revised package for another round of review, as the API's {@code
   * resubmitApproval} does; emits {@code approval.resubmitted}.
   *
   * @param packageDocuments the revised package: {@code scriptDocumentId}, {@code
   *     artworkDocumentId}, {@code releaseNotesDocumentId}, {@code audioDocumentId}
   * @param comment what changed, or null
   * @throws IllegalArgumentException if the approval is not rejected or sent back with changes
   *     requested, or a document does not exist
   */
  public JsonNode resubmitApproval(String approvalId, Map<String, String> packageDocuments, String submittedBy,
      String comment) {
    ObjectNode body = SandboxJson.object();
    ObjectNode pkg = body.putObject("package");
    packageDocuments.forEach(pkg::put);
    if (comment != null) {
      body.put("comment", comment);
    }
    return change(c -> resources.resubmit(c, record(c, TgKinds.APPROVALS, approvalId), TgKinds.RESUBMISSION.create(body),
        submittedBy));
  }

  /**
   * A quirk for tests of clients that must publish only what was approved: swaps the bytes of a
   * document of the demo community behind the API's back, as someone with access to the store
   * could, with its {@code size} and {@code sha256} recomputed so that every read (metadata,
   * download, its {@code X-Content-Sha256}) is consistent with the new bytes. Documents are
   * immutable through the API; no event is emitted and the id stays. Returns the new metadata.
   *
   * @throws IllegalArgumentException if the document does not exist
   */
  public JsonNode replaceDocumentContent(String documentId, byte[] content) {
    Objects.requireNonNull(content, "content");
    return change(c -> resources.replaceDocumentContent(c, record(c, TgKinds.DOCUMENTS, documentId), content.clone()));
  }

  /** A partner submits answers to a form; emits {@code form.submitted}. */
  public JsonNode submitForm(String formId, String partnerId, Map<String, String> answers) {
    ObjectNode body = SandboxJson.object().put("partnerId", partnerId);
    ObjectNode a = body.putObject("answers");
    answers.forEach(a::put);
    return change(c -> {
      record(c, TgKinds.FORMS, formId);
      return resources.create(c, TgKinds.SUBMISSIONS, formId, TgKinds.SUBMISSIONS.createSchema.create(body));
    });
  }

  /** A partner (or, with a null partner, the community owner) writes in a thread; emits {@code thread.message_created}. */
  public JsonNode postThreadMessage(String threadId, String partnerId, String body) {
    return postThreadMessage(threadId, partnerId, body, List.of(), false);
  }

  /**
   * As {@link #postThreadMessage(String, String, String)}, with topic {@code tags} (lowercase, as
   * the contract's {@code MessageTag}) and, when {@code flagged}, flagged as a problem.
   */
  public JsonNode postThreadMessage(String threadId, String partnerId, String body, List<String> tags, boolean flagged) {
    ObjectNode message = SandboxJson.object().put("body", body);
    if (partnerId != null) {
      message.put("authorPartnerId", partnerId);
    }
    if (!tags.isEmpty()) {
      tags.forEach(message.putArray("tags")::add);
    }
    if (flagged) {
      message.put("flagged", true);
    }
    return change(c -> {
      record(c, TgKinds.THREADS, threadId);
      return resources.create(c, TgKinds.MESSAGES, threadId, TgKinds.MESSAGES.createSchema.create(message));
    });
  }

  /** A site raises a request; emits {@code site_request.created}. */
  public JsonNode raiseSiteRequest(String siteId, String type, String details) {
    ObjectNode body = SandboxJson.object().put("siteId", siteId).put("type", type).put("details", details);
    return create(TradingGridResource.SITE_REQUESTS, body);
  }

  /** A partner logs an issue; emits {@code issue.created}. */
  public JsonNode logIssue(String type, String title, String description, String partnerId) {
    ObjectNode body = SandboxJson.object().put("type", type).put("title", title).put("description", description);
    if (partnerId != null) {
      body.put("partnerId", partnerId);
    }
    return create(TradingGridResource.ISSUES, body);
  }

  private static TgRecord record(TgCommunity c, TgKind kind, String id) {
    return c.find(kind.collection, id)
        .orElseThrow(() -> new IllegalArgumentException("no " + kind.resourceType.replace('_', ' ') + " " + id + " in community " + c.id));
  }

  private JsonNode change(Function<TgCommunity, ObjectNode> change) {
    synchronized (store) {
      try {
        TgCommunity community = store.communities.get(DEFAULT_COMMUNITY_ID);
        if (community == null) {
          throw new IllegalStateException("the demo community is missing from the sandbox's state");
        }
        return change.apply(community);
      } catch (TgApiException e) {
        throw new IllegalArgumentException(e.getMessage(), e);
      } finally {
        flushLocked();
      }
    }
  }

  /**
   * Signs a payload as the sandbox signs webhook deliveries, for tests of receivers:
   * {@code t=<t>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>}.
   */
  public static String signatureHeader(String secret, long unixSeconds, byte[] body) {
    return TgWebhookDispatcher.signatureHeader(secret, unixSeconds, body);
  }

  /** Stops the server and webhook deliveries. State is already saved after every change. Idempotent. */
  @Override
  public void close() {
    server.close();
    webhooks.close();
  }

  @Override
  public String toString() {
    return "TradingGridSandbox{" + baseUrl() + "}";
  }

  /**
   * Configures and starts a {@link TradingGridSandbox}. Defaults: loopback ({@code 127.0.0.1}),
   * ephemeral port, seed 0, in-memory state, the demo tenant {@link #DEFAULT_TENANT_ID} with client
   * {@link #DEFAULT_CLIENT_ID}/{@link #DEFAULT_CLIENT_SECRET} and user {@link
   * #DEFAULT_USERNAME}/{@link #DEFAULT_PASSWORD}, system UTC clock, tokens valid for 1 hour, no
   * faults (token endpoint not exempt), documents up to {@link #MAX_DOCUMENT_BYTES}, webhook
   * deliveries tried 4 times with 250 ms initial backoff and a 10 s timeout, {@code max(8, 4 ×
   * processors)} worker threads. Not thread-safe.
   */
  public static final class Builder {
    private InetAddress bind = InetAddress.getLoopbackAddress();
    private int port;
    private long seed;
    private Path stateDir;
    private Clock clock = Clock.systemUTC();
    private Duration tokenLifetime = Duration.ofHours(1);
    private FaultProfile faults = FaultProfile.none();
    private boolean exemptTokenEndpoint;
    private int maxDocumentBytes = MAX_DOCUMENT_BYTES;
    private boolean keepIdempotencyKeys = true;
    private int webhookAttempts = 4;
    private Duration webhookBackoff = Duration.ofMillis(250);
    private Duration webhookTimeout = Duration.ofSeconds(10);
    private int threads = Math.max(8, 4 * Runtime.getRuntime().availableProcessors());
    private final Map<String, TgTokens.Tenant> tenants = new LinkedHashMap<>();
    private final List<ExtraCommunity> communities = new ArrayList<>();

    private Builder() {
      tenant(DEFAULT_TENANT_ID, DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET);
      user(DEFAULT_TENANT_ID, DEFAULT_USERNAME, DEFAULT_PASSWORD);
    }

    /**
     * The address to listen on. Default loopback ({@code 127.0.0.1}): only this machine can
     * connect. {@code 0.0.0.0} listens on every interface (a sandbox in a container); the
     * sandbox speaks plain HTTP with published test credentials, so only on a network you trust.
     */
    public Builder bind(InetAddress address) {
      this.bind = Objects.requireNonNull(address, "address");
      return this;
    }

    /** Port to listen on; 0 (the default) picks a free one. */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** Seed of the demo data's variations and of generated ids. Default 0. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * Keeps state as JSON in {@code dir} (documents as files beside it), saved after every change
     * and loaded on start instead of the demo data. Default: in memory.
     */
    public Builder stateDir(Path dir) {
      this.stateDir = Objects.requireNonNull(dir, "dir");
      return this;
    }

    /** Clock for timestamps, token expiry and webhook signatures. Default system UTC. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Lifetime of access tokens ({@code expires_in}). Default 1 hour.
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder tokenLifetime(Duration lifetime) {
      if (lifetime.isNegative() || lifetime.isZero()) {
        throw new IllegalArgumentException("tokenLifetime must be positive, was " + lifetime);
      }
      this.tokenLifetime = lifetime;
      return this;
    }

    /**
     * Registers a tenant (or replaces its client) with its token endpoint {@code
     * /tenants/{tenantId}/oauth2/token}. Add communities with {@link #community}.
     *
     * @throws IllegalArgumentException if an argument is blank or the id is not a contract id
     */
    public Builder tenant(String tenantId, String clientId, String clientSecret) {
      requireId("tenantId", tenantId);
      if (clientId == null || clientId.isBlank() || clientSecret == null || clientSecret.isBlank()) {
        throw new IllegalArgumentException("clientId and clientSecret must not be blank");
      }
      TgTokens.Tenant old = tenants.get(tenantId);
      tenants.put(tenantId, new TgTokens.Tenant(tenantId, clientId, clientSecret,
          old == null ? Map.of() : old.users(), old != null && old.passwordGrantOnly()));
      return this;
    }

    /**
     * Adds a user of a tenant for the password grant.
     *
     * @throws IllegalArgumentException if the tenant is not registered yet
     */
    public Builder user(String tenantId, String username, String password) {
      TgTokens.Tenant t = requireTenant(tenantId);
      var users = new LinkedHashMap<>(t.users());
      users.put(Objects.requireNonNull(username, "username"), Objects.requireNonNull(password, "password"));
      tenants.put(tenantId, new TgTokens.Tenant(tenantId, t.clientId(), t.clientSecret(), Map.copyOf(users), t.passwordGrantOnly()));
      return this;
    }

    /** Makes a tenant refuse the client-credentials grant ({@code unauthorized_client}), as tenants that require the password grant do. */
    public Builder passwordGrantOnly(String tenantId) {
      TgTokens.Tenant t = requireTenant(tenantId);
      tenants.put(tenantId, new TgTokens.Tenant(tenantId, t.clientId(), t.clientSecret(), t.users(), true));
      return this;
    }

    /**
     * Adds an empty community owned by a tenant; tokens of other tenants get 403 there.
     *
     * @throws IllegalArgumentException if the tenant is not registered or the id is not a contract id
     */
    public Builder community(String tenantId, String communityId, String name) {
      requireTenant(tenantId);
      requireId("communityId", communityId);
      if (communityId.equals(DEFAULT_COMMUNITY_ID)) {
        throw new IllegalArgumentException(DEFAULT_COMMUNITY_ID + " is the demo community; choose another id");
      }
      communities.add(new ExtraCommunity(tenantId, communityId, Objects.requireNonNull(name, "name")));
      return this;
    }

    /** The initial fault profile. Default none. */
    public Builder faults(FaultProfile faults) {
      this.faults = Objects.requireNonNull(faults, "faults");
      return this;
    }

    /** Never injects faults into the token endpoints (adds {@link #TOKEN_PATH_PREFIX} to every profile's exempt paths). Default off. */
    public Builder exemptTokenEndpointFromFaults() {
      this.exemptTokenEndpoint = true;
      return this;
    }

    /**
     * Largest document accepted by uploads; larger ones get {@code 413 payload_too_large}. Default
     * {@link #MAX_DOCUMENT_BYTES} as in the contract; lower it to test the limit cheaply.
     */
    public Builder maxDocumentBytes(int bytes) {
      if (bytes < 1 || bytes > MAX_DOCUMENT_BYTES) {
        throw new IllegalArgumentException("maxDocumentBytes must be 1-" + MAX_DOCUMENT_BYTES + ", was " + bytes);
      }
      this.maxDocumentBytes = bytes;
      return this;
    }

    /**
     * Forgets every {@code Idempotency-Key} as soon as its create has been answered (a request
     * still in flight keeps its key), as a platform does once the key's retention has passed (the
     * contract keeps keys at least 24 hours): a create sent again is then carried out again. Use
     * it to prove that a client never relies on the platform's idempotency records to avoid a
     * duplicate. Default: keys are kept for the sandbox's lifetime.
     */
    public Builder forgetIdempotencyKeys() {
      this.keepIdempotencyKeys = false;
      return this;
    }

    /**
     * How webhook deliveries are retried: {@code attempts} in all, the n-th retry after {@code
     * initialBackoff × 2^(n-1)}, each attempt waiting at most {@code timeout}. Default 4, 250 ms, 10 s.
     */
    public Builder webhookRetries(int attempts, Duration initialBackoff, Duration timeout) {
      if (attempts < 1 || initialBackoff.isNegative() || timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("attempts must be >= 1 and durations positive");
      }
      this.webhookAttempts = attempts;
      this.webhookBackoff = initialBackoff;
      this.webhookTimeout = timeout;
      return this;
    }

    /** Worker threads of the HTTP server. */
    public Builder threads(int threads) {
      this.threads = threads;
      return this;
    }

    /**
     * Seeds the demo data (or loads saved state) and starts the server.
     *
     * @throws java.io.UncheckedIOException if the port cannot be bound or the state cannot be read
     */
    public TradingGridSandbox start() {
      return new TradingGridSandbox(this);
    }

    private Map<String, TgTokens.Tenant> tenants() {
      return tenants;
    }

    private TgTokens.Tenant requireTenant(String tenantId) {
      TgTokens.Tenant t = tenants.get(tenantId);
      if (t == null) {
        throw new IllegalArgumentException("no tenant " + tenantId + ": register it with tenant(id, clientId, clientSecret) first");
      }
      return t;
    }

    private static void requireId(String name, String id) {
      if (id == null || !TgContract.get().accepts("Id", SandboxJson.MAPPER.getNodeFactory().textNode(id))) {
        throw new IllegalArgumentException(name + " must match ^[A-Za-z0-9_-]{1,64}$, was " + id);
      }
    }
  }
}
