package io.gridcast.tradinggrid.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.gridcast.core.GridcastStyle;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The changes to a site request ({@code updateSiteRequest}); fields left empty stay as they are.
 */
@Value.Immutable
@GridcastStyle
@JsonSerialize(as = SiteRequestUpdate.class)
@JsonDeserialize(as = SiteRequestUpdate.class)
abstract class AbstractSiteRequestUpdate {

  /** The new status. */
  public abstract Optional<SiteRequestStatus> status();

  /** The new details. */
  public abstract Optional<String> details();

  @Value.Check
  void check() {
    if (status().isEmpty()
        && details().isEmpty()) {
      throw new IllegalArgumentException(
          "SiteRequestUpdate changes nothing: set at least one field");
    }
    status().ifPresent(v -> Checks.known(v, "status"));
  }
}
