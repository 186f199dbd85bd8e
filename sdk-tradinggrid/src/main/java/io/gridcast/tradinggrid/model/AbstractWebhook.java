package io.gridcast.tradinggrid.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.gridcast.core.GridcastStyle;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A registered webhook endpoint; its signing secret is never returned.
 */
@Value.Immutable
@GridcastStyle
@JsonSerialize(as = Webhook.class)
@JsonDeserialize(as = Webhook.class)
abstract class AbstractWebhook {

  /** The platform's id. */
  public abstract String id();

  /** The endpoint deliveries are sent to. */
  public abstract String url();

  /** The event types delivered. */
  public abstract List<EventType> eventTypes();

  /** A description, if set. */
  public abstract Optional<String> description();

  /** The caller's own reference, e.g. a Spotify URI, if one was given. */
  public abstract Optional<String> externalRef();

  /** When it was created. */
  public abstract Instant createdAt();
}
