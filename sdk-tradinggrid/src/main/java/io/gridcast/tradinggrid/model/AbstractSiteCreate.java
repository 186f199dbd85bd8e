package io.gridcast.tradinggrid.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.gridcast.core.GridcastStyle;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The body that registers a site ({@code createSite}).
 */
@Value.Immutable
@GridcastStyle
@JsonSerialize(as = SiteCreate.class)
@JsonDeserialize(as = SiteCreate.class)
abstract class AbstractSiteCreate {

  /** The name. */
  public abstract String name();

  /** The region code. */
  public abstract String region();

  /** The IANA time zone. */
  public abstract String timezone();

  /** The Spotify playlist played there, e.g. {@code spotify:playlist:…}, if set. */
  public abstract Optional<String> playlistUri();

  /** Ids of its licensing documents. */
  public abstract List<String> licenceDocumentIds();

  /** The last day (in the site's time zone) its licence documents cover, if they expire. */
  public abstract Optional<LocalDate> licenceValidUntil();

  /** The starting state; the platform defaults to {@code planned}. */
  public abstract Optional<SiteStatus> status();

  /** The rollout date. */
  public abstract Optional<LocalDate> rolloutDate();

  /** The partner that runs it. */
  public abstract Optional<String> partnerId();

  /** The caller's own reference, e.g. {@code spotify:episode:…}; lists can filter on it. */
  public abstract Optional<String> externalRef();

  @Value.Check
  void check() {
    status().ifPresent(v -> Checks.known(v, "status"));
  }
}
