package io.gridcast.tradinggrid.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.gridcast.core.GridcastStyle;
import io.gridcast.core.Secret;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The body that registers a webhook ({@code createWebhook}).
 *
 * <p>The {@link #secret()} is sent to the platform but never printed: {@code toString()} shows it
 * redacted. Verify deliveries with {@code WebhookVerifier} and the same secret.
 */
@Value.Immutable
@GridcastStyle
@JsonSerialize(as = WebhookCreate.class)
@JsonDeserialize(as = WebhookCreate.class)
abstract class AbstractWebhookCreate {

  /** The HTTPS endpoint to deliver to. */
  public abstract String url();

  /** The event types to deliver (at least one). */
  public abstract List<EventType> eventTypes();

  /** The HMAC-SHA256 signing key, at least 16 characters. */
  @JsonSerialize(using = SecretJson.Serializer.class)
  @JsonDeserialize(using = SecretJson.Deserializer.class)
  public abstract Secret secret();

  /** A description. */
  public abstract Optional<String> description();

  /** The caller's own reference, e.g. {@code spotify:episode:…}; lists can filter on it. */
  public abstract Optional<String> externalRef();

  @Value.Check
  void check() {
    if (eventTypes().isEmpty()) {
      throw new IllegalArgumentException(
          "eventTypes is empty: subscribe to at least one event type");
    }
    eventTypes().forEach(t -> Checks.known(t, "eventTypes"));
    if (secret().reveal().length() < 16) {
      throw new IllegalArgumentException("secret is too short: use at least 16 characters");
    }
  }
}
