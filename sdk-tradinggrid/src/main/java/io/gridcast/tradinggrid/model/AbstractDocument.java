package io.gridcast.tradinggrid.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.gridcast.core.GridcastStyle;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An uploaded document's metadata; read its bytes with {@code downloadDocumentContent}.
 * Documents never change.
 */
@Value.Immutable
@GridcastStyle
@JsonSerialize(as = Document.class)
@JsonDeserialize(as = Document.class)
abstract class AbstractDocument {

  /** The platform's id. */
  public abstract String id();

  /** The file name. */
  public abstract String fileName();

  /** The media type, e.g. {@code application/pdf}. */
  public abstract String contentType();

  /** The size in bytes (at most 25 MiB). */
  public abstract long size();

  /** The lower-case hex SHA-256 of the content. */
  public abstract String sha256();

  /** The caller's own reference, e.g. a Spotify URI, if one was given. */
  public abstract Optional<String> externalRef();

  /** When it was created. */
  public abstract Instant createdAt();
}
