package io.gridcast.bridge.flows;

import io.gridcast.bridge.WriteResult;
import io.gridcast.tradinggrid.TradingGridClient;
import io.gridcast.tradinggrid.model.Link;
import io.gridcast.tradinggrid.model.Post;
import io.gridcast.tradinggrid.model.PostUpdate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Adds a link to an announcement post: reads the post and, unless it carries the link already,
 * writes its links with the one of the same {@code rel} replaced (or the link added) with
 * {@code If-Match}, reading again on a {@code 412} so that another writer's edit is kept. A post
 * that has the link is left as it is, so a write cut short is finished by the next run and a
 * repeated one writes nothing. Thread-safe.
 */
final class AnnouncementLinkSink implements ConvergingSink<AnnouncementLink> {

  private final TradingGridClient tradingGrid;

  AnnouncementLinkSink(TradingGridClient tradingGrid) {
    this.tradingGrid = tradingGrid;
  }

  @Override
  public WriteResult converge(String sourceKey, AnnouncementLink item) {
    Post post = tradingGrid.posts().update(item.postId(), current -> withLink(current.links(), item.link())
        .map(links -> PostUpdate.builder().links(links).build()));
    return WriteResult.of(post.id(), post.version());
  }

  /** {@code links} with {@code link} in place of the one of its {@code rel}; empty when they hold it already. */
  static Optional<List<Link>> withLink(List<Link> links, Link link) {
    if (links.contains(link)) {
      return Optional.empty();
    }
    List<Link> changed = new ArrayList<>();
    boolean replaced = false;
    for (Link l : links) {
      if (l.rel().equals(link.rel())) {
        if (!replaced) {
          changed.add(link);
          replaced = true;
        }
      } else {
        changed.add(l);
      }
    }
    if (!replaced) {
      changed.add(link);
    }
    return Optional.of(changed);
  }
}
