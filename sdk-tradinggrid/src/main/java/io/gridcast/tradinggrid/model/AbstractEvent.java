package io.gridcast.tradinggrid.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.gridcast.core.GridcastStyle;
import java.time.Instant;
import org.immutables.value.Value;

/**
 * An entry of the community's change feed, also the body of a webhook delivery.
 *
 * <p>{@link #data()} holds the changed resource as reading it would return it; turn it into a model
 * with {@link #dataAs(ObjectMapper, Class)}, e.g. {@code event.dataAs(mapper, Issue.class)} for
 * {@code issue.resolved}.
 */
@Value.Immutable
@GridcastStyle
@JsonSerialize(as = Event.class)
@JsonDeserialize(as = Event.class)
abstract class AbstractEvent {

  /** The platform's id. */
  public abstract String id();

  /** What happened. */
  public abstract EventType type();

  /** When it happened. */
  public abstract Instant occurredAt();

  /** The kind of resource in {@link #data()}, e.g. {@code issue} or {@code submission}. */
  public abstract String resourceType();

  /** The id of that resource. */
  public abstract String resourceId();

  /** The resource after the change, as JSON. */
  public abstract JsonNode data();

  /**
   * Converts {@link #data()} into a model type.
   *
   * @param mapper a mapper configured like {@code GridcastJson.newObjectMapper()}
   * @param type the model that {@link #resourceType()} names, e.g. {@code Issue.class}
   * @throws IllegalArgumentException if the data does not fit {@code type}
   */
  public <T> T dataAs(ObjectMapper mapper, Class<T> type) {
    return mapper.convertValue(data(), type);
  }
}
