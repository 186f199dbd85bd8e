package io.gridcast.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.parser.OpenAPIV3Parser;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sends a representative request for every operation of the Active Community contract to the
 * sandbox and validates request and response against the contract with swagger-request-validator.
 */
class TradingGridContractConformanceTest {

  private static final Path CONTRACT =
      Path.of("../sdk-tradinggrid/src/main/resources/io/gridcast/tradinggrid/active-community-openapi.yaml").toAbsolutePath().normalize();
  private static final String C = "/communities/" + TradingGridSandbox.DEFAULT_COMMUNITY_ID;

  private static TradingGridSandbox sandbox;
  private static OpenApiInteractionValidator validator;
  private static String token;
  private final Set<String> covered = new TreeSet<>();
  private final List<String> problems = new ArrayList<>();
  /** Set by tests that send invalid requests on purpose: then only the responses are judged. */
  private boolean responsesOnly;

  @BeforeAll
  static void start() {
    assertThat(CONTRACT).exists();
    validator = OpenApiInteractionValidator.createForSpecificationUrl(CONTRACT.toUri().toString()).build();
    sandbox = TradingGridSandbox.builder().start();
    token = sandbox.accessToken();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  /** Sends the request, validates the exchange, and returns the response body as JSON (or null). */
  private JsonNode call(String operationId, String method, String apiPath, Map<String, String> headers, byte[] body) {
    covered.add(operationId);
    boolean token = !operationId.equals("requestToken");
    String path = token ? TradingGridSandbox.API_PATH + apiPath : apiPath;
    URI uri = URI.create(sandbox.baseUri() + path);
    HttpRequest.Builder http = HttpRequest.newBuilder(uri)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    Map<String, String> all = new LinkedHashMap<>(headers);
    if (token && !all.containsKey("Authorization")) {
      all.put("Authorization", "Bearer " + TradingGridContractConformanceTest.token);
    }
    all.forEach(http::header);
    Http.Reply reply = Http.send(http.build());

    SimpleRequest.Builder request = new SimpleRequest.Builder(method, uri.getRawPath());
    all.forEach(request::withHeader);
    if (uri.getRawQuery() != null) {
      for (String pair : uri.getRawQuery().split("&")) {
        String[] kv = pair.split("=", 2);
        request.withQueryParam(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
      }
    }
    if (body != null) {
      request.withBody(body);
    }
    SimpleResponse.Builder response = SimpleResponse.Builder.status(reply.status());
    reply.raw().headers().map().forEach((name, values) -> response.withHeader(name, values));
    if (reply.raw().body().length > 0) {
      response.withBody(reply.raw().body());
    }
    ValidationReport report = validator.validate(request.build(), response.build());
    report.getMessages().stream()
        .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
        .filter(m -> !responsesOnly || m.getKey().startsWith("validation.response"))
        .forEach(m -> problems.add(operationId + " " + method + " " + path + " -> " + reply.status() + ": " + m.getKey() + " " + m.getMessage()));
    boolean json = reply.header("Content-Type") != null && reply.header("Content-Type").startsWith("application/json");
    return json && reply.raw().body().length > 0 ? reply.json() : null;
  }

  private JsonNode get(String operationId, String apiPath) {
    return call(operationId, "GET", apiPath, Map.of(), null);
  }

  private JsonNode send(String operationId, String method, String apiPath, Object body, String ifMatch) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    if (ifMatch != null) {
      headers.put("If-Match", ifMatch);
    } else if (method.equals("POST")) {
      headers.put("Idempotency-Key", "conformance-" + operationId);
    }
    return call(operationId, method, apiPath, headers, TgTestClient.json(body).getBytes(StandardCharsets.UTF_8));
  }

  private static String v(JsonNode resource) {
    return Long.toString(resource.path("version").asLong());
  }

  @Test
  void everyOperationAnswersAsTheContractSays() throws Exception {
    String basic = TgTestClient.basic(TradingGridSandbox.DEFAULT_CLIENT_ID, TradingGridSandbox.DEFAULT_CLIENT_SECRET);
    call("requestToken", "POST", "/tenants/" + TradingGridSandbox.DEFAULT_TENANT_ID + "/oauth2/token",
        Map.of("Content-Type", "application/x-www-form-urlencoded", "Authorization", basic),
        "grant_type=client_credentials&scope=community.read%20community.write".getBytes(StandardCharsets.UTF_8));

    get("listCommunities", "/communities?limit=10");
    get("getCommunity", C);

    JsonNode partner = send("createPartner", "POST", C + "/partners", Map.of("accountId", "TGMS-9001-0001", "name", "Quillon Paper Mills",
        "region", "EMEA", "onboardingStage", "onboarding", "groupIds", List.of(TradingGridDemoData.GROUP_EMEA),
        "contactEmail", "edi@quillon.example", "externalRef", "crm:account:9001"), null);
    String partnerId = partner.path("id").asText();
    get("listPartners", C + "/partners?limit=5&region=EMEA&onboardingStage=active&groupId=" + TradingGridDemoData.GROUP_EMEA);
    get("getPartner", C + "/partners/" + partnerId);
    send("updatePartner", "PATCH", C + "/partners/" + partnerId, Map.of("onboardingStage", "certified"), v(partner));

    JsonNode group = send("createPartnerGroup", "POST", C + "/partner-groups", Map.of("name", "Paper suppliers", "description", "Pulp and paper"), null);
    get("listPartnerGroups", C + "/partner-groups?limit=3");
    get("getPartnerGroup", C + "/partner-groups/" + group.path("id").asText());
    send("updatePartnerGroup", "PATCH", C + "/partner-groups/" + group.path("id").asText(), Map.of("description", "Pulp, paper and board"), v(group));

    String boundary = "conformance-boundary";
    String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"contentType\"\r\n\r\ntext/csv\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"plays.csv\"\r\nContent-Type: text/csv\r\n\r\n"
        + "episode,plays\n42,1951\n\r\n--" + boundary + "--\r\n";
    JsonNode document = call("uploadDocument", "POST", C + "/documents",
        Map.of("Content-Type", "multipart/form-data; boundary=" + boundary, "Idempotency-Key", "conformance-upload"),
        multipart.getBytes(StandardCharsets.UTF_8));
    String documentId = document.path("id").asText();
    get("listDocuments", C + "/documents?limit=2");
    get("getDocument", C + "/documents/" + documentId);
    get("downloadDocumentContent", C + "/documents/" + documentId + "/content");

    Map<String, Object> postBody = new LinkedHashMap<>();
    postBody.put("kind", "audio_update");
    postBody.put("title", "Audio update: the ASN fix explained");
    postBody.put("body", "Listen to the **three-minute** explainer.");
    postBody.put("links", List.of(Map.of("rel", "listen", "title", "Listen on Spotify", "url", "https://open.spotify.com/episode/4rOoJ6Egrf8K2IrywzwOMk")));
    postBody.put("metadata", Map.of("spotifyShowId", "5CfCWKI5pZ28U0uOzXkDHe", "durationMs", "180000"));
    postBody.put("audience", Map.of("groupIds", List.of(TradingGridDemoData.GROUP_ACTIVE), "partnerIds", List.of(partnerId)));
    postBody.put("attachments", List.of(documentId));
    postBody.put("tags", List.of("asn", "audio"));
    postBody.put("externalRef", "spotify:episode:4rOoJ6Egrf8K2IrywzwOMk");
    JsonNode post = send("createPost", "POST", C + "/posts", postBody, null);
    String postId = post.path("id").asText();
    get("listPosts", C + "/posts?limit=3&kind=audio_update&tag=asn&updatedSince=2026-01-01T00:00:00Z&externalRef=spotify:episode:4rOoJ6Egrf8K2IrywzwOMk");
    get("getPost", C + "/posts/" + postId);
    send("updatePost", "PATCH", C + "/posts/" + postId, Map.of("title", "Audio update: ASN fix", "tags", List.of("asn")), v(post));

    JsonNode assignment = send("createAssignment", "POST", C + "/assignments", Map.of("postId", postId,
        "target", Map.of("type", "group", "id", TradingGridDemoData.GROUP_ONBOARDING), "dueDate", "2026-12-31", "reason", "onboarding stage onboarding"), null);
    get("listAssignments", C + "/assignments?postId=" + postId + "&groupId=" + TradingGridDemoData.GROUP_ONBOARDING + "&status=assigned");
    get("getAssignment", C + "/assignments/" + assignment.path("id").asText());
    send("updateAssignment", "PATCH", C + "/assignments/" + assignment.path("id").asText(), Map.of("status", "in_progress"), v(assignment));

    JsonNode thread = send("createThread", "POST", C + "/threads", Map.of("title", "Feedback: ASN fix", "postId", postId, "externalRef", "spotify:episode:x1"), null);
    String threadId = thread.path("id").asText();
    get("listThreads", C + "/threads?postId=" + postId);
    get("getThread", C + "/threads/" + threadId);
    send("createThreadMessage", "POST", C + "/threads/" + threadId + "/messages", Map.of("body", "Helpful, thanks!", "authorPartnerId", partnerId), null);
    get("listThreadMessages", C + "/threads/" + threadId + "/messages?since=2026-01-01T00:00:00Z");

    JsonNode issue = send("createIssue", "POST", C + "/issues", Map.of("type", "trading_issue", "severity", "high", "title", "EDI 810 rejected",
        "description", "Invoices rejected since Monday.", "partnerId", partnerId, "region", "EMEA", "topic", "invoicing"), null);
    String issueId = issue.path("id").asText();
    get("listIssues", C + "/issues?status=open&type=trading_issue&updatedSince=2026-01-01T00:00:00Z&region=EMEA&partnerId=" + partnerId);
    get("getIssue", C + "/issues/" + issueId);
    send("updateIssue", "PATCH", C + "/issues/" + issueId, Map.of("status", "in_progress", "correctiveActions", List.of("Mapping fix queued.")), v(issue));
    send("createIssueComment", "POST", C + "/issues/" + issueId + "/comments", Map.of("body", "Sample invoice attached.", "authorPartnerId", partnerId), null);
    get("listIssueComments", C + "/issues/" + issueId + "/comments");

    JsonNode form = send("createForm", "POST", C + "/forms", Map.of("title", "Feedback: ASN fix", "postId", postId, "fields", List.of(
        Map.of("key", "usefulness", "label", "How useful?", "type", "rating", "required", true),
        Map.of("key", "topic", "label", "Next topic", "type", "choice", "required", false, "choices", List.of("asn", "returns")))), null);
    String formId = form.path("id").asText();
    get("listForms", C + "/forms?postId=" + postId);
    get("getForm", C + "/forms/" + formId);
    send("createFormSubmission", "POST", C + "/forms/" + formId + "/submissions", Map.of("partnerId", partnerId,
        "answers", Map.of("usefulness", "4", "topic", "returns")), null);
    get("listFormSubmissions", C + "/forms/" + formId + "/submissions?since=2026-01-01T00:00:00Z&partnerId=" + partnerId);

    JsonNode approval = send("createApproval", "POST", C + "/approvals", Map.of("title", "Audio update: ASN fix", "requiredRoles", List.of("legal", "brand"),
        "package", Map.of("scriptDocumentId", documentId, "artworkDocumentId", documentId, "releaseNotesDocumentId", documentId,
            "audioDocumentId", TradingGridDemoData.DOCUMENT_ASN_AUDIO)), null);
    String approvalId = approval.path("id").asText();
    get("listApprovals", C + "/approvals?status=pending&updatedSince=2026-01-01T00:00:00Z");
    send("createApprovalDecision", "POST", C + "/approvals/" + approvalId + "/decisions",
        Map.of("role", "legal", "decision", "approve", "comment", "Cleared.", "decidedBy", "legal@hp.example"), null);
    get("getApproval", C + "/approvals/" + approvalId);
    // a second decision of the same operation, so through the sandbox's helper: brand rejects, then a revised package
    sandbox.decideApproval(approvalId, "brand", "reject", "brand@hp.example", "Off-brand cover.");
    send("resubmitApproval", "POST", C + "/approvals/" + approvalId + "/resubmissions", Map.of("package",
        Map.of("scriptDocumentId", documentId, "artworkDocumentId", documentId, "releaseNotesDocumentId", documentId,
            "audioDocumentId", TradingGridDemoData.DOCUMENT_ASN_AUDIO), "comment", "New cover."), null);
    send("appendApprovalAudit", "POST", C + "/approvals/" + approvalId + "/audit",
        Map.of("actor", "gridcast:approval-gated-publishing", "action", "released", "detail", "Queued for the feed."), null);
    get("listApprovalAudit", C + "/approvals/" + approvalId + "/audit?limit=10");

    JsonNode campaign = send("createCampaign", "POST", C + "/campaigns", Map.of("name", "Winter Warmers", "brief", "Three episodes on winter ranges.",
        "approvalDocumentIds", List.of(documentId),
        "milestones", List.of(Map.of("id", "launch", "title", "Launch", "dueDate", "2027-01-10", "status", "planned",
            "spotifyUri", "spotify:show:5CfCWKI5pZ28U0uOzXkDHe")),
        "partnerInstructions", List.of(Map.of("partnerId", partnerId, "instructions", "Send product photos.")),
        "spotifyRefs", List.of("spotify:show:5CfCWKI5pZ28U0uOzXkDHe"), "status", "draft"), null);
    get("listCampaigns", C + "/campaigns?status=draft&updatedSince=2026-01-01T00:00:00Z");
    get("getCampaign", C + "/campaigns/" + campaign.path("id").asText());
    send("updateCampaign", "PATCH", C + "/campaigns/" + campaign.path("id").asText(), Map.of("status", "active"), v(campaign));

    JsonNode site = send("createSite", "POST", C + "/sites", Map.of("name", "H&P Store 301, Utrecht", "region", "EMEA", "timezone", "Europe/Amsterdam",
        "playlistUri", "spotify:playlist:37i9dQZF1DXcBWIGoYBM5M", "licenceDocumentIds", List.of(documentId), "rolloutDate", "2027-03-01",
        "partnerId", partnerId), null);
    String siteId = site.path("id").asText();
    get("listSites", C + "/sites?region=EMEA&status=planned");
    get("getSite", C + "/sites/" + siteId);
    send("updateSite", "PATCH", C + "/sites/" + siteId, Map.of("status", "live"), v(site));

    JsonNode request = send("createSiteRequest", "POST", C + "/site-requests", Map.of("siteId", siteId, "type", "playlist_change",
        "details", "Calmer mornings, please."), null);
    String requestId = request.path("id").asText();
    get("listSiteRequests", C + "/site-requests?siteId=" + siteId + "&type=playlist_change&status=open&updatedSince=2026-01-01T00:00:00Z");
    send("createSiteRequestComment", "POST", C + "/site-requests/" + requestId + "/comments", Map.of("author", "store301@hp.example", "body", "From Monday."), null);
    JsonNode current = get("getSiteRequest", C + "/site-requests/" + requestId);
    send("updateSiteRequest", "PATCH", C + "/site-requests/" + requestId, Map.of("status", "accepted"), v(current));

    get("listEvents", C + "/events?limit=50&type=issue.updated,post.created");

    JsonNode webhook = send("createWebhook", "POST", C + "/webhooks", Map.of("url", "https://hooks.hp.example/tradinggrid",
        "eventTypes", List.of("issue.resolved"), "secret", "whsec-conformance-0123456789", "description", "ops"), null);
    get("listWebhooks", C + "/webhooks");
    get("getWebhook", C + "/webhooks/" + webhook.path("id").asText());
    call("deleteWebhook", "DELETE", C + "/webhooks/" + webhook.path("id").asText(), Map.of(), null);

    assertThat(problems).as("contract violations").isEmpty();
    assertThat(covered).as("operations exercised").isEqualTo(contractOperations());
  }

  @Test
  void errorResponsesHaveTheContractsShape() {
    responsesOnly = true;
    call("listPartners", "GET", C + "/partners", Map.of("Authorization", "Bearer not-a-token"), null);
    get("getPost", C + "/posts/post_unknown");
    get("listPosts", C + "/posts?limit=0");
    send("updateSite", "PATCH", C + "/sites/" + TradingGridDemoData.SITE_LYON, Map.of("status", "live"), "99");
    call("updateSite", "PATCH", C + "/sites/" + TradingGridDemoData.SITE_LYON, Map.of("Content-Type", "application/json"),
        "{\"status\":\"live\"}".getBytes(StandardCharsets.UTF_8));
    send("createThread", "POST", C + "/threads", Map.of("title", ""), null);
    call("requestToken", "POST", "/tenants/" + TradingGridSandbox.DEFAULT_TENANT_ID + "/oauth2/token",
        Map.of("Content-Type", "application/x-www-form-urlencoded"),
        "grant_type=client_credentials&client_id=nobody&client_secret=nothing".getBytes(StandardCharsets.UTF_8));
    sandbox.faults(FaultProfile.builder().rateLimitRate(1).build());
    try {
      get("getCommunity", C);
    } finally {
      sandbox.faults(FaultProfile.none());
    }

    assertThat(problems).as("contract violations").isEmpty();
  }

  @Test
  void theValidatorRejectsAResponseThatBreaksTheContract() {
    SimpleResponse broken = SimpleResponse.Builder.ok().withContentType("application/json").withHeader("X-Request-Id", "req_1")
        .withBody("{\"id\":\"post_1\",\"kind\":\"podcast\"}").build();

    ValidationReport report = validator.validateResponse(TradingGridSandbox.API_PATH + C + "/posts/post_1",
        com.atlassian.oai.validator.model.Request.Method.GET, broken);

    assertThat(report.hasErrors()).isTrue();
  }

  private static Set<String> contractOperations() throws Exception {
    OpenAPI api = new OpenAPIV3Parser().readContents(Files.readString(CONTRACT)).getOpenAPI();
    Set<String> ids = new TreeSet<>();
    api.getPaths().values().forEach(item -> {
      for (Operation op : item.readOperations()) {
        ids.add(op.getOperationId());
      }
    });
    return ids;
  }
}
