package io.gridcast.core.auth;

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
    AccessToken token = tokens.token();
    Response response = chain.proceed(withToken(request, token));
    if (response.code() != 401) {
      return response;
    }
    response.close();
    LOG.debug("401 from {} {}; refreshing the access token once", request.method(), request.url().encodedPath());
    AccessToken fresh = tokens.refresh(token);
    return chain.proceed(withToken(request, fresh));
  }

  private static Request withToken(Request request, AccessToken token) {
    return request.newBuilder().header("Authorization", "Bearer " + token.value().reveal()).build();
  }
}
