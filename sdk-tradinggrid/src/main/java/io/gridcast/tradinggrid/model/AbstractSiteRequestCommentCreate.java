package io.gridcast.tradinggrid.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.gridcast.core.GridcastStyle;
import org.immutables.value.Value;

/**
 * The body that comments on a site request ({@code createSiteRequestComment}).
 */
@Value.Immutable
@GridcastStyle
@JsonSerialize(as = SiteRequestCommentCreate.class)
@JsonDeserialize(as = SiteRequestCommentCreate.class)
abstract class AbstractSiteRequestCommentCreate {

  /** Who writes it. */
  public abstract String author();

  /** The Markdown body. */
  public abstract String body();
}
