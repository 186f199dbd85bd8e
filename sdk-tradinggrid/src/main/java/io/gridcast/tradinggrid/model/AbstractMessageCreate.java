package io.gridcast.tradinggrid.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.gridcast.core.GridcastStyle;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The body that posts a message to a thread ({@code createThreadMessage}).
 */
@Value.Immutable
@GridcastStyle
@JsonSerialize(as = MessageCreate.class)
@JsonDeserialize(as = MessageCreate.class)
abstract class AbstractMessageCreate {

  /** The Markdown body. */
  public abstract String body();

  /** The partner on whose behalf it is written. */
  public abstract Optional<String> authorPartnerId();

  /** The caller's own reference, e.g. {@code spotify:episode:…}; lists can filter on it. */
  public abstract Optional<String> externalRef();
}
