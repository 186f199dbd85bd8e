package io.gridcast.spotify.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a cursor-paged list: Spotify's {@code CursorPagingObject} with its {@code items}.
 * {@code null} entries in {@code items} are dropped, as in {@link Paging}. Immutable and
 * thread-safe.
 *
 * @param href the Web API endpoint that returned this page
 * @param items the items of this page, without {@code null} entries
 * @param limit the maximum number of items in a page
 * @param next the URL of the next page; empty on the last page
 * @param cursors the cursors to page with; Spotify may omit them on the last page
 * @param total the total number of items, when the endpoint reports it
 * @param <T> the type of the items
 */
public record CursorPaging<T>(
    String href,
    List<T> items,
    int limit,
    Optional<String> next,
    Optional<Cursors> cursors,
    Optional<Integer> total) {

  /**
   * Creates a page; {@code null} items are dropped, a {@code null} list or optional is empty.
   *
   * @throws NullPointerException if {@code href} is null
   */
  public CursorPaging {
    Objects.requireNonNull(href, "href");
    items = Paging.withoutNulls(items);
    next = next == null ? Optional.empty() : next;
    cursors = cursors == null ? Optional.empty() : cursors;
    total = total == null ? Optional.empty() : total;
  }
}
