package io.gridcast.tradinggrid.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.gridcast.core.GridcastStyle;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The body that opens a thread ({@code createThread}).
 */
@Value.Immutable
@GridcastStyle
@JsonSerialize(as = ThreadCreate.class)
@JsonDeserialize(as = ThreadCreate.class)
abstract class AbstractThreadCreate {

  /** The title. */
  public abstract String title();

  /** The post it discusses. */
  public abstract Optional<String> postId();

  /** The caller's own reference, e.g. {@code spotify:episode:…}; lists can filter on it. */
  public abstract Optional<String> externalRef();
}
