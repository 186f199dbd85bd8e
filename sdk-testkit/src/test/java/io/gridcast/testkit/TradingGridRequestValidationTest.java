package io.gridcast.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Trading Grid sandbox judges requests by the contract's OpenAPI document alone: a body that
 * breaks its request schema gets {@code 422 validation_failed}, a query parameter that breaks its
 * schema {@code 400 invalid_request}, each in the contract's error body and naming the field; the
 * document's defaults fill a create; and the document, not the sandbox, declares every list filter.
 */
class TradingGridRequestValidationTest {

  private static TradingGridSandbox sandbox;
  private static TgTestClient tg;

  @BeforeAll
  static void start() {
    sandbox = TradingGridSandbox.builder().start();
    tg = new TgTestClient(sandbox);
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  private static Map<String, Object> audience() {
    return Map.of("groupIds", List.of(TradingGridDemoData.GROUP_EMEA), "partnerIds", List.of());
  }

  private static void assertRefused(Http.Reply reply, int status, String code, String message) {
    assertThat(reply.status()).as(reply.text()).isEqualTo(status);
    JsonNode error = reply.json().path("error");
    assertThat(error.path("code").asText()).isEqualTo(code);
    assertThat(error.path("message").asText()).isEqualTo(message);
    assertThat(error.path("requestId").asText()).isEqualTo(reply.header("X-Request-Id"));
  }

  @Test
  void aBodyThatBreaksTheRequestSchemaIsRefusedNamingTheField() {
    assertRefused(tg.post("posts", Map.of("kind", "announcement", "body", "", "audience", audience())),
        422, "validation_failed", "title: is required");
    assertRefused(tg.post("posts", Map.of("kind", "announcement", "title", "  ", "body", "", "audience", audience())),
        422, "validation_failed", "title: must not be blank");
    assertRefused(tg.post("posts", Map.of("kind", "podcast", "title", "T", "body", "", "audience", audience())),
        422, "validation_failed", "kind: must be one of announcement, training, audio_update, report, service_notice");
    assertRefused(tg.post("posts", Map.of("kind", "announcement", "title", "T", "body", "", "audience", audience(),
            "links", List.of(Map.of("rel", "listen", "url", "open.spotify.com/episode/1")))),
        422, "validation_failed", "links[0].url: must be an absolute URI");
    assertRefused(tg.post("posts", Map.of("kind", "announcement", "title", "T", "body", "",
            "audience", Map.of("groupIds", List.of("g emea"), "partnerIds", List.of()))),
        422, "validation_failed", "audience.groupIds[0]: must match ^[A-Za-z0-9_-]{1,64}$");
    assertRefused(tg.post("partners", Map.of("accountId", "A-1", "name", "N", "region", "EMEA",
            "groupIds", List.of(TradingGridDemoData.GROUP_EMEA, TradingGridDemoData.GROUP_EMEA))),
        422, "validation_failed", "groupIds: items must be unique, \"" + TradingGridDemoData.GROUP_EMEA + "\" repeats");
    assertRefused(tg.post("sites", Map.of("name", "Store 1", "region", "EMEA", "timezone", "Europe/Amsterdam", "rolloutDate", "2026-02-30")),
        422, "validation_failed", "rolloutDate: must be a date (YYYY-MM-DD)");
    assertRefused(tg.post("threads", "[\"not\", \"an\", \"object\"]"), 422, "validation_failed", "body: must be a JSON object");
  }

  @Test
  void aCreateTakesTheDocumentsDefaultsAndDropsWhatItDoesNotDeclare() {
    JsonNode post = tg.post("posts", Map.of("kind", "announcement", "title", "Defaults", "body", "", "audience", audience(),
        "colour", "blue")).json();
    JsonNode issue = tg.post("issues", Map.of("type", "support", "title", "Defaults", "description", "")).json();
    JsonNode partner = tg.post("partners", Map.of("accountId", "A-2", "name", "Defaults Ltd", "region", "NA")).json();

    assertThat(post.path("links")).isEmpty();
    assertThat(post.path("attachments")).isEmpty();
    assertThat(post.path("tags")).isEmpty();
    assertThat(post.path("metadata").isObject()).isTrue();
    assertThat(post.has("colour")).isFalse();
    assertThat(issue.path("severity").asText()).isEqualTo("medium");
    assertThat(issue.path("correctiveActions")).isEmpty();
    assertThat(partner.path("onboardingStage").asText()).isEqualTo("invited");
    assertThat(partner.path("groupIds")).isEmpty();
  }

  @Test
  void anUpdateChecksOnlyWhatItSends() {
    String path = "partner-groups/" + tg.post("partner-groups", Map.of("name", "Updates")).json().path("id").asText();

    assertRefused(tg.patch(path, "1", Map.of("name", "")), 422, "validation_failed", "name: must not be blank");
    assertRefused(tg.patch(path, "1", "{\"description\":null}"), 422, "validation_failed",
        "description: must not be null (leave it out to keep the current value)");
    assertRefused(tg.patch(path, "1", Map.of("externalRef", "crm:1")), 422, "validation_failed", "externalRef: cannot be changed");
    assertRefused(tg.patch(path, "1", Map.of("colour", "blue")), 422, "validation_failed",
        "the update changes nothing: send at least one of [name, description]");
    Http.Reply ok = tg.patch(path, "1", Map.of("description", "Only this"));
    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.json().path("name").asText()).isEqualTo("Updates");
    assertThat(ok.json().path("description").asText()).isEqualTo("Only this");
  }

  @Test
  void queryAndHeaderParametersAreCheckedAgainstTheirSchemas() {
    assertRefused(tg.get("partners?limit=0"), 400, "invalid_request", "limit: must be between 1 and 100");
    assertRefused(tg.get("partners?limit=ten"), 400, "invalid_request", "limit: must be an integer");
    assertRefused(tg.get("partners?onboardingStage=gold"), 400, "invalid_request",
        "onboardingStage: must be one of invited, onboarding, certified, active, suspended");
    assertRefused(tg.get("partners?region=%20"), 400, "invalid_request", "region: must not be blank");
    assertRefused(tg.get("issues?updatedSince=yesterday"), 400, "invalid_request",
        "updatedSince: must be an RFC 3339 date-time such as 2026-05-04T09:15:00Z");
    assertRefused(tg.get("events?type=issue.resolved,issue.reopened"), 400, "invalid_request",
        "type[1]: must be one of " + String.join(", ", TgKinds.EVENT_TYPES));
    assertRefused(tg.post("threads", Map.of("title", "Key"), "key with spaces"), 400, "invalid_request",
        "Idempotency-Key: must match ^[\\x21-\\x7E]+$");
    assertThat(tg.get("partners").json().path("items")).as("the document's default limit").hasSize(25);
    assertThat(tg.get("events?type=issue.resolved&type=post.created").status()).isEqualTo(200);
  }

  @Test
  void anUploadsFormFieldsAreCheckedAgainstTheDocumentUploadSchema() {
    byte[] csv = "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8);

    assertRefused(tg.upload("plays.csv", "csv", csv, null, null), 422, "validation_failed",
        "contentType: must match ^[\\w.+-]+/[\\w.+-]+(\\s*;.*)?$");
    assertRefused(tg.upload("plays.csv", "text/csv", csv, "", null), 422, "validation_failed",
        "externalRef: must not be blank");
    assertThat(tg.upload("plays.csv", "text/csv", csv, "report:42", null).status()).isEqualTo(201);
  }

  @Test
  void theDocumentDeclaresEveryListFilterTheSandboxApplies() {
    Map<String, TgKind> lists = listOperations();
    TgContract contract = TgContract.get();

    Map<String, Set<String>> applied = new TreeMap<>();
    Map<String, Set<String>> declared = new TreeMap<>();
    lists.forEach((operation, kind) -> {
      applied.put(operation, new TreeSet<>(kind.filters.keySet()));
      Set<String> parameters = new TreeSet<>(contract.queryParameterNames(operation));
      parameters.removeAll(Set.of("limit", "cursor"));
      declared.put(operation, parameters);
    });

    assertThat(lists).hasSizeGreaterThan(15);
    assertThat(applied).isEqualTo(declared);
    assertThat(contract.queryParameterNames("listEvents")).containsExactly("limit", "cursor", "type");
  }

  @Test
  void everyKindCreatesAndUpdatesThroughARequestBodyOfTheDocument() {
    for (TgKind kind : TgKinds.BY_COLLECTION.values()) {
      if (kind != TgKinds.DOCUMENTS) { // uploaded as multipart/form-data, checked by the uploadDocument body
        assertThat(kind.createSchema).as(kind.collection).isNotNull();
      }
    }
    assertThat(TgKinds.PARTNERS.updateSchema.names()).containsExactly("name", "region", "onboardingStage", "groupIds", "contactEmail");
    assertThat(TgContract.get().operationsWithBodies()).hasSize(28);
  }

  @Test
  void aSchemaKeywordTheSandboxDoesNotUnderstandStopsItFromStarting() throws Exception {
    JsonNode document = new ObjectMapper(new YAMLFactory()).readTree("""
        openapi: 3.0.3
        info: {title: t, version: '1'}
        paths:
          /things:
            post:
              operationId: createThing
              requestBody:
                content:
                  application/json:
                    schema:
                      oneOf:
                        - {type: string}
                        - {type: integer}
              responses:
                '201': {description: created}
        """);

    assertThatThrownBy(() -> TgContract.compile(document))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("does not understand the schema keyword oneOf");
  }

  private static Map<String, TgKind> listOperations() {
    TgApi api = new TgApi(null, new TgTokens(Map.of(), Clock.systemUTC(), Duration.ofHours(1)), null, null, 0, true);
    api.routes();
    return api.listOperations();
  }
}
