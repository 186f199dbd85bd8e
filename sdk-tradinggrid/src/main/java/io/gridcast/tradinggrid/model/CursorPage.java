package io.gridcast.tradinggrid.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a cursor list: {@code {"items":[…],"nextCursor":…}}.
 *
 * <p>{@link #nextCursor()} is empty on the last page; otherwise pass it back unchanged as
 * {@code cursor} to read the next page. (The event feed always returns a cursor: an empty page
 * there means "nothing new yet".) Immutable and thread-safe; {@code items} is never null.
 *
 * @param items the page's items, in the list's order
 * @param nextCursor the position of the next page, or empty on the last page
 * @param <T> the item model, e.g. {@link Post}
 */
public record CursorPage<T>(
    List<T> items,
    // written even when empty: the contract wants "nextCursor": null on the last page
    @JsonInclude(JsonInclude.Include.ALWAYS) Optional<String> nextCursor) {

  /** Copies {@code items} and treats a missing list as empty and a missing cursor as the end. */
  @JsonCreator
  public CursorPage(
      @JsonProperty("items") List<T> items,
      @JsonProperty("nextCursor") Optional<String> nextCursor) {
    this.items = items == null ? List.of() : List.copyOf(items);
    this.nextCursor = nextCursor == null ? Optional.empty() : nextCursor;
  }

  /** Returns a page with the given items and cursor ({@code null} for the last page). */
  public static <T> CursorPage<T> of(List<T> items, String nextCursor) {
    Objects.requireNonNull(items, "items");
    return new CursorPage<>(items, Optional.ofNullable(nextCursor));
  }

  /** Returns whether another page follows. */
  public boolean hasNextPage() {
    return nextCursor.isPresent();
  }
}
