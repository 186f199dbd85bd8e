package io.gridcast.tradinggrid.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.gridcast.core.GridcastStyle;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The changes to a partner group ({@code updatePartnerGroup}); fields left empty stay as they are.
 */
@Value.Immutable
@GridcastStyle
@JsonSerialize(as = PartnerGroupUpdate.class)
@JsonDeserialize(as = PartnerGroupUpdate.class)
abstract class AbstractPartnerGroupUpdate {

  /** The new display name. */
  public abstract Optional<String> name();

  /** The new description. */
  public abstract Optional<String> description();

  @Value.Check
  void check() {
    if (name().isEmpty()
        && description().isEmpty()) {
      throw new IllegalArgumentException(
          "PartnerGroupUpdate changes nothing: set at least one field");
    }
  }
}
