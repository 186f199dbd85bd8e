package io.gridcast.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridcast.core.errors.GridcastException;
import io.gridcast.core.paging.Page;
import io.gridcast.core.paging.Paginator;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PaginatorTest {

  private final List<String> fetched = new ArrayList<>();

  private static List<Integer> range(int from, int to) {
    return IntStream.range(from, to).boxed().collect(Collectors.toList());
  }

  @Test
  void offsetPagingWalksEveryPageAndStopsAtTheTotal() {
    Paginator<Integer> p = Paginator.offset(10, offset -> {
      fetched.add("offset=" + offset);
      return Page.of(range(offset, Math.min(offset + 10, 25)), null, 25L);
    });

    assertThat(p.stream().collect(Collectors.toList())).isEqualTo(range(0, 25));
    assertThat(fetched).containsExactly("offset=0", "offset=10", "offset=20");
  }

  @Test
  void offsetPagingStopsAtAnEmptyPageWhenNoTotalIsKnown() {
    Paginator<Integer> p = Paginator.offset(5, offset -> {
      fetched.add("offset=" + offset);
      return Page.of(offset < 10 ? range(offset, offset + 5) : List.of(), null, null);
    });

    assertThat(p).hasSize(10);
    assertThat(fetched).containsExactly("offset=0", "offset=5", "offset=10");
  }

  @Test
  void nextUrlPagingFollowsAbsoluteLinks() {
    Paginator<Integer> p = Paginator.nextUrl(
        () -> Page.of(range(0, 2), "https://api/x?offset=2", 5L),
        url -> {
          fetched.add(url);
          return url.endsWith("offset=2")
              ? Page.of(range(2, 4), "https://api/x?offset=4", 5L)
              : Page.of(range(4, 5), null, 5L);
        });

    assertThat(p).containsExactly(0, 1, 2, 3, 4);
    assertThat(fetched).containsExactly("https://api/x?offset=2", "https://api/x?offset=4");
  }

  @Test
  void cursorPagingFetchesOnlyWhatIsConsumed() {
    Paginator<Integer> p = Paginator.cursor(cursor -> {
      fetched.add(String.valueOf(cursor));
      int start = cursor == null ? 0 : Integer.parseInt(cursor);
      return Page.of(range(start, start + 3), start < 30 ? String.valueOf(start + 3) : null, null);
    });

    assertThat(p.stream().limit(4).collect(Collectors.toList())).containsExactly(0, 1, 2, 3);
    assertThat(fetched).containsExactly("null", "3");
  }

  @Test
  void limitStopsBeforeFetchingFurtherPages() {
    Paginator<Integer> p = Paginator.cursor(cursor -> {
      fetched.add(String.valueOf(cursor));
      int start = cursor == null ? 0 : Integer.parseInt(cursor);
      return Page.of(range(start, start + 3), String.valueOf(start + 3), null);
    }).limit(6);

    assertThat(p).containsExactly(0, 1, 2, 3, 4, 5);
    assertThat(fetched).containsExactly("null", "3");
  }

  @Test
  void eachIterationStartsFromTheFirstPage() {
    Paginator<Integer> p = Paginator.cursor(c -> Page.of(range(0, 2), null, null));
    assertThat(p).containsExactly(0, 1);
    assertThat(p).containsExactly(0, 1);
  }

  @Test
  void aRepeatedCursorIsRefusedRatherThanLoopingForever() {
    Paginator<Integer> p = Paginator.cursor(c -> Page.of(range(0, 1), "same", null));
    assertThatThrownBy(() -> p.forEach(i -> { })).isInstanceOf(GridcastException.class).hasMessageContaining("same");
  }

  @Test
  void aCursorCycleThroughSeveralPagesIsRefusedRatherThanPagedForever() {
    Paginator<Integer> cycling = Paginator.cursor(c -> Page.of(List.of(1), c == null ? "A" : c.equals("A") ? "B" : "A", null));

    assertThatThrownBy(() -> cycling.forEach(i -> { })).isInstanceOf(GridcastException.class)
        .hasMessageContaining("sent before");
  }
}
