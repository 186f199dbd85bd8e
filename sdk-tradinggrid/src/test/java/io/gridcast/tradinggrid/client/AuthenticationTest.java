package io.gridcast.tradinggrid.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridcast.core.Secret;
import io.gridcast.core.errors.ForbiddenException;
import io.gridcast.core.errors.OAuthException;
import io.gridcast.testkit.TradingGridDemoData;
import io.gridcast.testkit.TradingGridSandbox;
import io.gridcast.tradinggrid.TradingGridClient;
import io.gridcast.tradinggrid.model.Partner;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How the client authenticates against a tenant: the client-credentials and password grants, a
 * revoked token, and tenants or communities it has no access to. Every API exchange is validated
 * against the contract.
 */
class AuthenticationTest {

  private static final String PASSWORD_TENANT = "nordhavn-retail";
  private static final String PASSWORD_COMMUNITY = "c_nordhavn_suppliers";
  private static final String PASSWORD_CLIENT = "nordhavn-integration";
  private static final String PASSWORD_CLIENT_SECRET = "nordhavn-secret-77a1";
  private static final String USER = "edi-bot@nordhavn.example";
  private static final String USER_PASSWORD = "nordhavn-password-2026";

  private static TradingGridSandbox sandbox;
  private ContractValidatingInterceptor validator;

  @BeforeAll
  static void start() {
    sandbox = TradingGridSandbox.builder()
        .tenant(PASSWORD_TENANT, PASSWORD_CLIENT, PASSWORD_CLIENT_SECRET)
        .user(PASSWORD_TENANT, USER, USER_PASSWORD)
        .passwordGrantOnly(PASSWORD_TENANT)
        .community(PASSWORD_TENANT, PASSWORD_COMMUNITY, "Nordhavn supplier community")
        .start();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @BeforeEach
  void newValidator() {
    validator = new ContractValidatingInterceptor(TradingGridSandbox.API_PATH);
  }

  @AfterEach
  void everyExchangeFollowedTheContract() {
    assertThat(validator.violations()).isEmpty();
  }

  private TradingGridClient.Builder client(String tenant, String community) {
    return TradingGridClient.builder().baseUrl(sandbox.baseUrl().toString()).tenant(tenant).community(community)
        .addInterceptor(validator);
  }

  @Test
  void authenticatesWithClientCredentialsAtTheTenantsTokenEndpoint() {
    try (TradingGridClient tg = client(TradingGridSandbox.DEFAULT_TENANT_ID, TradingGridSandbox.DEFAULT_COMMUNITY_ID)
        .clientCredentials(TradingGridSandbox.DEFAULT_CLIENT_ID, Secret.of(TradingGridSandbox.DEFAULT_CLIENT_SECRET))
        .build()) {
      assertThat(tg.partners().get(TradingGridDemoData.PARTNER_DUNMORE).name()).isEqualTo("Dunmore Logistics");
    }
  }

  @Test
  void authenticatesWithThePasswordGrantWhereTheTenantRequiresIt() {
    try (TradingGridClient tg = client(PASSWORD_TENANT, PASSWORD_COMMUNITY)
        .password(PASSWORD_CLIENT, Secret.of(PASSWORD_CLIENT_SECRET), USER, Secret.of(USER_PASSWORD))
        .build()) {
      assertThat(tg.communities().current().name()).isEqualTo("Nordhavn supplier community");
      assertThat(tg.partners().list().stream().map(Partner::id)).isEmpty();
    }
  }

  @Test
  void aTenantThatRequiresThePasswordGrantRefusesClientCredentials() {
    try (TradingGridClient tg = client(PASSWORD_TENANT, PASSWORD_COMMUNITY)
        .clientCredentials(PASSWORD_CLIENT, Secret.of(PASSWORD_CLIENT_SECRET))
        .build()) {
      assertThatThrownBy(() -> tg.communities().current())
          .isInstanceOfSatisfying(OAuthException.class, e -> assertThat(e.oauthError()).contains("unauthorized_client"))
          .hasMessageContaining("/tenants/" + PASSWORD_TENANT + "/oauth2/token");
      assertThat(validator.exchanges()).isEmpty();
    }
  }

  @Test
  void aWrongPasswordIsAnInvalidGrant() {
    try (TradingGridClient tg = client(PASSWORD_TENANT, PASSWORD_COMMUNITY)
        .password(PASSWORD_CLIENT, Secret.of(PASSWORD_CLIENT_SECRET), USER, Secret.of("not-the-password"))
        .build()) {
      assertThatThrownBy(() -> tg.communities().current())
          .isInstanceOfSatisfying(OAuthException.class, e -> assertThat(e.isInvalidGrant()).isTrue())
          .hasMessageNotContaining("not-the-password");
    }
  }

  @Test
  void anUnknownTenantIsRefusedByItsTokenEndpoint() {
    try (TradingGridClient tg = client("no-such-tenant", TradingGridSandbox.DEFAULT_COMMUNITY_ID)
        .clientCredentials(TradingGridSandbox.DEFAULT_CLIENT_ID, Secret.of(TradingGridSandbox.DEFAULT_CLIENT_SECRET))
        .build()) {
      assertThatThrownBy(() -> tg.communities().current())
          .isInstanceOfSatisfying(OAuthException.class, e -> assertThat(e.isInvalidClient()).isTrue())
          .hasMessageContaining("tenant no-such-tenant is unknown")
          .hasMessageNotContaining(TradingGridSandbox.DEFAULT_CLIENT_SECRET);
    }
  }

  @Test
  void aMissingTenantFailsFastSayingHowToSetIt() {
    TradingGridClient.Builder noTenant = TradingGridClient.builder()
        .baseUrl(sandbox.baseUrl().toString())
        .community(TradingGridSandbox.DEFAULT_COMMUNITY_ID)
        .clientCredentials(TradingGridSandbox.DEFAULT_CLIENT_ID, Secret.of(TradingGridSandbox.DEFAULT_CLIENT_SECRET));

    assertThatThrownBy(noTenant::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Trading Grid tenant is missing: set TRADINGGRID_TENANT or call tenant(...)");
    assertThatThrownBy(() -> TradingGridClient.builder().tenant(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("set TRADINGGRID_TENANT or call tenant(...)");
    assertThatThrownBy(() -> TradingGridClient.builder().fromEnvironment(Map.of(
            "TRADINGGRID_BASE_URL", sandbox.baseUrl().toString(),
            "TRADINGGRID_COMMUNITY", TradingGridSandbox.DEFAULT_COMMUNITY_ID,
            "TRADINGGRID_CLIENT_ID", TradingGridSandbox.DEFAULT_CLIENT_ID,
            "TRADINGGRID_CLIENT_SECRET", TradingGridSandbox.DEFAULT_CLIENT_SECRET)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("TRADINGGRID_TENANT");
  }

  @Test
  void aCommunityOfAnotherTenantIsForbidden() {
    try (TradingGridClient tg = client(TradingGridSandbox.DEFAULT_TENANT_ID, PASSWORD_COMMUNITY)
        .clientCredentials(TradingGridSandbox.DEFAULT_CLIENT_ID, Secret.of(TradingGridSandbox.DEFAULT_CLIENT_SECRET))
        .build()) {
      assertThatThrownBy(() -> tg.partners().list().stream().count())
          .isInstanceOf(ForbiddenException.class)
          .hasMessageContaining("[forbidden]")
          .hasMessageContaining("no access to community " + PASSWORD_COMMUNITY);
    }
  }

  @Test
  void aRevokedTokenIsReplacedOnceAndTheCallSucceeds() {
    try (TradingGridClient tg = client(TradingGridSandbox.DEFAULT_TENANT_ID, TradingGridSandbox.DEFAULT_COMMUNITY_ID)
        .clientCredentials(TradingGridSandbox.DEFAULT_CLIENT_ID, Secret.of(TradingGridSandbox.DEFAULT_CLIENT_SECRET))
        .build()) {
      tg.communities().current();
      sandbox.revokeAccessTokens();

      assertThat(tg.communities().current().id()).isEqualTo(TradingGridSandbox.DEFAULT_COMMUNITY_ID);
      assertThat(validator.exchanges()).containsExactly(
          "GET /communities/" + TradingGridSandbox.DEFAULT_COMMUNITY_ID + " 200",
          "GET /communities/" + TradingGridSandbox.DEFAULT_COMMUNITY_ID + " 401",
          "GET /communities/" + TradingGridSandbox.DEFAULT_COMMUNITY_ID + " 200");
    }
  }
}
