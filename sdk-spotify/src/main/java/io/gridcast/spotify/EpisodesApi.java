package io.gridcast.spotify;

import io.gridcast.core.paging.Paginator;
import io.gridcast.spotify.SpotifyUri.Type;
import io.gridcast.spotify.model.Episode;
import io.gridcast.spotify.model.SavedEpisode;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Podcast episodes. Obtain from {@link SpotifyClient#episodes()}. Thread-safe. Ids may be bare,
 * {@code spotify:episode:…} URIs or open.spotify.com links.
 */
public final class EpisodesApi {

  private final SpotifyContext ctx;

  EpisodesApi(SpotifyContext ctx) {
    this.ctx = ctx;
  }

  /** One episode. @throws io.gridcast.core.errors.NotFoundException if Spotify does not know it */
  public Episode get(String episodeId, Market market) {
    return ctx.service.episode(SpotifyContext.id(Type.EPISODE, episodeId), ctx.market(market));
  }

  /**
   * One episode, in the client's default market.
   *
   * @throws io.gridcast.core.errors.NotFoundException if Spotify does not know it
   */
  public Episode get(String episodeId) {
    return get(episodeId, null);
  }

  /**
   * One episode, asynchronously; {@code market} may be {@code null} for the client's default
   * market. Request failures complete the future exceptionally; an invalid id throws
   * {@link IllegalArgumentException} at once.
   */
  public CompletableFuture<Episode> getAsync(String episodeId, Market market) {
    return ctx.service.episodeAsync(SpotifyContext.id(Type.EPISODE, episodeId), ctx.market(market));
  }

  /** Several episodes with bounded concurrency, in request order; see {@link ShowsApi#getMany}. */
  public BatchResult<Episode> getMany(List<String> episodeIds, Market market) {
    return Batches.fetch(ctx, episodeIds, Type.EPISODE, id -> getAsync(id, market));
  }

  /** The episodes the current user saved, paged lazily. */
  public Paginator<SavedEpisode> saved(Market market) {
    String m = ctx.market(market);
    return ctx.pages(() -> ctx.service.savedEpisodes(m, ctx.pageSize, 0), ctx.service::savedEpisodesPage);
  }
}
