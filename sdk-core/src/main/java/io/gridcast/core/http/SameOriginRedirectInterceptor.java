package io.gridcast.core.http;

import io.gridcast.core.errors.RedirectRefusedException;
import java.io.IOException;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows redirects only where credentials stay safe: for {@code GET} and {@code HEAD}, to the
 * same scheme, host and port, at most {@value #MAX_HOPS} in a row. Any other redirect raises a
 * {@link RedirectRefusedException} (through a {@link GridcastIOException}) without contacting its
 * target. The OkHttp client itself follows no redirects: OkHttp would re-send a 307'd POST body
 * to any host.
 *
 * <p>It sits outermost in the chain, so every hop passes through the resilience and bearer-auth
 * interceptors again: the token is added per hop, and only ever to the origin that was called.
 * Thread-safe.
 */
final class SameOriginRedirectInterceptor implements Interceptor {

  /** The most redirects followed for one call. */
  static final int MAX_HOPS = 5;

  private static final Logger LOG = LoggerFactory.getLogger(SameOriginRedirectInterceptor.class);

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    for (int hops = 0; ; hops++) {
      Response response = chain.proceed(request);
      if (!response.isRedirect()) {
        return response;
      }
      int status = response.code();
      String location = response.header("Location");
      response.close();
      HttpUrl target = location == null ? null : request.url().resolve(location);
      String refusal = refusal(request, target, hops);
      if (refusal != null) {
        throw new GridcastIOException(new RedirectRefusedException(status, request.method(),
            Redaction.url(request.url()), target == null ? null : origin(target), refusal));
      }
      LOG.debug("following HTTP {} for {} {} to {}", status, request.method(), Redaction.url(request.url()),
          Redaction.url(target));
      request = request.newBuilder().url(target).build();
    }
  }

  /** Why this redirect must not be followed, or {@code null} when it may be. */
  private static String refusal(Request request, HttpUrl target, int hopsSoFar) {
    if (target == null) {
      return "the answer has no Location a URL can be read from";
    }
    if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
      return "a " + request.method() + " is never re-sent to a redirect's target";
    }
    if (!sameOrigin(request.url(), target)) {
      return "it leads to another scheme, host or port";
    }
    if (hopsSoFar >= MAX_HOPS) {
      return "it would be redirect number " + (hopsSoFar + 1) + ", more than " + MAX_HOPS + " in a row";
    }
    return null;
  }

  private static boolean sameOrigin(HttpUrl a, HttpUrl b) {
    return a.scheme().equals(b.scheme()) && a.host().equals(b.host()) && a.port() == b.port();
  }

  private static String origin(HttpUrl url) {
    return url.scheme() + "://" + (url.host().contains(":") ? "[" + url.host() + "]" : url.host()) + ':' + url.port();
  }
}
