package io.gridcast.tradinggrid.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.gridcast.core.GridcastStyle;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The body that creates a partner group ({@code createPartnerGroup}).
 */
@Value.Immutable
@GridcastStyle
@JsonSerialize(as = PartnerGroupCreate.class)
@JsonDeserialize(as = PartnerGroupCreate.class)
abstract class AbstractPartnerGroupCreate {

  /** The display name. */
  public abstract String name();

  /** A description. */
  public abstract Optional<String> description();

  /** The caller's own reference, e.g. {@code spotify:episode:…}; lists can filter on it. */
  public abstract Optional<String> externalRef();
}
