package io.gridcast.provingground;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridcast.bridge.state.LedgerEntry;
import io.gridcast.testkit.SpotifyDemoData;
import io.gridcast.tradinggrid.TradingGridClient;
import io.gridcast.tradinggrid.model.Post;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The exactly-once outcome of an episode announcements sync, read through the real Trading Grid
 * API: one post per episode of the show, none for anything else, and a ledger that maps every
 * episode to its one post.
 */
public final class ExactlyOnce {

  private ExactlyOnce() {}

  /** The ids of every post in the community now (take it before a sync to exclude demo posts). */
  public static Set<String> postIds(TradingGridClient tradingGrid) {
    return tradingGrid.posts().list().stream().map(Post::id).collect(Collectors.toSet());
  }

  /** The posts made since {@code before} was taken, by externalRef ({@code (none)} for posts without one). */
  public static Map<String, List<String>> newPostsByExternalRef(TradingGridClient tradingGrid, Set<String> before) {
    Map<String, List<String>> byRef = new HashMap<>();
    for (Post post : tradingGrid.posts().list()) {
      if (!before.contains(post.id())) {
        byRef.computeIfAbsent(post.externalRef().orElse("(none)"), r -> new ArrayList<>()).add(post.id());
      }
    }
    return byRef;
  }

  /** The externalRef of each of the {@code episodes} episodes of a synthetic show. */
  public static Set<String> episodeRefs(String showId, int episodes) {
    return IntStream.range(0, episodes).mapToObj(n -> "spotify:episode:" + SpotifyDemoData.episodeId(showId, n))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /**
   * Asserts one post per expected episode and nothing else, and a ledger naming exactly those posts.
   *
   * @return the number of duplicate posts (always 0 when this returns)
   */
  public static int assertDelivered(Map<String, List<String>> posts, Set<String> expectedRefs, List<LedgerEntry> ledger) {
    assertThat(posts.keySet()).as("one post for every episode, and for nothing else").isEqualTo(expectedRefs);
    assertThat(posts).as("exactly one post per episode").allSatisfy((ref, ids) -> assertThat(ids).hasSize(1));
    Map<String, String> postTargets = new HashMap<>();
    posts.forEach((ref, ids) -> postTargets.put(ref, ids.get(0)));
    assertThat(ledger).as("one ledger row per episode").hasSize(expectedRefs.size());
    assertThat(ledger.stream().collect(Collectors.toMap(LedgerEntry::sourceKey, LedgerEntry::targetId)))
        .as("the ledger maps every episode to its one post").isEqualTo(postTargets);
    return posts.values().stream().mapToInt(ids -> ids.size() - 1).sum();
  }
}
