package io.gridcast.spotify;

import io.gridcast.core.paging.Paginator;
import io.gridcast.spotify.SpotifyUri.Type;
import io.gridcast.spotify.model.SavedShow;
import io.gridcast.spotify.model.Show;
import io.gridcast.spotify.model.SimplifiedEpisode;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Podcast shows. Obtain from {@link SpotifyClient#shows()}. Thread-safe. Ids may be given bare,
 * as {@code spotify:show:…} URIs or as open.spotify.com links; anything else raises
 * {@link IllegalArgumentException} before a request is made. A {@code null} market means the
 * client's default market (none unless configured).
 */
public final class ShowsApi {

  private final SpotifyContext ctx;

  ShowsApi(SpotifyContext ctx) {
    this.ctx = ctx;
  }

  /**
   * One show.
   *
   * @throws io.gridcast.core.errors.NotFoundException if Spotify does not know it
   */
  public Show get(String showId, Market market) {
    return ctx.service.show(SpotifyContext.id(Type.SHOW, showId), ctx.market(market));
  }

  /** One show, without a market. */
  public Show get(String showId) {
    return get(showId, null);
  }

  /** One show, asynchronously; the future fails with the same typed errors. */
  public CompletableFuture<Show> getAsync(String showId, Market market) {
    return ctx.service.showAsync(SpotifyContext.id(Type.SHOW, showId), ctx.market(market));
  }

  /**
   * Several shows, fetched one by one with bounded concurrency (Spotify's batch endpoint is
   * deprecated). Order is preserved; unknown ids are reported in {@link BatchResult#missingIds()}.
   * Any other failure raises its typed error.
   */
  public BatchResult<Show> getMany(List<String> showIds, Market market) {
    return Batches.fetch(ctx, showIds, Type.SHOW, id -> getAsync(id, market));
  }

  /** A show's episodes, newest first as Spotify orders them, paged lazily. */
  public Paginator<SimplifiedEpisode> episodes(String showId, Market market) {
    String id = SpotifyContext.id(Type.SHOW, showId);
    String m = ctx.market(market);
    return ctx.pages(() -> ctx.service.showEpisodes(id, m, ctx.pageSize, 0), ctx.service::simplifiedEpisodesPage);
  }

  /** The shows the current user saved (needs a user token with {@code user-library-read}). */
  public Paginator<SavedShow> saved() {
    return ctx.pages(() -> ctx.service.savedShows(ctx.pageSize, 0), ctx.service::savedShowsPage);
  }
}
