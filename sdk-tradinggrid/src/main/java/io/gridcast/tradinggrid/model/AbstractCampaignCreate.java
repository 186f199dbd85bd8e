package io.gridcast.tradinggrid.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.gridcast.core.GridcastStyle;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The body that creates a campaign ({@code createCampaign}).
 */
@Value.Immutable
@GridcastStyle
@JsonSerialize(as = CampaignCreate.class)
@JsonDeserialize(as = CampaignCreate.class)
abstract class AbstractCampaignCreate {

  /** The name. */
  public abstract String name();

  /** The type; the platform defaults to {@code branded}. A sponsorship needs a {@link #sponsor()}. */
  public abstract Optional<CampaignType> type();

  /** The sponsor's name as it is disclosed to partners (1-200 characters); required for a sponsorship. */
  public abstract Optional<String> sponsor();

  /** The Markdown brief. */
  public abstract String brief();

  /** Ids of the approval documents. */
  public abstract List<String> approvalDocumentIds();

  /** The launch calendar. */
  public abstract List<Milestone> milestones();

  /** Partner-specific instructions. */
  public abstract List<PartnerInstruction> partnerInstructions();

  /** Spotify URIs of the campaign's show, episodes and playlist. */
  public abstract List<String> spotifyRefs();

  /** The starting state; the platform defaults to {@code draft}. */
  public abstract Optional<CampaignStatus> status();

  /** The caller's own reference, e.g. {@code spotify:episode:…}; lists can filter on it. */
  public abstract Optional<String> externalRef();

  @Value.Check
  void check() {
    status().ifPresent(v -> Checks.known(v, "status"));
    type().ifPresent(v -> Checks.known(v, "type"));
    if (type().orElse(CampaignType.BRANDED) == CampaignType.SPONSORSHIP && sponsor().filter(n -> !n.isBlank()).isEmpty()) {
      throw new IllegalArgumentException("a sponsorship campaign needs a sponsor: set sponsor(...) to the name partners are told");
    }
  }
}
