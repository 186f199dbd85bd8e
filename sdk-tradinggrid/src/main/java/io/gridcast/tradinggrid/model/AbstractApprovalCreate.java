package io.gridcast.tradinggrid.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.gridcast.core.GridcastStyle;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The body that submits a content package for approval ({@code createApproval}).
 */
@Value.Immutable
@GridcastStyle
@JsonSerialize(as = ApprovalCreate.class)
@JsonDeserialize(as = ApprovalCreate.class)
abstract class AbstractApprovalCreate {

  /** The title. */
  public abstract String title();

  /** A description. */
  public abstract Optional<String> description();

  /** The documents under review (JSON {@code package}). */
  @JsonProperty("package")
  public abstract ContentPackage contentPackage();

  /** The roles that must approve, e.g. {@code legal} and {@code compliance}. */
  public abstract List<String> requiredRoles();

  /** The caller's own reference, e.g. {@code spotify:episode:…}; lists can filter on it. */
  public abstract Optional<String> externalRef();

  @Value.Check
  void check() {
    if (requiredRoles().isEmpty()) {
      throw new IllegalArgumentException(
          "requiredRoles is empty: name at least one reviewing role");
    }
  }
}
