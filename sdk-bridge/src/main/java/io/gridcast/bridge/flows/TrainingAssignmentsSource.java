package io.gridcast.bridge.flows;

import io.gridcast.bridge.RunContext;
import io.gridcast.bridge.Snapshot;
import io.gridcast.bridge.Batch;
import io.gridcast.bridge.Source;
import io.gridcast.bridge.policy.PartnerDirectory;
import io.gridcast.bridge.policy.RoutingPolicy;
import io.gridcast.tradinggrid.ListQuery;
import io.gridcast.tradinggrid.TradingGridClient;
import io.gridcast.tradinggrid.model.Assignment;
import io.gridcast.tradinggrid.model.AssignmentTarget;
import io.gridcast.tradinggrid.model.Audience;
import io.gridcast.tradinggrid.model.Post;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The wanted and the no-longer-wanted assignments of every training post, against the partner
 * directory of this run: per episode whose training post exists, one item per target the
 * assignment policy names now (wanted), plus one per assignment this flow created earlier for a
 * target it no longer names (unwanted; found through the assignments list filtered by the post's
 * id). One batch per episode batch. Thread-safe.
 */
final class TrainingAssignmentsSource implements Source<TrainingAssignment> {

  private final TradingGridClient tradingGrid;
  private final Source<ShowEpisode> episodes;
  private final RoutingPolicy<ShowEpisode> assignTo;
  private final Snapshot<PartnerDirectory> partners;
  private final int dueAfterDays;
  private final String reason;

  TrainingAssignmentsSource(TradingGridClient tradingGrid, Source<ShowEpisode> episodes, RoutingPolicy<ShowEpisode> assignTo,
      Snapshot<PartnerDirectory> partners, int dueAfterDays, String reason) {
    this.tradingGrid = tradingGrid;
    this.episodes = episodes;
    this.assignTo = assignTo;
    this.partners = partners;
    this.dueAfterDays = dueAfterDays;
    this.reason = reason;
  }

  @Override
  public Iterable<Batch<TrainingAssignment>> read(RunContext run) {
    PartnerDirectory directory = run.snapshot(partners); // one snapshot per run, read before any item
    return () -> {
      // this stage saves no checkpoints (its batches carry none), so the episodes are read from the start
      var batches = episodes.read(run).iterator();
      return new java.util.Iterator<>() {
        @Override
        public boolean hasNext() {
          return batches.hasNext();
        }

        @Override
        public Batch<TrainingAssignment> next() {
          List<TrainingAssignment> items = new ArrayList<>();
          for (ShowEpisode e : batches.next().items()) {
            items.addAll(forEpisode(e, directory));
          }
          return Batch.of(items);
        }
      };
    };
  }

  /** The items of one episode; none while its training post does not exist yet. */
  List<TrainingAssignment> forEpisode(ShowEpisode episode, PartnerDirectory directory) {
    Optional<Post> post = tradingGrid.posts().findByExternalRef(TrainingPostMapper.postRef(episode.key()));
    if (post.isEmpty()) {
      return List.of();
    }
    String postId = post.get().id();
    LocalDate due = episode.episode().releaseDate().firstDay().plusDays(dueAfterDays);
    Map<String, TrainingAssignment> items = new LinkedHashMap<>();
    Audience wanted = assignTo.audienceFor(episode, directory);
    for (String g : wanted.groupIds()) {
      add(items, new TrainingAssignment(episode.key(), postId, AssignmentTarget.group(g), due, reason, true));
    }
    for (String p : wanted.partnerIds()) {
      add(items, new TrainingAssignment(episode.key(), postId, AssignmentTarget.partner(p), due, reason, true));
    }
    String ours = "gridcast:training-assignment:" + episode.key() + ":";
    for (Assignment a : tradingGrid.assignments().list(ListQuery.create().with("postId", postId))) {
      String ref = a.externalRef().orElse("");
      if (ref.startsWith(ours) && !items.containsKey(ref)) {
        add(items, new TrainingAssignment(episode.key(), postId, a.target(), due, reason, false));
      }
    }
    return new ArrayList<>(items.values());
  }

  private static void add(Map<String, TrainingAssignment> items, TrainingAssignment a) {
    items.putIfAbsent(a.key(), a);
  }
}
