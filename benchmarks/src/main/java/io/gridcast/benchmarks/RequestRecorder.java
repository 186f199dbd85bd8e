package io.gridcast.benchmarks;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.Response;
import okio.Buffer;

/**
 * An OkHttp network interceptor that keeps every request as it goes on the wire (method, URL,
 * the headers the caller set, body), so that {@link BareLoop} can send exactly the same ones.
 * Thread-safe.
 */
final class RequestRecorder implements Interceptor {

  /** Headers OkHttp's own bridge adds to every request; the bare client adds them itself. */
  private static final Set<String> TRANSPORT_HEADERS = Set.of("host", "connection", "content-length",
      "transfer-encoding", "accept-encoding", "content-type");

  /** One request; {@code bearer} requests get the replaying side's own token for that server. */
  record Recorded(String method, String url, Headers headers, MediaType contentType, byte[] body, boolean bearer) {

    boolean isTokenRequest() {
      return url.endsWith("/api/token") || url.endsWith("/oauth2/token");
    }

    /** The server a token is valid for. */
    String server() {
      return okhttp3.HttpUrl.get(url).host() + ":" + okhttp3.HttpUrl.get(url).port();
    }
  }

  private final List<Recorded> requests = Collections.synchronizedList(new ArrayList<>());

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request r = chain.request();
    byte[] body = null;
    MediaType contentType = null;
    if (r.body() != null) {
      Buffer buffer = new Buffer();
      r.body().writeTo(buffer);
      body = buffer.readByteArray();
      contentType = r.body().contentType();
    }
    Headers.Builder kept = new Headers.Builder();
    boolean bearer = false;
    for (int i = 0; i < r.headers().size(); i++) {
      String name = r.headers().name(i);
      String value = r.headers().value(i);
      if (name.equalsIgnoreCase("authorization") && value.startsWith("Bearer ")) {
        bearer = true;
      } else if (!TRANSPORT_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
        kept.add(name, value);
      }
    }
    requests.add(new Recorded(r.method(), r.url().toString(), kept.build(), contentType, body, bearer));
    return chain.proceed(r);
  }

  List<Recorded> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }
}
