package io.gridcast.core.auth;

import io.gridcast.core.errors.GridcastException;
import io.gridcast.core.http.GridcastIOException;
import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds {@code Authorization: Bearer …} from an {@link AccessTokenProvider}. On a 401 it asks
 * the provider for a fresh token once and retries the request once; a second 401 is returned
 * to the caller (and becomes an {@code UnauthorizedException}) — never a loop. Thread-safe.
 */
public final class BearerAuthInterceptor implements Interceptor {

  private static final Logger LOG = LoggerFactory.getLogger(BearerAuthInterceptor.class);

  private final AccessTokenProvider tokens;

  public BearerAuthInterceptor(AccessTokenProvider tokens) {
    this.tokens = tokens;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    AccessToken token = obtain(() -> tokens.token());
    Response response = chain.proceed(withToken(request, token));
    if (response.code() != 401) {
      return response;
    }
    response.close();
    LOG.debug("401 from {} {}; refreshing the access token once", request.method(), request.url().encodedPath());
    AccessToken fresh = obtain(() -> tokens.refresh(token));
    return chain.proceed(withToken(request, fresh));
  }

  /**
   * Token failures travel through OkHttp as {@link GridcastIOException}s: a RuntimeException
   * thrown from an interceptor would lose its type on the async path and escape on the
   * dispatcher thread.
   */
  private static AccessToken obtain(java.util.function.Supplier<AccessToken> fetch) throws GridcastIOException {
    AccessToken token;
    try {
      token = fetch.get();
    } catch (GridcastException e) {
      throw new GridcastIOException(e);
    } catch (RuntimeException e) {
      throw new GridcastIOException(new GridcastException("obtaining an access token failed: "
          + e.getClass().getSimpleName(), e));
    }
    requireHeaderSafe(token);
    return token;
  }

  /**
   * Refuses a token that could not travel in a header (CR, LF, other control or non-ASCII
   * characters: a hostile token endpoint or a broken provider) before anything is sent. Left to
   * OkHttp, it would be an IllegalArgumentException on the blocking path and would escape on the
   * dispatcher thread on the asynchronous one.
   */
  private static void requireHeaderSafe(AccessToken token) throws GridcastIOException {
    String value = token.value().reveal();
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x21 || c > 0x7e) {
        throw new GridcastIOException(new GridcastException("the access token contains a character that is not"
            + " allowed in an HTTP header (at index " + i + "); the request was not sent: check the token provider"));
      }
    }
  }

  private static Request withToken(Request request, AccessToken token) {
    return request.newBuilder().header("Authorization", "Bearer " + token.value().reveal()).build();
  }
}
