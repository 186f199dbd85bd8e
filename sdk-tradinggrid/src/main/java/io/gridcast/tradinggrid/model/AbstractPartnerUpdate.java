package io.gridcast.tradinggrid.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.gridcast.core.GridcastStyle;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The changes to a partner ({@code updatePartner}); fields left empty stay as they are.
 */
@Value.Immutable
@GridcastStyle
@JsonSerialize(as = PartnerUpdate.class)
@JsonDeserialize(as = PartnerUpdate.class)
abstract class AbstractPartnerUpdate {

  /** The new display name. */
  public abstract Optional<String> name();

  /** The new region code. */
  public abstract Optional<String> region();

  /** The new onboarding stage. */
  public abstract Optional<OnboardingStage> onboardingStage();

  /** The partner's groups, replacing the current ones. */
  public abstract Optional<List<String>> groupIds();

  /** The new contact e-mail address. */
  public abstract Optional<String> contactEmail();

  @Value.Check
  void check() {
    if (name().isEmpty()
        && region().isEmpty()
        && onboardingStage().isEmpty()
        && groupIds().isEmpty()
        && contactEmail().isEmpty()) {
      throw new IllegalArgumentException(
          "PartnerUpdate changes nothing: set at least one field");
    }
    onboardingStage().ifPresent(v -> Checks.known(v, "onboardingStage"));
  }
}
