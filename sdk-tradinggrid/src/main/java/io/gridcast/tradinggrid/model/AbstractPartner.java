package io.gridcast.tradinggrid.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.gridcast.core.GridcastStyle;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A trading partner that takes part in the community.
 */
@Value.Immutable
@GridcastStyle
@JsonSerialize(as = Partner.class)
@JsonDeserialize(as = Partner.class)
abstract class AbstractPartner implements Versioned {

  /** The platform's id. */
  public abstract String id();

  /** The partner's Trading Grid account id. */
  public abstract String accountId();

  /** The display name. */
  public abstract String name();

  /** The region code, e.g. {@code EMEA}. */
  public abstract String region();

  /** Where the partner stands in onboarding. */
  public abstract OnboardingStage onboardingStage();

  /** The partner groups it belongs to. */
  public abstract List<String> groupIds();

  /** The contact e-mail address, if known. */
  public abstract Optional<String> contactEmail();

  /** The caller's own reference, e.g. a Spotify URI, if one was given. */
  public abstract Optional<String> externalRef();

  /** The resource version, starting at 1; send it as {@code If-Match} to update. */
  public abstract long version();

  /** When it was created. */
  public abstract Instant createdAt();

  /** When it last changed. */
  public abstract Instant updatedAt();
}
