package io.gridcast.tradinggrid.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridcast.core.Secret;
import io.gridcast.testkit.TradingGridDemoData;
import io.gridcast.tradinggrid.ListQuery;
import io.gridcast.tradinggrid.TradingGridClient;
import io.gridcast.tradinggrid.model.PostUpdate;
import org.junit.jupiter.api.Test;

/**
 * Input the client refuses before anything is sent, each with a message that says what to fix.
 * (Oversized uploads and wrong content types: {@link DocumentsTest}; a stale version: the update
 * tests; a missing tenant: {@link AuthenticationTest}; webhook signatures:
 * {@link EventsAndWebhooksTest}.)
 */
class BadInputTest extends SandboxClientTest {

  @Test
  void anIdThatWouldEscapeThePathIsRefused() {
    assertThatThrownBy(() -> tg.posts().get("../partners"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("post id must be 1-64 characters of A-Z a-z 0-9 _ -, was: ../partners");
    assertThat(validator.exchanges()).isEmpty();
  }

  @Test
  void idsAreCheckedForEveryResourceAndNamed() {
    assertThatThrownBy(() -> tg.issues().comment("i 1", null, null)).hasMessageStartingWith("issue id must be");
    assertThatThrownBy(() -> tg.threads().messages("", null)).hasMessageStartingWith("thread id must be");
    assertThatThrownBy(() -> tg.approvals().audit("ap/1")).hasMessageStartingWith("approval id must be");
    assertThatThrownBy(() -> tg.documents().download("d?x=1")).hasMessageStartingWith("document id must be");
    assertThatThrownBy(() -> tg.webhooks().delete(null)).hasMessage("webhook id must be 1-64 characters of A-Z a-z 0-9 _ -, was: null");
    assertThatThrownBy(() -> tg.partners().inGroup("g%2F..")).hasMessageStartingWith("group id must be");
    assertThatThrownBy(() -> tg.communities().get("c".repeat(65)))
        .hasMessageStartingWith("community id must be")
        .hasMessageEndingWith("… (25 more characters)");
    assertThat(validator.exchanges()).isEmpty();
  }

  @Test
  void aVersionThatNoResourceHasIsRefused() {
    assertThatThrownBy(() -> tg.posts().update(TradingGridDemoData.POST_WELCOME, PostUpdate.builder().title("t").build(), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("version must be >= 1 (take it from the resource you read), was 0");
    assertThat(validator.exchanges()).isEmpty();
  }

  @Test
  void anIdempotencyKeyWithSpacesOrControlCharactersIsRefused() {
    assertThatThrownBy(() -> tg.partnerGroups().create(
            io.gridcast.tradinggrid.model.PartnerGroupCreate.builder().name("x").build(), "my key"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("idempotency key must be 1-255 visible ASCII characters without spaces");
    assertThat(validator.exchanges()).isEmpty();
  }

  @Test
  void aFilterTheListDoesNotAcceptIsRefusedListingTheOnesItDoes() {
    assertThatThrownBy(() -> tg.posts().list(ListQuery.create().with("region", "EMEA")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("listPosts does not filter by region; it accepts [")
        .hasMessageContaining("kind");
    assertThatThrownBy(() -> tg.partners().findByExternalRef(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("externalRef is missing: pass the reference the resource was created with");
    assertThatThrownBy(() -> tg.threads().findByExternalRef(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("externalRef is missing");
    assertThat(validator.exchanges()).isEmpty();
  }

  @Test
  void aPlainHttpBaseUrlOutsideLoopbackIsRefused() {
    assertThatThrownBy(() -> TradingGridClient.builder().baseUrl("http://gateway.example.com/activecommunity/v1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("baseUrl must use https");
  }

  @Test
  void aPageSizeOutsideTheContractsRangeIsRefused() {
    assertThatThrownBy(() -> TradingGridClient.builder().pageSize(101))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("pageSize must be between 1 and 100, was 101");
  }

  @Test
  void missingCredentialsAreNamed() {
    assertThatThrownBy(() -> TradingGridClient.builder().baseUrl(sandbox.baseUrl().toString())
            .tenant("t").community("c").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Trading Grid credentials are missing: call clientCredentials(...)");
    assertThatThrownBy(() -> TradingGridClient.builder().clientCredentials("id", Secret.of("s")).build())
        .hasMessage("Trading Grid base URL is missing: set TRADINGGRID_BASE_URL or call baseUrl(...)");
  }
}
