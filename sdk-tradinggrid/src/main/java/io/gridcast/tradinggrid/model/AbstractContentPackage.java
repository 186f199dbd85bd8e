package io.gridcast.tradinggrid.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.gridcast.core.GridcastStyle;
import org.immutables.value.Value;

/**
 * The documents an {@link Approval} reviews.
 */
@Value.Immutable
@GridcastStyle
@JsonSerialize(as = ContentPackage.class)
@JsonDeserialize(as = ContentPackage.class)
abstract class AbstractContentPackage {

  /** The script. */
  public abstract String scriptDocumentId();

  /** The artwork. */
  public abstract String artworkDocumentId();

  /** The release notes. */
  public abstract String releaseNotesDocumentId();

  /** The audio. */
  public abstract String audioDocumentId();
}
