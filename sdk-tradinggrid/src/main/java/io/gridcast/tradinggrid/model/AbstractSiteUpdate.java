package io.gridcast.tradinggrid.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.gridcast.core.GridcastStyle;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The changes to a site ({@code updateSite}); fields left empty stay as they are.
 */
@Value.Immutable
@GridcastStyle
@JsonSerialize(as = SiteUpdate.class)
@JsonDeserialize(as = SiteUpdate.class)
abstract class AbstractSiteUpdate {

  /** The new name. */
  public abstract Optional<String> name();

  /** The new region code. */
  public abstract Optional<String> region();

  /** The new time zone. */
  public abstract Optional<String> timezone();

  /** The new playlist URI. */
  public abstract Optional<String> playlistUri();

  /** The licensing documents, replacing the current ones. */
  public abstract Optional<List<String>> licenceDocumentIds();

  /** The new last day its licence documents cover (set it with the renewed documents). */
  public abstract Optional<LocalDate> licenceValidUntil();

  /** The new state. */
  public abstract Optional<SiteStatus> status();

  /** The new rollout date. */
  public abstract Optional<LocalDate> rolloutDate();

  @Value.Check
  void check() {
    if (name().isEmpty()
        && region().isEmpty()
        && timezone().isEmpty()
        && playlistUri().isEmpty()
        && licenceDocumentIds().isEmpty()
        && licenceValidUntil().isEmpty()
        && status().isEmpty()
        && rolloutDate().isEmpty()) {
      throw new IllegalArgumentException(
          "SiteUpdate changes nothing: set at least one field");
    }
    status().ifPresent(v -> Checks.known(v, "status"));
  }
}
