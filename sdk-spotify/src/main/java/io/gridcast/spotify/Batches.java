package io.gridcast.spotify;

import io.gridcast.core.errors.NotFoundException;
import io.gridcast.spotify.SpotifyUri.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/** Many single fetches with bounded concurrency, in request order. */
final class Batches {

  private Batches() {}

  static <T> BatchResult<T> fetch(SpotifyContext ctx, List<String> ids, Type type,
      Function<String, CompletableFuture<T>> fetchOne) {
    if (ids == null) {
      throw new IllegalArgumentException(type.pathName() + " ids are missing: pass a list of ids, possibly empty");
    }
    List<String> validated = new ArrayList<>(ids.size());
    for (String id : ids) {
      validated.add(SpotifyContext.id(type, id)); // refuse bad input before sending anything
    }
    List<CompletableFuture<T>> futures = new ArrayList<>(validated.size());
    try {
      for (String id : validated) {
        ctx.concurrency.acquire();
        CompletableFuture<T> f;
        try {
          f = fetchOne.apply(id);
        } catch (RuntimeException e) {
          ctx.concurrency.release();
          throw e;
        }
        f.whenComplete((r, e) -> ctx.concurrency.release());
        futures.add(f);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      futures.forEach(f -> f.cancel(true));
      throw new IllegalStateException("interrupted while fetching " + type.pathName() + "s", e);
    }
    List<T> found = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (int i = 0; i < futures.size(); i++) {
      try {
        found.add(futures.get(i).join());
      } catch (CompletionException e) {
        if (e.getCause() instanceof NotFoundException) {
          missing.add(validated.get(i));
        } else if (e.getCause() instanceof RuntimeException) {
          throw (RuntimeException) e.getCause();
        } else {
          throw e;
        }
      }
    }
    return new BatchResult<>(found, missing);
  }
}
