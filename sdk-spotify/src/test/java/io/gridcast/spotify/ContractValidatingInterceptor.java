package io.gridcast.spotify;

import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.GzipSource;
import okio.Okio;

/**
 * An OkHttp interceptor that holds every Web API request a {@link SpotifyClient} sends, and
 * optionally every response it receives, to Spotify's OpenAPI document, recording each violation.
 * Tests assert that {@link #violations()} is empty, so that client, sandbox and Spotify's contract
 * cannot drift apart.
 *
 * <p>Requests are always judged. Responses are judged only when asked: a sandbox with {@linkplain
 * io.gridcast.testkit.SpotifyQuirk quirks} or injected faults breaks the document on purpose.
 * An error status the operation does not list (Spotify answers 400 and 404 without documenting them
 * everywhere) is judged against the document's error object. Calls to the accounts service pass
 * unjudged. Thread-safe.
 */
public final class ContractValidatingInterceptor implements Interceptor {

  private static final String API_PATH = "/v1";

  private final boolean responses;
  private final List<String> violations = new CopyOnWriteArrayList<>();
  private final List<String> exchanges = new CopyOnWriteArrayList<>();

  private ContractValidatingInterceptor(boolean responses) {
    this.responses = responses;
  }

  /** Judges requests and responses: for a strict sandbox. */
  public static ContractValidatingInterceptor requestsAndResponses() {
    return new ContractValidatingInterceptor(true);
  }

  /** Judges requests only: for a sandbox with quirks or faults. */
  public static ContractValidatingInterceptor requestsOnly() {
    return new ContractValidatingInterceptor(false);
  }

  /** Every violation so far, as {@code METHOD path request|-> status: [key] message}. */
  public List<String> violations() {
    return violations;
  }

  /** {@code METHOD path status} of every exchange judged, in order. */
  public List<String> exchanges() {
    return exchanges;
  }

  public void clear() {
    violations.clear();
    exchanges.clear();
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    okhttp3.Request request = chain.request();
    String path = request.url().encodedPath();
    if (!path.startsWith(API_PATH + "/")) {
      return chain.proceed(request); // the accounts service: not part of the Web API document
    }
    Request.Method method = Request.Method.valueOf(request.method());
    violations.addAll(SpotifyContract.errors(method + " " + path + " request: ",
        SpotifyContract.VALIDATOR.validateRequest(toValidatorRequest(request, method, path))));

    Response response = chain.proceed(request);
    exchanges.add(method + " " + path + " " + response.code());
    if (!responses) {
      return response;
    }
    byte[] bytes = response.body().bytes();
    byte[] plain = "gzip".equalsIgnoreCase(response.header("Content-Encoding")) ? gunzip(bytes) : bytes;
    ValidationReport report = SpotifyContract.VALIDATOR.validateResponse(path, method, toValidatorResponse(response, response.code(), plain));
    if (response.code() >= 400 && report.getMessages().stream().anyMatch(m -> m.getKey().equals("validation.response.status.unknown"))) {
      report = SpotifyContract.VALIDATOR.validateResponse(API_PATH + "/me", Request.Method.GET, toValidatorResponse(response, 401, plain));
    }
    violations.addAll(SpotifyContract.errors(method + " " + path + " -> " + response.code() + ": ", report));
    return response.newBuilder().body(ResponseBody.create(bytes, response.body().contentType())).build();
  }

  private static SimpleRequest toValidatorRequest(okhttp3.Request request, Request.Method method, String path) throws IOException {
    SimpleRequest.Builder b = new SimpleRequest.Builder(method, path);
    for (String name : request.headers().names()) {
      b.withHeader(name, request.headers(name));
    }
    HttpUrl url = request.url();
    for (String name : url.queryParameterNames()) {
      b.withQueryParam(name, url.queryParameterValues(name));
    }
    if (request.body() != null) {
      Buffer buffer = new Buffer();
      request.body().writeTo(buffer);
      if (buffer.size() > 0) {
        b.withBody(buffer.readByteArray());
      }
    }
    return b.build();
  }

  private static byte[] gunzip(byte[] bytes) throws IOException {
    try (var source = Okio.buffer(new GzipSource(new Buffer().write(bytes)))) {
      return source.readByteArray();
    }
  }

  private static SimpleResponse toValidatorResponse(Response response, int status, byte[] bytes) {
    SimpleResponse.Builder b = SimpleResponse.Builder.status(status);
    for (String name : response.headers().names()) {
      b.withHeader(name, response.headers(name));
    }
    if (bytes.length > 0) {
      b.withBody(bytes);
    }
    return b.build();
  }
}
