package io.gridcast.bridge.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridcast.core.errors.BadRequestException;
import io.gridcast.core.errors.ConflictException;
import io.gridcast.core.errors.ErrorDetails;
import io.gridcast.core.errors.NotFoundException;
import io.gridcast.core.errors.ServerException;
import io.gridcast.core.errors.TransportException;
import io.gridcast.spotify.feed.ReleaseTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FailurePolicyTest {

  private static final String URL = "https://api.example/v1/things";

  @Test
  void theDefaultsStopTheRunForAPlatformThatIsDownAndFailOnlyTheItemForItsOwnFaults() {
    FailurePolicy defaults = FailurePolicy.defaults();

    assertThat(defaults.isSystemic(new ServerException(503, "POST", URL, ErrorDetails.none()))).isTrue();
    assertThat(defaults.isSystemic(new TransportException("connection reset", null))).isTrue();
    assertThat(defaults.isSystemic(new BadRequestException(400, "POST", URL, ErrorDetails.of("invalid", "bad", null)))).isFalse();
    assertThat(defaults.isSystemic(new NotFoundException(404, "GET", URL, ErrorDetails.none()))).isFalse();
    assertThat(defaults.isSystemic(new ConflictException(409, "POST", URL,
        ErrorDetails.of("idempotency_key_in_use", "in use", null)))).isTrue();
    assertThat(defaults.isSystemic(new IllegalArgumentException("episode has no release notes"))).isFalse();
    assertThat(defaults.isSystemic(new ReleaseTimeoutException("show", "guid", 3, Duration.ofMinutes(15))))
        .as("a GridcastException the flow did not declare").isTrue();
  }

  @Test
  void aFlowsOwnRulesComeFirstInTheOrderAdded() {
    FailurePolicy policy = FailurePolicy.defaults()
        .perItem(ReleaseTimeoutException.class)
        .systemic(IllegalStateException.class)
        .perItem(RuntimeException.class);

    assertThat(policy.isSystemic(new ReleaseTimeoutException("show", "guid", 3, Duration.ofMinutes(15)))).isFalse();
    assertThat(policy.isSystemic(new IllegalStateException("the feed folder is read-only"))).isTrue();
    assertThat(policy.isSystemic(new ServerException(503, "POST", URL, ErrorDetails.none())))
        .as("caught by the last rule, before the defaults").isFalse();
    assertThat(policy).hasToString(
        "FailurePolicy[perItem ReleaseTimeoutException, systemic IllegalStateException, perItem RuntimeException, defaults]");
    assertThat(FailurePolicy.defaults()).hasToString("FailurePolicy[defaults]");
  }

  @Test
  void aRuleForNoTypeIsRefused() {
    assertThatThrownBy(() -> FailurePolicy.defaults().perItem(null)).isInstanceOf(NullPointerException.class).hasMessage("type");
  }
}
