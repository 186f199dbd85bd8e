package io.gridcast.spotify;

import io.gridcast.core.errors.GridcastException;
import io.gridcast.core.paging.Page;
import io.gridcast.core.paging.Paginator;
import io.gridcast.spotify.internal.SpotifyService;
import io.gridcast.spotify.model.Paging;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import java.util.function.Supplier;
import okhttp3.HttpUrl;

/** What the sub-APIs of one {@link SpotifyClient} share. Immutable and thread-safe. */
final class SpotifyContext {

  final SpotifyService service;
  final HttpUrl baseUrl;
  final Market defaultMarket;
  final int pageSize;
  final Semaphore concurrency;

  SpotifyContext(SpotifyService service, HttpUrl baseUrl, Market defaultMarket, int pageSize, int maxConcurrency) {
    this.service = service;
    this.baseUrl = baseUrl;
    this.defaultMarket = defaultMarket;
    this.pageSize = pageSize;
    this.concurrency = new Semaphore(maxConcurrency);
  }

  String market(Market m) {
    return Market.codeOrNull(m != null ? m : defaultMarket);
  }

  /**
   * Accepts a bare id, a {@code spotify:<type>:<id>} URI or an open.spotify.com link of the
   * expected type, and returns the validated bare id, safe to put in a path.
   */
  static String id(SpotifyUri.Type type, String idOrUri) {
    if (idOrUri == null) {
      throw new IllegalArgumentException(type.pathName() + " id is missing");
    }
    if (idOrUri.indexOf(':') >= 0 || idOrUri.indexOf('/') >= 0) {
      SpotifyUri uri = SpotifyUri.parse(idOrUri);
      if (uri.type() != type) {
        throw new IllegalArgumentException("expected a " + type.pathName() + " but got a " + uri.type().pathName()
            + " URI: " + uri);
      }
      return uri.id();
    }
    return SpotifyId.of(idOrUri).value();
  }

  /** Lazily pages a Spotify paging object by following its absolute {@code next} links. */
  <T> Paginator<T> pages(Supplier<Paging<T>> first, Function<String, Paging<T>> nextPage) {
    return Paginator.nextUrl(
        () -> page(first.get()),
        url -> page(nextPage.apply(checkedNext(url))));
  }

  private static <T> Page<T> page(Paging<T> p) {
    return Page.of(p.items(), p.next().orElse(null), (long) p.total());
  }

  /**
   * A next link must point back at the API the client talks to: never send the token elsewhere.
   * A link elsewhere is the server misbehaving, so it raises a typed {@link GridcastException}.
   */
  String checkedNext(String url) {
    HttpUrl next = HttpUrl.parse(url);
    if (next == null || !next.scheme().equals(baseUrl.scheme()) || !next.host().equals(baseUrl.host())
        || next.port() != baseUrl.port() || !next.encodedPath().startsWith(baseUrl.encodedPath())) {
      throw new GridcastException("refusing to follow a paging link outside " + baseUrl + ": "
          + (next == null ? "unparseable link" : next.scheme() + "://" + next.host() + ':' + next.port()));
    }
    return url;
  }
}
