package io.gridcast.bridge.flows;

import io.gridcast.tradinggrid.model.PostCreate;
import java.util.List;
import java.util.Objects;

/**
 * What a milestone leads to: one post per partner with instructions, each with its own {@code
 * externalRef} ({@code <milestone key>:partner:<partnerId>}), the same post before launch and
 * once live; once live, the milestone is also marked done. Immutable.
 *
 * @param campaignId the campaign
 * @param milestoneId the milestone
 * @param live whether the milestone's item is live (then it is marked done)
 * @param posts the partner posts, by partner id
 */
record MilestonePosts(String campaignId, String milestoneId, boolean live, List<PostCreate> posts) {

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
