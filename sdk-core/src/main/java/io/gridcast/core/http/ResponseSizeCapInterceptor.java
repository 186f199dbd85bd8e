package io.gridcast.core.http;

import io.gridcast.core.errors.ResponseTooLargeException;
import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;

/**
 * Refuses response bodies over a cap: up front when {@code Content-Length} says so, otherwise
 * as soon as more than the cap has been read (so a chunked or lying server cannot exhaust
 * memory). Applied after decompression. Thread-safe.
 */
final class ResponseSizeCapInterceptor implements Interceptor {

  private final long maxBytes;

  ResponseSizeCapInterceptor(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    Response response = chain.proceed(request);
    ResponseBody body = response.body();
    if (body.contentLength() > maxBytes) {
      response.close();
      throw tooLarge(request);
    }
    BufferedSource capped = Okio.buffer(new ForwardingSource(body.source()) {
      private long total;

      @Override
      public long read(Buffer sink, long byteCount) throws IOException {
        long n = super.read(sink, byteCount);
        if (n > 0) {
          total += n;
          if (total > maxBytes) {
            throw tooLarge(request);
          }
        }
        return n;
      }
    });
    return response.newBuilder()
        .body(ResponseBody.create(capped, body.contentType(), body.contentLength()))
        .build();
  }

  private GridcastIOException tooLarge(Request request) {
    return new GridcastIOException(
        new ResponseTooLargeException(request.method(), Redaction.url(request.url()), maxBytes));
  }
}
