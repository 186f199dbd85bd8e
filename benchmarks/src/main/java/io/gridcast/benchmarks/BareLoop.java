package io.gridcast.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridcast.benchmarks.RequestRecorder.Recorded;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The baseline: a plain OkHttp loop sending the requests a bridge run sent (the same token
 * fetches, page reads, {@code externalRef} look-ups and post creates, with the same headers and
 * bodies), one after another, reading every response body in full. No mapping, no state: the
 * only thing it decodes is the {@code access_token} of the two token responses.
 */
final class BareLoop {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final OkHttpClient client;

  BareLoop(OkHttpClient client) {
    this.client = client;
  }

  /** Sends every request; returns how many were answered with a 2xx. */
  int run(List<Recorded> requests) throws IOException {
    Map<String, String> tokens = new HashMap<>();
    int ok = 0;
    for (Recorded r : requests) {
      Request.Builder b = new Request.Builder().url(r.url()).headers(r.headers())
          .method(r.method(), r.body() == null ? null : RequestBody.create(r.body(), r.contentType()));
      if (r.bearer()) {
        b.header("Authorization", "Bearer " + tokens.get(r.server()));
      }
      try (Response response = client.newCall(b.build()).execute()) {
        byte[] body = response.body().bytes();
        if (response.isSuccessful()) {
          ok++;
          if (r.isTokenRequest()) {
            tokens.put(r.server(), JSON.readTree(body).path("access_token").asText());
          }
        }
      }
    }
    return ok;
  }
}
