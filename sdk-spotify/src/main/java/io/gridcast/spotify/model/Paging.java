package io.gridcast.spotify.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of an offset-paged list: Spotify's {@code PagingObject} with its {@code items}.
 *
 * <p>Spotify puts {@code null} into {@code items} where an object is no longer available (search
 * results do this for playlists); such entries are dropped from {@link #items()}, while {@link
 * #total()}, {@link #offset()} and {@link #limit()} still count them, so page arithmetic stays
 * right. Decode a page with a type reference, for example {@code new
 * TypeReference<Paging<SimplifiedEpisode>>() {}}.
 *
 * <p>A record rather than an Immutables value so that the models holding pages can copy them in
 * their builders' {@code from(...)}. Immutable and thread-safe.
 *
 * @param href the Web API endpoint that returned this page
 * @param items the items of this page in Spotify's order, without {@code null} entries
 * @param limit the maximum number of items in a page, as requested or by default
 * @param next the URL of the next page; empty on the last page
 * @param offset the offset of the first item of this page
 * @param previous the URL of the previous page; empty on the first page
 * @param total the total number of items available
 * @param <T> the type of the items
 */
public record Paging<T>(
    String href,
    List<T> items,
    int limit,
    Optional<String> next,
    int offset,
    Optional<String> previous,
    int total) {

  /**
   * Creates a page; {@code null} items are dropped, a {@code null} list or optional is empty.
   *
   * @throws NullPointerException if {@code href} is null
   */
  public Paging {
    Objects.requireNonNull(href, "href");
    items = withoutNulls(items);
    next = next == null ? Optional.empty() : next;
    previous = previous == null ? Optional.empty() : previous;
  }

  static <T> List<T> withoutNulls(List<T> items) {
    if (items == null) {
      return List.of();
    }
    List<T> copy = new ArrayList<>(items.size());
    for (T item : items) {
      if (item != null) {
        copy.add(item);
      }
    }
    return Collections.unmodifiableList(copy);
  }
}
