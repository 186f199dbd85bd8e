package io.gridcast.tradinggrid.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.gridcast.core.GridcastStyle;
import java.time.Instant;
import org.immutables.value.Value;

/**
 * A comment on a {@link SiteRequest}.
 */
@Value.Immutable
@GridcastStyle
@JsonSerialize(as = SiteRequestComment.class)
@JsonDeserialize(as = SiteRequestComment.class)
abstract class AbstractSiteRequestComment {

  /** The platform's id. */
  public abstract String id();

  /** Who wrote it. */
  public abstract String author();

  /** The Markdown body. */
  public abstract String body();

  /** When it was created. */
  public abstract Instant createdAt();
}
