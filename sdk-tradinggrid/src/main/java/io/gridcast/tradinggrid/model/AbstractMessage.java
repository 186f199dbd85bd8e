package io.gridcast.tradinggrid.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.gridcast.core.GridcastStyle;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A message in a {@link Thread}.
 */
@Value.Immutable
@GridcastStyle
@JsonSerialize(as = Message.class)
@JsonDeserialize(as = Message.class)
abstract class AbstractMessage {

  /** The platform's id. */
  public abstract String id();

  /** The thread it belongs to. */
  public abstract String threadId();

  /** The partner who wrote it; empty for the community owner or an integration. */
  public abstract Optional<String> authorPartnerId();

  /** The Markdown body. */
  public abstract String body();

  /** The topic tags its author or a moderator gave it (lowercase, e.g. {@code asn}); empty when untagged. */
  public abstract List<String> tags();

  /**
   * Whether its author or a moderator flagged it as a problem that needs follow-up; the contract
   * leaves the field out for messages that were never flagged, which reads as {@code false}.
   */
  @Value.Default
  public boolean flagged() {
    return false;
  }

  /** The caller's own reference, e.g. a Spotify URI, if one was given. */
  public abstract Optional<String> externalRef();

  /** When it was created. */
  public abstract Instant createdAt();
}
