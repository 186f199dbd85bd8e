package io.gridcast.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Test helper: real HTTP calls through java.net.http.HttpClient, with JSON parsing. */
final class Http {

  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient CLIENT = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5))
      .build();

  record Reply(int status, HttpResponse<byte[]> raw) {
    String text() {
      return new String(raw.body(), StandardCharsets.UTF_8);
    }

    JsonNode json() {
      try {
        return JSON.readTree(raw.body());
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + text(), e);
      }
    }

    String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }
  }

  /**
   * Sees every reply before the test does ({@code null}: nobody); {@link SpotifyContractChecked}
   * installs one to hold the Spotify sandbox's replies to Spotify's OpenAPI document.
   */
  static volatile java.util.function.Consumer<HttpResponse<byte[]>> observer;

  private Http() {}

  static Reply get(String url, String token) {
    return send(request(url, token).GET().build());
  }

  static Reply json(String method, String url, String token, Object body) {
    try {
      byte[] bytes = body instanceof String ? ((String) body).getBytes(StandardCharsets.UTF_8) : JSON.writeValueAsBytes(body);
      return send(request(url, token).header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofByteArray(bytes)).build());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Reply form(String url, String basicAuth, String form) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form));
    if (basicAuth != null) {
      b.header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(basicAuth.getBytes(StandardCharsets.UTF_8)));
    }
    return send(b.build());
  }

  static Reply bytes(String method, String url, String token, String contentType, byte[] body) {
    return send(request(url, token).header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofByteArray(body)).build());
  }

  static HttpRequest.Builder request(String url, String token) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return b;
  }

  static Reply send(HttpRequest request) {
    try {
      HttpResponse<byte[]> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
      var seen = observer;
      if (seen != null) {
        seen.accept(response);
      }
      return new Reply(response.statusCode(), response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
