package io.gridcast.tradinggrid.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridcast.core.Secret;
import io.gridcast.testkit.TradingGridSandbox;
import io.gridcast.tradinggrid.TradingGridClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * What every client test against the in-process sandbox shares: one sandbox per test class,
 * reset to the demo community before each test, and a client whose every request and response
 * is validated against the contract. After each test no violation may have been recorded.
 */
abstract class SandboxClientTest {

  /** Small enough that the demo data spans several pages, so paging is always exercised. */
  static final int PAGE_SIZE = 5;

  static TradingGridSandbox sandbox;

  ContractValidatingInterceptor validator;
  TradingGridClient tg;

  @BeforeAll
  static void startSandbox() {
    sandbox = TradingGridSandbox.builder().start();
  }

  @AfterAll
  static void stopSandbox() {
    sandbox.close();
  }

  @BeforeEach
  void connect() {
    sandbox.reset();
    validator = new ContractValidatingInterceptor(TradingGridSandbox.API_PATH);
    tg = clientBuilder(validator).build();
  }

  @AfterEach
  void everyExchangeFollowedTheContract() {
    tg.close();
    assertThat(validator.violations()).as("contract violations in %s", validator.exchanges()).isEmpty();
  }

  /** A client of the shared sandbox with pages of {@link #PAGE_SIZE}, validated by {@code validator}. */
  static TradingGridClient.Builder clientBuilder(ContractValidatingInterceptor validator) {
    return clientBuilderFor(sandbox, validator).pageSize(PAGE_SIZE);
  }

  /** A client of {@code sandbox}'s demo community with the demo client credentials, validated by {@code validator}. */
  static TradingGridClient.Builder clientBuilderFor(TradingGridSandbox sandbox, ContractValidatingInterceptor validator) {
    return TradingGridClient.builder()
        .baseUrl(sandbox.baseUrl().toString())
        .tenant(TradingGridSandbox.DEFAULT_TENANT_ID)
        .community(TradingGridSandbox.DEFAULT_COMMUNITY_ID)
        .clientCredentials(TradingGridSandbox.DEFAULT_CLIENT_ID, Secret.of(TradingGridSandbox.DEFAULT_CLIENT_SECRET))
        .addInterceptor(validator);
  }

  /** How many requests the client sent to {@code METHOD pathSuffix} so far. */
  long requestsTo(String method, String pathSuffix) {
    return validator.exchanges().stream()
        .filter(e -> e.startsWith(method + " ") && e.substring(0, e.lastIndexOf(' ')).endsWith(pathSuffix))
        .count();
  }
}
