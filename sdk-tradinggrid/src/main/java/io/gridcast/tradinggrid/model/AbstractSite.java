package io.gridcast.tradinggrid.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.gridcast.core.GridcastStyle;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A business-music location with its playlist, licences and rollout date.
 */
@Value.Immutable
@GridcastStyle
@JsonSerialize(as = Site.class)
@JsonDeserialize(as = Site.class)
abstract class AbstractSite implements Versioned {

  /** The platform's id. */
  public abstract String id();

  /** The name. */
  public abstract String name();

  /** The region code. */
  public abstract String region();

  /** The IANA time zone, e.g. {@code Europe/Amsterdam}. */
  public abstract String timezone();

  /** The Spotify playlist played there, e.g. {@code spotify:playlist:…}, if set. */
  public abstract Optional<String> playlistUri();

  /** Ids of its licensing documents. */
  public abstract List<String> licenceDocumentIds();

  /**
   * The last day (in the site's time zone) its licence documents cover, if they expire; a
   * licence whose day has passed no longer licenses the site.
   */
  public abstract Optional<LocalDate> licenceValidUntil();

  /** The state. */
  public abstract SiteStatus status();

  /** When it goes or went live, if scheduled. */
  public abstract Optional<LocalDate> rolloutDate();

  /** The partner that runs it, if any. */
  public abstract Optional<String> partnerId();

  /** The caller's own reference, e.g. a Spotify URI, if one was given. */
  public abstract Optional<String> externalRef();

  /** The resource version, starting at 1; send it as {@code If-Match} to update. */
  public abstract long version();

  /** When it was created. */
  public abstract Instant createdAt();

  /** When it last changed. */
  public abstract Instant updatedAt();
}
