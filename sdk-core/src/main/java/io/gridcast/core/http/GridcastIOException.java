package io.gridcast.core.http;

import io.gridcast.core.errors.GridcastException;
import java.io.IOException;

/**
 * Carries a typed {@link GridcastException} through OkHttp's interceptor chain, which only
 * propagates {@link IOException}s safely. {@link GridcastCallAdapterFactory} unwraps it; users
 * of the raw {@code OkHttpClient} can call {@link #unwrap()}. Never retried.
 */
public final class GridcastIOException extends IOException {

  private static final long serialVersionUID = 1L;

  private final GridcastException error;

  public GridcastIOException(GridcastException error) {
    super(error.getMessage(), error);
    this.error = error;
  }

  /** The typed exception to throw to the caller. */
  public GridcastException unwrap() {
    return error;
  }
}
