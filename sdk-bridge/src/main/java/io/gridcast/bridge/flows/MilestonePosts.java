package io.gridcast.bridge.flows;

import io.gridcast.tradinggrid.model.PostCreate;
import java.util.List;
import java.util.Objects;

/**
 * What a released milestone leads to: the milestone marked done, and one post per partner with
 * instructions, each with its own {@code externalRef}
 * ({@code <milestone key>:partner:<partnerId>}). Immutable.
 *
 * @param campaignId the campaign
 * @param milestoneId the milestone to mark done
 * @param posts the partner posts, by partner id
 */
record MilestonePosts(String campaignId, String milestoneId, List<PostCreate> posts) {

  public MilestonePosts {
    Objects.requireNonNull(campaignId, "campaignId");
    Objects.requireNonNull(milestoneId, "milestoneId");
    posts = List.copyOf(posts);
    for (PostCreate p : posts) {
      if (p.externalRef().isEmpty()) {
        throw new IllegalArgumentException("every partner post needs an externalRef");
      }
    }
  }
}
