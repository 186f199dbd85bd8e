package io.gridcast.tradinggrid.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.gridcast.core.GridcastStyle;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A request about a site: a new site, a playlist change, a licence or support.
 */
@Value.Immutable
@GridcastStyle
@JsonSerialize(as = SiteRequest.class)
@JsonDeserialize(as = SiteRequest.class)
abstract class AbstractSiteRequest implements Versioned {

  /** The platform's id. */
  public abstract String id();

  /** The site concerned. */
  public abstract String siteId();

  /** What is asked for. */
  public abstract SiteRequestType type();

  /** Where it stands. */
  public abstract SiteRequestStatus status();

  /** What is asked for, in the requester's words. */
  public abstract String details();

  /** The comments, oldest first. */
  public abstract List<SiteRequestComment> comments();

  /** The caller's own reference, e.g. a Spotify URI, if one was given. */
  public abstract Optional<String> externalRef();

  /** The resource version, starting at 1; send it as {@code If-Match} to update. */
  public abstract long version();

  /** When it was created. */
  public abstract Instant createdAt();

  /** When it last changed. */
  public abstract Instant updatedAt();
}
