package io.gridcast.core.http;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs each HTTP exchange at DEBUG on logger {@code io.gridcast.http}: method, redacted URL,
 * status, duration and request id, and at TRACE the header names with sensitive values
 * (Authorization, cookies, tokens, secrets, signatures) replaced by {@code ██}. Bodies are never
 * logged. Thread-safe.
 */
public final class LoggingInterceptor implements Interceptor {

  private static final Logger LOG = LoggerFactory.getLogger("io.gridcast.http");

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (!LOG.isDebugEnabled()) {
      return chain.proceed(request);
    }
    long start = System.nanoTime();
    String url = Redaction.url(request.url());
    if (LOG.isTraceEnabled()) {
      LOG.trace("--> {} {} headers={}", request.method(), url, headers(request.headers()));
    }
    try {
      Response response = chain.proceed(request);
      long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      String requestId = response.header("X-Request-Id", response.header("x-request-id"));
      LOG.debug("<-- {} {} {} ({} ms){}", response.code(), request.method(), url, ms,
          requestId == null ? "" : " request-id=" + requestId);
      if (LOG.isTraceEnabled()) {
        LOG.trace("<-- headers={}", headers(response.headers()));
      }
      return response;
    } catch (IOException e) {
      LOG.debug("<-- failed {} {}: {}", request.method(), url, e.getClass().getSimpleName());
      throw e;
    }
  }

  static String headers(okhttp3.Headers headers) {
    StringBuilder sb = new StringBuilder("{");
    for (int i = 0; i < headers.size(); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      String name = headers.name(i);
      sb.append(name).append('=').append(Redaction.isSensitiveHeader(name) ? Redaction.MASK : headers.value(i));
    }
    return sb.append('}').toString();
  }
}
