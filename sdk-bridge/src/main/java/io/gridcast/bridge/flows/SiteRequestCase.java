package io.gridcast.bridge.flows;

import io.gridcast.tradinggrid.model.Site;
import io.gridcast.tradinggrid.model.SiteRequest;
import java.util.Objects;
import java.util.Optional;

/**
 * An open site request with the site it names, as {@link BusinessMusicFlow}'s request phase
 * reads them. Immutable.
 *
 * @param request the request
 * @param site the site it names, or empty when no such site exists in the community
 */
public record SiteRequestCase(SiteRequest request, Optional<Site> site) {

  public SiteRequestCase {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(site, "site");
  }

  /** The stable source key: {@code tradinggrid:site-request:<id>}. */
  public String key() {
    return "tradinggrid:site-request:" + request.id();
  }
}
