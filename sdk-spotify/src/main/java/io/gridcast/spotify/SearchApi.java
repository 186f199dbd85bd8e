package io.gridcast.spotify;

import io.gridcast.core.errors.GridcastException;
import io.gridcast.core.paging.Paginator;
import io.gridcast.spotify.model.Paging;
import io.gridcast.spotify.model.SearchResults;
import io.gridcast.spotify.model.SimplifiedEpisode;
import io.gridcast.spotify.model.SimplifiedPlaylist;
import io.gridcast.spotify.model.SimplifiedShow;
import io.gridcast.spotify.model.Track;
import java.util.Optional;
import java.util.function.Function;

/**
 * Catalogue search by type, paged lazily. Obtain from {@link SpotifyClient#search()}.
 * Thread-safe.
 *
 * <p>The first request carries the given {@code offset} and the client's page size, at most
 * {@value #MAX_LIMIT}, as {@code limit}; later pages follow Spotify's own {@code next} links, so the {@code null}
 * entries Spotify leaves in some result pages (unavailable playlists) are dropped without
 * upsetting the paging.
 */
public final class SearchApi {

  /** Spotify's largest search page (since 2026; older API versions allowed 50). */
  public static final int MAX_LIMIT = 10;

  private final SpotifyContext ctx;

  SearchApi(SpotifyContext ctx) {
    this.ctx = ctx;
  }

  /**
   * Shows matching {@code query}, paged lazily from the first result; {@code market} may be
   * {@code null} for the client's default market.
   *
   * @throws IllegalArgumentException if {@code query} is blank or longer than 500 characters
   */
  public Paginator<SimplifiedShow> shows(String query, Market market) {
    return search(query, "show", market, 0, SearchResults::shows);
  }

  /**
   * Episodes matching {@code query}, paged lazily from the first result; {@code market} may be
   * {@code null} for the client's default market.
   *
   * @throws IllegalArgumentException if {@code query} is blank or longer than 500 characters
   */
  public Paginator<SimplifiedEpisode> episodes(String query, Market market) {
    return search(query, "episode", market, 0, SearchResults::episodes);
  }

  /**
   * Tracks matching {@code query}, paged lazily from the first result; {@code market} may be
   * {@code null} for the client's default market.
   *
   * @throws IllegalArgumentException if {@code query} is blank or longer than 500 characters
   */
  public Paginator<Track> tracks(String query, Market market) {
    return search(query, "track", market, 0, SearchResults::tracks);
  }

  /**
   * Playlists matching {@code query}, paged lazily from the first result; {@code market} may be
   * {@code null} for the client's default market.
   *
   * @throws IllegalArgumentException if {@code query} is blank or longer than 500 characters
   */
  public Paginator<SimplifiedPlaylist> playlists(String query, Market market) {
    return search(query, "playlist", market, 0, SearchResults::playlists);
  }

  /** Shows from {@code offset} on. */
  public Paginator<SimplifiedShow> shows(String query, Market market, int offset) {
    return search(query, "show", market, offset, SearchResults::shows);
  }

  /** Episodes from {@code offset} on. */
  public Paginator<SimplifiedEpisode> episodes(String query, Market market, int offset) {
    return search(query, "episode", market, offset, SearchResults::episodes);
  }

  /**
   * The raw results of one request, for several types at once.
   *
   * @param types comma-separated, e.g. {@code "show,episode"}
   */
  public SearchResults raw(String query, String types, Market market, int limit, int offset) {
    requireQuery(query);
    if (types == null || !types.matches("[a-z_]+(,[a-z_]+)*")) {
      throw new IllegalArgumentException("types must be a comma-separated list such as \"show,episode\", was: " + types);
    }
    return ctx.service.search(query, types, ctx.market(market), limit, offset);
  }

  private <T> Paginator<T> search(String query, String type, Market market, int offset,
      Function<SearchResults, Optional<Paging<T>>> pick) {
    requireQuery(query);
    if (offset < 0) {
      throw new IllegalArgumentException("offset must be >= 0, was " + offset);
    }
    String m = ctx.market(market);
    // an answer without the section asked for is the server misbehaving: a typed error, not a bug of ours
    Function<SearchResults, Paging<T>> section = r -> pick.apply(r).orElseThrow(() ->
        new GridcastException("Spotify's answer to a " + type + " search has no " + type + "s section"));
    return ctx.pages(
        () -> section.apply(ctx.service.search(query, type, m, Math.min(ctx.pageSize, MAX_LIMIT), offset)),
        url -> section.apply(ctx.service.searchPage(url)));
  }

  private static void requireQuery(String query) {
    if (query == null || query.isBlank()) {
      throw new IllegalArgumentException("search query is missing: pass the words to search for");
    }
    if (query.length() > 500) {
      throw new IllegalArgumentException("search query is longer than 500 characters");
    }
  }
}
