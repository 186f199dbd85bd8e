package io.gridcast.tradinggrid;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.callbacks.Callback;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The contract parses cleanly with the real OpenAPI parser and keeps Gridcast's conventions. */
class ActiveCommunityContractTest {

  private static final String TOKEN_PATH = "/tenants/{tenantId}/oauth2/token";

  private static SwaggerParseResult parseResult;
  private static OpenAPI api;
  private static List<Op> operations;

  /** One operation with where it lives. */
  record Op(String path, PathItem.HttpMethod method, PathItem item, Operation operation) {
    String name() {
      return method + " " + path + " (" + operation.getOperationId() + ")";
    }
  }

  @BeforeAll
  static void parse() {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    parseResult =
        new OpenAPIV3Parser().readContents(ActiveCommunityContract.readOpenApi(), null, options);
    api = parseResult.getOpenAPI();
    operations = new ArrayList<>();
    if (api != null) {
      api.getPaths()
          .forEach(
              (path, item) ->
                  item.readOperationsMap()
                      .forEach((method, op) -> operations.add(new Op(path, method, item, op))));
    }
  }

  @Test
  void parsesWithoutAnyMessage() {
    assertThat(parseResult.getMessages()).isEmpty();
    assertThat(api).isNotNull();
    assertThat(api.getOpenapi()).isEqualTo("3.0.3");
    assertThat(api.getInfo().getVersion()).isEqualTo(ActiveCommunityContract.VERSION);
  }

  @Test
  void isReachableThroughTheClasspathHelper() throws Exception {
    assertThat(ActiveCommunityContract.openApiResource().getPath())
        .endsWith(ActiveCommunityContract.RESOURCE_PATH);
    SwaggerParseResult byUrl =
        new OpenAPIV3Parser()
            .readLocation(ActiveCommunityContract.openApiResource().toString(), null, null);
    assertThat(byUrl.getMessages()).isEmpty();
    assertThat(byUrl.getOpenAPI().getPaths()).hasSameSizeAs(api.getPaths());
  }

  @Test
  void everyOperationHasAUniqueOperationId() {
    Set<String> seen = new HashSet<>();
    for (Op op : operations) {
      assertThat(op.operation().getOperationId()).as(op.name()).isNotBlank();
      assertThat(seen.add(op.operation().getOperationId())).as("duplicate " + op.name()).isTrue();
    }
    assertThat(operations).hasSizeGreaterThanOrEqualTo(60);
  }

  @Test
  void everyResourceIsScopedToACommunity() {
    for (Op op : operations) {
      if (op.path().equals(TOKEN_PATH) || op.path().equals("/communities")) {
        continue;
      }
      assertThat(op.path()).as(op.name()).startsWith("/communities/{communityId}");
      assertThat(parameters(op)).as(op.name()).containsKey("path:communityId");
    }
  }

  @Test
  void everyOperationButTheTokenEndpointRequiresBearerAuth() {
    assertThat(api.getComponents().getSecuritySchemes().get("bearerAuth").getScheme())
        .isEqualTo("bearer");
    assertThat(api.getSecurity()).singleElement().satisfies(r -> assertThat(r).containsKey("bearerAuth"));
    for (Op op : operations) {
      if (op.path().equals(TOKEN_PATH)) {
        assertThat(op.operation().getSecurity()).isNotNull();
      } else {
        assertThat(op.operation().getSecurity()).as(op.name() + " overrides security").isNull();
      }
    }
  }

  @Test
  void tokenEndpointTakesAFormWithBothGrantsAndAnswersOAuthErrors() {
    Op token = operation("requestToken");
    assertThat(token.path()).isEqualTo(TOKEN_PATH);
    MediaType form = token.operation().getRequestBody().getContent().get("application/x-www-form-urlencoded");
    Schema<?> request = schema(form.getSchema());
    assertThat(property(request, "grant_type").getEnum())
        .map(String::valueOf)
        .containsExactlyInAnyOrder("client_credentials", "password");
    assertThat(request.getProperties()).containsKeys("username", "password", "client_id", "client_secret", "scope");
    Schema<?> ok = schema(response(token, "200").getContent().get("application/json").getSchema());
    assertThat(ok.getRequired()).contains("access_token", "token_type", "expires_in");
    assertThat(ok.getProperties()).containsKey("scope");
    for (String status : List.of("400", "401")) {
      Schema<?> error = schema(response(token, status).getContent().get("application/json").getSchema());
      assertThat(error.getProperties()).containsOnlyKeys("error", "error_description");
    }
    assertThat(token.operation().getSecurity())
        .anySatisfy(r -> assertThat(r).containsKey("clientBasic"))
        .anySatisfy(r -> assertThat(r).isEmpty());
  }

  @Test
  void everyOperationDocumentsItsErrorResponses() {
    for (Op op : operations) {
      Map<String, ApiResponse> responses = responses(op);
      assertThat(responses).as(op.name()).containsKeys("401", "429", "500", "503");
      boolean token = op.path().equals(TOKEN_PATH);
      if (!token) {
        assertThat(responses).as(op.name()).containsKeys("400", "403");
      }
      responses.forEach(
          (status, response) -> {
            assertThat(response.getHeaders()).as(op.name() + " " + status).containsKey("X-Request-Id");
            boolean oauthError = token && (status.equals("400") || status.equals("401"));
            if (status.charAt(0) >= '4' && !oauthError) {
              Schema<?> body = schema(response.getContent().get("application/json").getSchema());
              assertThat(body.getRequired()).as(op.name() + " " + status).containsExactly("error");
              Schema<?> detail = schema(property(body, "error"));
              assertThat(detail.getRequired()).containsExactlyInAnyOrder("code", "message", "requestId");
            }
          });
      assertThat(responses.get("429").getHeaders()).as(op.name()).containsKey("Retry-After");
    }
  }

  @Test
  void everyCreateAcceptsAnIdempotencyKeyAndMayAnswer422() {
    List<Op> creates =
        operations.stream()
            .filter(op -> op.method() == PathItem.HttpMethod.POST && !op.path().equals(TOKEN_PATH))
            .toList();
    assertThat(creates).hasSizeGreaterThanOrEqualTo(18);
    for (Op op : creates) {
      Parameter key = parameters(op).get("header:Idempotency-Key");
      assertThat(key).as(op.name()).isNotNull();
      assertThat(responses(op)).as(op.name()).containsKeys("201", "409", "422");
    }
    String reuse = api.getComponents().getResponses().get("UnprocessableEntity").getDescription();
    assertThat(reuse).contains("idempotency_key_reused");
  }

  @Test
  void everyUpdateIsAPatchWithARequiredIfMatchAndVersionErrors() {
    List<Op> patches =
        operations.stream().filter(op -> op.method() == PathItem.HttpMethod.PATCH).toList();
    assertThat(patches).hasSizeGreaterThanOrEqualTo(8);
    for (Op op : patches) {
      Parameter ifMatch = parameters(op).get("header:If-Match");
      assertThat(ifMatch).as(op.name()).isNotNull();
      assertThat(ifMatch.getRequired()).as(op.name()).isTrue();
      assertThat(responses(op)).as(op.name()).containsKeys("200", "412", "428");
      Schema<?> resource = schema(responses(op).get("200").getContent().get("application/json").getSchema());
      assertThat(property(resource, "version")).as(op.name()).isNotNull();
      assertThat(resource.getRequired()).as(op.name()).contains("version");
    }
    assertThat(operations)
        .noneMatch(op -> op.method() == PathItem.HttpMethod.PUT);
  }

  @Test
  void everyListPagesWithLimitAndCursorAndANullableNextCursor() {
    List<Op> lists =
        operations.stream()
            .filter(op -> op.method() == PathItem.HttpMethod.GET)
            .filter(op -> pageSchema(op).isPresent())
            .toList();
    assertThat(lists).hasSizeGreaterThanOrEqualTo(19);
    for (Op op : lists) {
      assertThat(parameters(op)).as(op.name()).containsKeys("query:limit", "query:cursor");
      Schema<?> page = pageSchema(op).orElseThrow();
      assertThat(page.getRequired()).containsExactlyInAnyOrder("items", "nextCursor");
      assertThat(property(page, "items").getType()).isEqualTo("array");
      assertThat(property(page, "nextCursor").getNullable()).as(op.name()).isTrue();
    }
  }

  @Test
  void everyCreatedResourceCarriesAnExternalRefThatItsListFilters() {
    for (Op create : operations) {
      if (create.method() != PathItem.HttpMethod.POST || create.path().equals(TOKEN_PATH)) {
        continue;
      }
      if (create.path().endsWith("/decisions") || create.path().endsWith("/audit") || create.path().endsWith("/resubmissions")
          || create.path().endsWith("/comments") && create.path().contains("site-requests")) {
        continue; // appends to a parent resource rather than creating a referenceable one
      }
      Schema<?> body = schema(requestSchema(create));
      assertThat(body.getProperties()).as(create.name()).containsKey("externalRef");
      Schema<?> created = schema(responses(create).get("201").getContent().get("application/json").getSchema());
      assertThat(created.getProperties()).as(create.name()).containsKey("externalRef");
      PathItem sameCollection = api.getPaths().get(create.path());
      assertThat(sameCollection.getGet()).as("list beside " + create.name()).isNotNull();
      Op list = new Op(create.path(), PathItem.HttpMethod.GET, sameCollection, sameCollection.getGet());
      assertThat(parameters(list)).as(list.name()).containsKey("query:externalRef");
    }
  }

  @Test
  void documentUploadIsMultipartWithASizeCap() {
    Op upload = operation("uploadDocument");
    MediaType multipart = upload.operation().getRequestBody().getContent().get("multipart/form-data");
    Schema<?> form = schema(multipart.getSchema());
    assertThat(property(form, "file").getFormat()).isEqualTo("binary");
    assertThat(form.getRequired()).contains("file", "contentType");
    assertThat(responses(upload)).containsKey("413");
    Schema<?> document = schema(responses(upload).get("201").getContent().get("application/json").getSchema());
    assertThat(document.getRequired()).contains("id", "fileName", "contentType", "size", "sha256");
    assertThat(property(document, "size").getMaximum()).isEqualByComparingTo("26214400");
    assertThat(operation("downloadDocumentContent").path())
        .isEqualTo("/communities/{communityId}/documents/{documentId}/content");
  }

  @Test
  void enumerationsUseTheLowercaseWireValues() {
    Map<String, List<String>> expected = new LinkedHashMap<>();
    expected.put("PostKind", List.of("announcement", "training", "audio_update", "report", "service_notice"));
    expected.put("OnboardingStage", List.of("invited", "onboarding", "certified", "active", "suspended"));
    expected.put("IssueType", List.of("trading_issue", "process_change", "feedback", "support"));
    expected.put("IssueStatus", List.of("open", "in_progress", "resolved", "closed"));
    expected.put("IssueSeverity", List.of("low", "medium", "high", "critical"));
    expected.put("FormFieldType", List.of("rating", "text", "choice"));
    expected.put("ApprovalStatus", List.of("pending", "approved", "rejected", "changes_requested"));
    expected.put("DecisionOutcome", List.of("approve", "reject", "request_changes"));
    expected.put("MilestoneStatus", List.of("planned", "done"));
    expected.put("CampaignStatus", List.of("draft", "active", "completed"));
    expected.put("CampaignType", List.of("branded", "sponsorship"));
    expected.put("SiteStatus", List.of("planned", "live", "paused", "suspended"));
    expected.put("SiteRequestType", List.of("new_site", "playlist_change", "licence", "support"));
    expected.put("SiteRequestStatus", List.of("open", "accepted", "refused", "done"));
    expected.forEach(
        (name, values) ->
            assertThat(component(name).getEnum()).as(name).map(String::valueOf).containsExactlyElementsOf(values));
    assertThat(component("EventType").getEnum())
        .map(String::valueOf)
        .contains(
            "issue.resolved", "issue.updated", "approval.completed", "approval.decided",
            "campaign.updated", "site_request.created", "form.submitted",
            "thread.message_created", "post.created", "post.updated");
  }

  @Test
  void webhookDeliveryIsSignedAndTheSecretIsWriteOnly() {
    Op create = operation("createWebhook");
    Schema<?> body = schema(requestSchema(create));
    assertThat(property(body, "secret").getWriteOnly()).isTrue();
    assertThat(component("Webhook").getProperties()).doesNotContainKey("secret");
    Callback delivery = create.operation().getCallbacks().get("eventDelivery");
    Operation post = delivery.get("{$request.body#/url}").getPost();
    assertThat(post.getParameters())
        .map(p -> resolve(p).getName())
        .contains("Gridcast-Signature", "Gridcast-Event-Id", "Gridcast-Event-Type");
    assertThat(api.getInfo().getDescription()).contains("t=<unix seconds>,v1=").contains("HMAC-SHA256");
    assertThat(api.getExtensions()).containsKey("x-webhooks");
  }

  @Test
  void everyPathParameterIsDeclaredAndValidated() {
    for (Op op : operations) {
      Map<String, Parameter> params = parameters(op);
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{(\\w+)}").matcher(op.path());
      while (m.find()) {
        Parameter p = params.get("path:" + m.group(1));
        assertThat(p).as(op.name() + " " + m.group(1)).isNotNull();
        assertThat(schema(p.getSchema()).getPattern()).as(op.name()).isEqualTo("^[A-Za-z0-9_-]{1,64}$");
      }
    }
  }

  // ---- helpers: follow local $refs regardless of how far the parser resolved them

  private static Op operation(String id) {
    return operations.stream()
        .filter(op -> id.equals(op.operation().getOperationId()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no operation " + id));
  }

  private static Map<String, Parameter> parameters(Op op) {
    Map<String, Parameter> out = new LinkedHashMap<>();
    List<Parameter> all = new ArrayList<>();
    if (op.item().getParameters() != null) {
      all.addAll(op.item().getParameters());
    }
    if (op.operation().getParameters() != null) {
      all.addAll(op.operation().getParameters());
    }
    for (Parameter p : all) {
      Parameter r = resolve(p);
      out.put(r.getIn() + ":" + r.getName(), r);
    }
    return out;
  }

  private static Parameter resolve(Parameter p) {
    return p.get$ref() == null ? p : api.getComponents().getParameters().get(simpleName(p.get$ref()));
  }

  private static Map<String, ApiResponse> responses(Op op) {
    Map<String, ApiResponse> out = new LinkedHashMap<>();
    op.operation()
        .getResponses()
        .forEach(
            (status, r) ->
                out.put(status, r.get$ref() == null ? r : api.getComponents().getResponses().get(simpleName(r.get$ref()))));
    out.values()
        .forEach(
            r -> {
              if (r.getHeaders() != null) {
                r.getHeaders().replaceAll((name, h) -> resolve(h));
              }
            });
    return out;
  }

  private static ApiResponse response(Op op, String status) {
    return responses(op).get(status);
  }

  private static Header resolve(Header h) {
    return h.get$ref() == null ? h : api.getComponents().getHeaders().get(simpleName(h.get$ref()));
  }

  private static Schema<?> requestSchema(Op op) {
    return op.operation().getRequestBody().getContent().values().iterator().next().getSchema();
  }

  private static Optional<Schema<?>> pageSchema(Op op) {
    ApiResponse ok = responses(op).get("200");
    if (ok == null || ok.getContent() == null || ok.getContent().get("application/json") == null) {
      return Optional.empty();
    }
    Schema<?> s = ok.getContent().get("application/json").getSchema();
    return s.get$ref() != null && s.get$ref().endsWith("Page") ? Optional.of(schema(s)) : Optional.empty();
  }

  private static Schema<?> component(String name) {
    Schema<?> s = api.getComponents().getSchemas().get(name);
    assertThat(s).as("schema " + name).isNotNull();
    return s;
  }

  private static Schema<?> schema(Schema<?> s) {
    Schema<?> current = s;
    while (current.get$ref() != null) {
      current = component(simpleName(current.get$ref()));
    }
    return current;
  }

  private static Schema<?> property(Schema<?> s, String name) {
    Schema<?> p = schema(s).getProperties().get(name);
    assertThat(p).as("property " + name).isNotNull();
    return schema(p);
  }

  private static String simpleName(String ref) {
    return ref.substring(ref.lastIndexOf('/') + 1);
  }
}
