package io.gridcast.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TradingGridSandboxAuthTest {

  private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-20T10:00:00Z"));
  private static TradingGridSandbox sandbox;

  @BeforeAll
  static void start() {
    sandbox = TradingGridSandbox.builder()
        .clock(CLOCK)
        .tokenLifetime(Duration.ofMinutes(5))
        .tenant("globex", "globex-client", "globex-secret-123")
        .community("globex", "c_globex_stores", "Globex Stores")
        .tenant("initech", "initech-client", "initech-secret-456")
        .user("initech", "ops@initech.example", "tps-report-2026")
        .passwordGrantOnly("initech")
        .start();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  private static String communities() {
    return sandbox.baseUrl() + "communities";
  }

  @Test
  void issuesATokenPerTenantThatWorksOnlyInThatTenantsCommunities() {
    String demo = TgTestClient.requestToken(sandbox, TradingGridSandbox.DEFAULT_TENANT_ID, TradingGridSandbox.DEFAULT_CLIENT_ID,
        TradingGridSandbox.DEFAULT_CLIENT_SECRET);
    Http.Reply globexToken = Http.form(sandbox.tokenUrl("globex").toString(), null,
        "grant_type=client_credentials&client_id=globex-client&client_secret=globex-secret-123");

    assertThat(globexToken.status()).isEqualTo(200);
    assertThat(globexToken.header("Cache-Control")).isEqualTo("no-store");
    assertThat(globexToken.json().path("token_type").asText()).isEqualTo("Bearer");
    assertThat(globexToken.json().path("expires_in").asInt()).isEqualTo(300);
    String globex = globexToken.json().path("access_token").asText();

    assertThat(Http.get(communities(), demo).json().at("/items/0/id").asText()).isEqualTo(TradingGridSandbox.DEFAULT_COMMUNITY_ID);
    assertThat(Http.get(communities(), globex).json().at("/items/0/id").asText()).isEqualTo("c_globex_stores");
    assertThat(Http.get(communities(), globex).json().path("items")).hasSize(1);
    Http.Reply foreign = Http.get(communities() + "/" + TradingGridSandbox.DEFAULT_COMMUNITY_ID + "/partners", globex);
    assertThat(foreign.status()).isEqualTo(403);
    assertThat(foreign.json().at("/error/code").asText()).isEqualTo("forbidden");
    assertThat(Http.get(communities() + "/c_globex_stores/partners", globex).status()).isEqualTo(200);
  }

  @Test
  void passwordGrantIssuesATokenForAKnownUser() {
    Http.Reply ok = Http.form(sandbox.tokenUrl("initech").toString(), "initech-client:initech-secret-456",
        "grant_type=password&username=ops%40initech.example&password=tps-report-2026");
    Http.Reply wrongPassword = Http.form(sandbox.tokenUrl("initech").toString(), "initech-client:initech-secret-456",
        "grant_type=password&username=ops%40initech.example&password=guess");
    Http.Reply clientCredentials = Http.form(sandbox.tokenUrl("initech").toString(), "initech-client:initech-secret-456",
        "grant_type=client_credentials");

    assertThat(ok.status()).isEqualTo(200);
    assertThat(Http.get(communities(), ok.json().path("access_token").asText()).status()).isEqualTo(200);
    assertThat(wrongPassword.status()).isEqualTo(400);
    assertThat(wrongPassword.json().path("error").asText()).isEqualTo("invalid_grant");
    assertThat(clientCredentials.status()).isEqualTo(400);
    assertThat(clientCredentials.json().path("error").asText()).isEqualTo("unauthorized_client");
  }

  @Test
  void badClientCredentialsGet401InvalidClientWithTheBasicChallenge() {
    Http.Reply reply = Http.form(sandbox.tokenUrl().toString(), TradingGridSandbox.DEFAULT_CLIENT_ID + ":wrong-secret",
        "grant_type=client_credentials");

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.json().path("error").asText()).isEqualTo("invalid_client");
    assertThat(reply.header("WWW-Authenticate")).startsWith("Basic");
    assertThat(reply.header("X-Request-Id")).isNotBlank();
  }

  @Test
  void anotherTenantsClientCannotGetATokenHere() {
    Http.Reply reply = Http.form(sandbox.tokenUrl().toString(), "globex-client:globex-secret-123", "grant_type=client_credentials");

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.json().path("error").asText()).isEqualTo("invalid_client");
  }

  @Test
  void anUnknownTenantGets401InvalidClient() {
    Http.Reply reply = Http.form(sandbox.tokenUrl("no-such-tenant").toString(), "x:y", "grant_type=client_credentials");

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.json().path("error").asText()).isEqualTo("invalid_client");
    assertThat(reply.json().path("error_description").asText()).contains("no-such-tenant");
  }

  @Test
  void unsupportedGrantTypeAndUnknownScopeAre400() {
    Http.Reply grant = Http.form(sandbox.tokenUrl().toString(), TradingGridSandbox.DEFAULT_CLIENT_ID + ":"
        + TradingGridSandbox.DEFAULT_CLIENT_SECRET, "grant_type=authorization_code");
    Http.Reply scope = Http.form(sandbox.tokenUrl().toString(), TradingGridSandbox.DEFAULT_CLIENT_ID + ":"
        + TradingGridSandbox.DEFAULT_CLIENT_SECRET, "grant_type=client_credentials&scope=admin");

    assertThat(grant.json().path("error").asText()).isEqualTo("unsupported_grant_type");
    assertThat(scope.json().path("error").asText()).isEqualTo("invalid_scope");
  }

  @Test
  void callsWithoutATokenGet401WithTheContractsErrorBody() {
    Http.Reply reply = Http.get(communities(), null);

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.json().at("/error/code").asText()).isEqualTo("unauthorized");
    assertThat(reply.json().at("/error/requestId").asText()).isEqualTo(reply.header("X-Request-Id"));
    assertThat(reply.header("WWW-Authenticate")).contains("invalid_token");
  }

  @Test
  void theServerEchoesTheCallersRequestId() {
    Http.Reply reply = Http.send(Http.request(communities(), sandbox.accessToken()).header("X-Request-Id", "trace-42").GET().build());

    assertThat(reply.header("X-Request-Id")).isEqualTo("trace-42");
  }

  @Test
  void tokensExpireAfterTheirLifetime() {
    String token = sandbox.accessToken();
    assertThat(Http.get(communities(), token).status()).isEqualTo(200);

    CLOCK.advance(Duration.ofMinutes(6));
    Http.Reply reply = Http.get(communities(), token);

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.json().at("/error/message").asText()).contains("expired");
  }

  @Test
  void revokedTokensGet401() {
    String token = sandbox.accessToken();
    sandbox.revokeAccessTokens();

    assertThat(Http.get(communities(), token).status()).isEqualTo(401);
  }

  @Test
  void aReadOnlyTokenCannotWrite() {
    Http.Reply tokenReply = Http.form(sandbox.tokenUrl().toString(), TradingGridSandbox.DEFAULT_CLIENT_ID + ":"
        + TradingGridSandbox.DEFAULT_CLIENT_SECRET, "grant_type=client_credentials&scope=community.read");
    String token = tokenReply.json().path("access_token").asText();

    Http.Reply write = Http.send(Http.request(communities() + "/" + TradingGridSandbox.DEFAULT_COMMUNITY_ID + "/threads", token)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"Hi\"}")).build());

    assertThat(tokenReply.json().path("scope").asText()).isEqualTo("community.read");
    assertThat(write.status()).isEqualTo(403);
  }
}
