package io.gridcast.tradinggrid.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.gridcast.core.GridcastStyle;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The body that raises a site request ({@code createSiteRequest}).
 */
@Value.Immutable
@GridcastStyle
@JsonSerialize(as = SiteRequestCreate.class)
@JsonDeserialize(as = SiteRequestCreate.class)
abstract class AbstractSiteRequestCreate {

  /** The site concerned. */
  public abstract String siteId();

  /** What is asked for. */
  public abstract SiteRequestType type();

  /** The details. */
  public abstract String details();

  /** The caller's own reference, e.g. {@code spotify:episode:…}; lists can filter on it. */
  public abstract Optional<String> externalRef();

  @Value.Check
  void check() {
    Checks.known(type(), "type");
  }
}
