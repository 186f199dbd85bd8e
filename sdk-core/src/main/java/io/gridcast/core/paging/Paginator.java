package io.gridcast.core.paging;

import io.gridcast.core.errors.GridcastException;
import io.gridcast.core.http.Redaction;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A lazily paging list: pages are fetched only as iteration reaches them, and only the current
 * page is held in memory. Works for the three styles the platforms use:
 *
 * <ul>
 *   <li>{@link #offset}: {@code offset}/{@code limit} (Spotify search, Spotify lists);
 *   <li>{@link #nextUrl}: an absolute {@code next} URL in each page (Spotify paging objects);
 *   <li>{@link #cursor}: an opaque cursor (Active Community's {@code nextCursor}).
 * </ul>
 *
 * <pre>{@code
 * for (Episode e : client.shows().episodes(showId)) { ... }           // every page, lazily
 * client.shows().episodes(showId).limit(10).stream().map(...)         // at most 10 items
 * }</pre>
 *
 * <p>Each {@link #iterator()} starts again from the first page. A paginator is immutable and
 * may be shared; each iterator is for one thread. Errors from a page fetch propagate from
 * {@code hasNext()} as Gridcast's typed exceptions; a page token the server already sent (which
 * would page forever) raises a {@link GridcastException}.
 *
 * @param <T> the item type
 */
public final class Paginator<T> implements Iterable<T> {

  private final Function<String, Page<T>> fetch;
  private final long maxItems;

  private Paginator(Function<String, Page<T>> fetch, long maxItems) {
    this.fetch = fetch;
    this.maxItems = maxItems;
  }

  /**
   * Pages by opaque cursor: {@code fetch} receives {@code null} for the first page, then each
   * page's {@link Page#next()}.
   */
  public static <T> Paginator<T> cursor(Function<String, Page<T>> fetch) {
    return new Paginator<>(Objects.requireNonNull(fetch, "fetch"), Long.MAX_VALUE);
  }

  /**
   * Pages by absolute next URL: {@code first} fetches the first page, {@code fetchUrl} each
   * page's {@link Page#next()} URL.
   */
  public static <T> Paginator<T> nextUrl(java.util.function.Supplier<Page<T>> first, Function<String, Page<T>> fetchUrl) {
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(fetchUrl, "fetchUrl");
    return new Paginator<>(token -> token == null ? first.get() : fetchUrl.apply(token), Long.MAX_VALUE);
  }

  /**
   * Pages by offset: {@code fetchAt} receives 0, then the offset after the items received so
   * far. Paging stops at an empty or short page, or once the reported total is reached; any
   * {@code next} in the returned pages is ignored.
   *
   * @param pageSize the {@code limit} sent with each request, used to detect a short page
   */
  public static <T> Paginator<T> offset(int pageSize, IntFunction<Page<T>> fetchAt) {
    if (pageSize < 1) {
      throw new IllegalArgumentException("pageSize must be >= 1, was " + pageSize);
    }
    Objects.requireNonNull(fetchAt, "fetchAt");
    return new Paginator<>(token -> {
      int offset = token == null ? 0 : Integer.parseInt(token);
      Page<T> page = fetchAt.apply(offset);
      int next = offset + page.items().size();
      OptionalLong total = page.total();
      boolean more = page.items().size() >= pageSize && (total.isEmpty() || next < total.getAsLong());
      return Page.of(page.items(), more ? Integer.toString(next) : null, total.isPresent() ? total.getAsLong() : null);
    }, Long.MAX_VALUE);
  }

  /** A paginator that stops after {@code maxItems} items (and fetches no page beyond them). */
  public Paginator<T> limit(long maxItems) {
    if (maxItems < 0) {
      throw new IllegalArgumentException("maxItems must be >= 0, was " + maxItems);
    }
    return new Paginator<>(fetch, Math.min(this.maxItems, maxItems));
  }

  /** A sequential, lazy stream over the items; closing it early fetches no further pages. */
  public Stream<T> stream() {
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL), false);
  }

  /** The first page alone, for callers that want the total or their own paging. */
  public Page<T> firstPage() {
    return fetch.apply(null);
  }

  @Override
  public Iterator<T> iterator() {
    return new Iterator<>() {
      private Iterator<T> current;
      private String next;
      private boolean started;
      private long returned;
      private final java.util.Set<String> seenTokens = new java.util.HashSet<>();

      @Override
      public boolean hasNext() {
        if (returned >= maxItems) {
          return false;
        }
        while (current == null || !current.hasNext()) {
          if (started && next == null) {
            return false;
          }
          Page<T> page = fetch.apply(started ? next : null);
          String following = page.next().orElse(null);
          if (following != null && !seenTokens.add(following)) {
            // a typed error: this is the server misbehaving, and callers catch GridcastException for that
            throw new GridcastException("the server sent a page token it had sent before, which would page forever: "
                + Redaction.truncate(following, 200));
          }
          started = true;
          next = following;
          current = page.items().iterator(); // the previous page becomes garbage here
          if (!current.hasNext() && next == null) {
            return false;
          }
        }
        return true;
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        returned++;
        return current.next();
      }
    };
  }
}
