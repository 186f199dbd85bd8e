package io.gridcast.bridge;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A feed of changes that wakes a {@link Worker}'s flows between their scheduled runs, such as the
 * Trading Grid events feed ({@code io.gridcast.bridge.flows.TradingGridEvents}). The worker polls
 * it on an interval, one application instance at a time (under a lease named after the feed, in
 * the bridge's state store), keeps its position there as a checkpoint, and runs at once the flows
 * it names. Waking is a hint: the flows read their own sources from their own checkpoints, so a
 * change the feed misses is still picked up by the flow's next scheduled run. Implementations must
 * be thread-safe.
 */
public interface ChangeFeed {

  /**
   * The feed's name, under which its lease and position are kept in the state store (as those of
   * a flow of that name), e.g. {@code tradinggrid-events.c_acme}; distinct from every flow's name.
   */
  String name();

  /**
   * What changed after {@code position}: the names of the flows to wake and the position to resume
   * from next time.
   *
   * @param position the position saved last, or empty on the first poll
   * @throws RuntimeException when the feed cannot be read; the worker tries again at its next poll
   */
  Changes read(Optional<String> position);

  /**
   * What one poll found.
   *
   * @param flows the names of the flows to wake (none when nothing relevant changed)
   * @param position where the next poll resumes; empty to keep the current one
   */
  record Changes(Set<String> flows, Optional<String> position) {
    public Changes {
      flows = Set.copyOf(Objects.requireNonNull(flows, "flows"));
      Objects.requireNonNull(position, "position");
    }
  }
}
