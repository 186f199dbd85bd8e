package io.gridcast.core.paging;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One page of a list: its items, the token for the next page (an offset, an absolute
 * {@code next} URL or an opaque cursor, depending on the platform) and the total when the
 * platform reports one. Immutable.
 *
 * @param <T> the item type
 */
public final class Page<T> {

  private final List<T> items;
  private final String next;
  private final Long total;

  private Page(List<T> items, String next, Long total) {
    this.items = List.copyOf(Objects.requireNonNull(items, "items"));
    this.next = next == null || next.isEmpty() ? null : next;
    this.total = total;
  }

  /**
   * A page.
   *
   * @param next the next page's token, or {@code null}/empty on the last page
   * @param total the total number of items, or {@code null} if unknown
   */
  public static <T> Page<T> of(List<T> items, String next, Long total) {
    return new Page<>(items, next, total);
  }

  /** The page's items (unmodifiable; may be empty). */
  public List<T> items() {
    return items;
  }

  /** The next page's token; empty on the last page. */
  public Optional<String> next() {
    return Optional.ofNullable(next);
  }

  /** The total number of items across all pages, when the platform reports one. */
  public OptionalLong total() {
    return total == null ? OptionalLong.empty() : OptionalLong.of(total);
  }
}
