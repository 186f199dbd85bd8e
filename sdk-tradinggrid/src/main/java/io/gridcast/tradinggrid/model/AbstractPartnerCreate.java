package io.gridcast.tradinggrid.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.gridcast.core.GridcastStyle;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The body that invites a partner ({@code createPartner}).
 */
@Value.Immutable
@GridcastStyle
@JsonSerialize(as = PartnerCreate.class)
@JsonDeserialize(as = PartnerCreate.class)
abstract class AbstractPartnerCreate {

  /** The partner's Trading Grid account id. */
  public abstract String accountId();

  /** The display name. */
  public abstract String name();

  /** The region code, e.g. {@code EMEA}. */
  public abstract String region();

  /** The starting stage; the platform defaults to {@code invited}. */
  public abstract Optional<OnboardingStage> onboardingStage();

  /** The partner groups to put it in. */
  public abstract List<String> groupIds();

  /** The contact e-mail address. */
  public abstract Optional<String> contactEmail();

  /** The caller's own reference, e.g. {@code spotify:episode:…}; lists can filter on it. */
  public abstract Optional<String> externalRef();

  @Value.Check
  void check() {
    onboardingStage().ifPresent(v -> Checks.known(v, "onboardingStage"));
  }
}
