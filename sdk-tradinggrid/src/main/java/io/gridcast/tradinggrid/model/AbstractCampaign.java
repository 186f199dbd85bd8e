package io.gridcast.tradinggrid.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.gridcast.core.GridcastStyle;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A branded audio campaign's workspace.
 */
@Value.Immutable
@GridcastStyle
@JsonSerialize(as = Campaign.class)
@JsonDeserialize(as = Campaign.class)
abstract class AbstractCampaign implements Versioned {

  /** The platform's id. */
  public abstract String id();

  /** The name. */
  public abstract String name();

  /** Whether it is the community owner's own campaign or a sponsorship. */
  public abstract CampaignType type();

  /** The sponsor's name as it is disclosed to partners; always present for a sponsorship. */
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

  /** The state. */
  public abstract CampaignStatus status();

  /** The caller's own reference, e.g. a Spotify URI, if one was given. */
  public abstract Optional<String> externalRef();

  /** The resource version, starting at 1; send it as {@code If-Match} to update. */
  public abstract long version();

  /** When it was created. */
  public abstract Instant createdAt();

  /** When it last changed. */
  public abstract Instant updatedAt();
}
