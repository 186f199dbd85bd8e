package io.gridcast.tradinggrid.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.gridcast.core.GridcastStyle;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The changes to a campaign ({@code updateCampaign}); fields left empty stay as they are, lists
 * replace the current ones.
 */
@Value.Immutable
@GridcastStyle
@JsonSerialize(as = CampaignUpdate.class)
@JsonDeserialize(as = CampaignUpdate.class)
abstract class AbstractCampaignUpdate {

  /** The new name. */
  public abstract Optional<String> name();

  /** The new type; a campaign that becomes a sponsorship needs a sponsor. */
  public abstract Optional<CampaignType> type();

  /** The new sponsor's name (1-200 characters). */
  public abstract Optional<String> sponsor();

  /** The new brief. */
  public abstract Optional<String> brief();

  /** The approval documents, replacing the current ones. */
  public abstract Optional<List<String>> approvalDocumentIds();

  /** The launch calendar, replacing the current one. */
  public abstract Optional<List<Milestone>> milestones();

  /** The partner instructions, replacing the current ones. */
  public abstract Optional<List<PartnerInstruction>> partnerInstructions();

  /** The Spotify references, replacing the current ones. */
  public abstract Optional<List<String>> spotifyRefs();

  /** The new state. */
  public abstract Optional<CampaignStatus> status();

  @Value.Check
  void check() {
    if (name().isEmpty()
        && type().isEmpty()
        && sponsor().isEmpty()
        && brief().isEmpty()
        && approvalDocumentIds().isEmpty()
        && milestones().isEmpty()
        && partnerInstructions().isEmpty()
        && spotifyRefs().isEmpty()
        && status().isEmpty()) {
      throw new IllegalArgumentException(
          "CampaignUpdate changes nothing: set at least one field");
    }
    status().ifPresent(v -> Checks.known(v, "status"));
    type().ifPresent(v -> Checks.known(v, "type"));
  }
}
