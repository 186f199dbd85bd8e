package io.gridcast.bridge.flows;

import io.gridcast.bridge.Fingerprints;
import io.gridcast.bridge.WriteResult;
import io.gridcast.tradinggrid.TradingGridClient;
import io.gridcast.tradinggrid.model.Campaign;
import io.gridcast.tradinggrid.model.CampaignUpdate;
import io.gridcast.tradinggrid.model.Milestone;
import io.gridcast.tradinggrid.model.MilestoneStatus;
import io.gridcast.tradinggrid.model.Post;
import io.gridcast.tradinggrid.model.PostCreate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Marks a live milestone done ({@code CampaignUpdate} with {@code If-Match}, re-read and
 * re-applied once on 412; a milestone before launch is left as it is) and then makes sure each partner post exists with its content: a post
 * is looked up by its {@code externalRef} and updated if it differs, or created with a
 * deterministic idempotency key ({@code Fingerprints.idempotencyKey(flow, externalRef)}). A
 * crash between any two steps is healed by the next run without a duplicate. Thread-safe.
 */
final class MilestonePostsSink implements ConvergingSink<MilestonePosts> {

  private final TradingGridClient tradingGrid;
  private final String flowName;

  MilestonePostsSink(TradingGridClient tradingGrid, String flowName) {
    this.tradingGrid = tradingGrid;
    this.flowName = flowName;
  }

  @Override
  public WriteResult converge(String sourceKey, MilestonePosts item) {
    return apply(item);
  }

  private WriteResult apply(MilestonePosts item) {
    Campaign campaign = item.live() ? markDone(item.campaignId(), item.milestoneId()) : null;
    for (PostCreate post : item.posts()) {
      String ref = post.externalRef().orElseThrow();
      Optional<Post> existing = tradingGrid.posts().findByExternalRef(ref);
      if (existing.isEmpty()) {
        tradingGrid.posts().create(post, Fingerprints.idempotencyKey(flowName, ref));
      } else if (!PostSink.asCreate(existing.get()).equals(post)) {
        tradingGrid.posts().replace(existing.get().id(), PostSink.asUpdate(post), existing.get().version());
      }
    }
    return campaign == null ? WriteResult.of(item.campaignId(), null) : WriteResult.of(campaign.id(), campaign.version());
  }

  private Campaign markDone(String campaignId, String milestoneId) {
    // a campaign edited meanwhile is read again and the milestone marked on the latest (412 rule)
    return tradingGrid.campaigns().update(campaignId, campaign -> {
      List<Milestone> milestones = new ArrayList<>();
      boolean changed = false;
      for (Milestone m : campaign.milestones()) {
        if (m.id().equals(milestoneId) && m.status() != MilestoneStatus.DONE) {
          milestones.add(Milestone.builder().from(m).status(MilestoneStatus.DONE).build());
          changed = true;
        } else {
          milestones.add(m);
        }
      }
      return changed ? Optional.of(CampaignUpdate.builder().milestones(milestones).build()) : Optional.empty();
    });
  }
}
