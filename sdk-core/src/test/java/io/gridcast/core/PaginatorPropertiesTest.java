package io.gridcast.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridcast.core.errors.GridcastException;
import io.gridcast.core.paging.Page;
import io.gridcast.core.paging.Paginator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * However a server chains its page tokens — to the end, into a loop, back to itself — a
 * {@link Paginator} terminates: it either reads every page once or refuses the first token it was
 * sent before with a {@link GridcastException}, and never fetches more pages than there are
 * distinct tokens.
 */
class PaginatorPropertiesTest {

  private static final String END = "";

  /** Each token ("" for the first page) names the token of the page after it ("" ends the list). */
  @Provide
  Arbitrary<Map<String, String>> tokenChains() {
    Arbitrary<String> token = Arbitraries.of("A", "B", "C", "D", "E", END);
    return Arbitraries.maps(Arbitraries.of(END, "A", "B", "C", "D", "E"), token).ofSize(6);
  }

  @Property(tries = 500)
  void pagingTerminatesOnEveryTokenChain(@ForAll("tokenChains") Map<String, String> nextOf) {
    List<String> fetched = new ArrayList<>();
    Paginator<String> paginator = Paginator.cursor(cursor -> {
      String key = cursor == null ? END : cursor;
      fetched.add(key);
      return Page.of(List.of("item on " + key), nextOf.get(key), null);
    });

    List<String> items = new ArrayList<>();
    try {
      paginator.forEach(items::add);
      assertThat(items).as("a chain that ends yields every page it read").hasSize(fetched.size());
      Statistics.label("chain").collect("ends");
    } catch (GridcastException loop) {
      assertThat(loop).hasMessageContaining("sent before");
      assertThat(items).as("the page that pointed back is not yielded").hasSize(fetched.size() - 1);
      Statistics.label("chain").collect("loops");
    }
    Statistics.label("chain").coverage(c -> {
      c.check("ends").count(n -> n > 0);
      c.check("loops").count(n -> n > 0);
    });
    assertThat(new HashSet<>(fetched)).as("no page is fetched twice").hasSameSizeAs(fetched);
    assertThat(fetched.size()).isLessThanOrEqualTo(nextOf.size());
  }
}
