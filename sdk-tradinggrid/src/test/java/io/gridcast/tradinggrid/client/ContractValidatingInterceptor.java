package io.gridcast.tradinggrid.client;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import io.gridcast.tradinggrid.ActiveCommunityContract;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.GzipSource;
import okio.Okio;

/**
 * An OkHttp network interceptor that validates every request the client sends and every
 * response it receives against the Active Community contract with swagger-request-validator,
 * and records each violation. Tests assert that {@link #violations()} is empty, so that client,
 * sandbox and contract cannot drift apart.
 *
 * <p>JSON bodies are validated against their schemas; multipart uploads and binary downloads
 * are checked for path, parameters, headers, status and content type (the validator cannot read
 * a multipart body's parts). Thread-safe.
 */
final class ContractValidatingInterceptor implements Interceptor {

  private static final OpenApiInteractionValidator VALIDATOR =
      OpenApiInteractionValidator.createForSpecificationUrl(ActiveCommunityContract.openApiResource().toString())
          .build();

  private final String basePath;
  private final List<String> violations = new CopyOnWriteArrayList<>();
  private final List<String> exchanges = new CopyOnWriteArrayList<>();

  /** @param basePath the API base path to strip, e.g. {@code /activecommunity/v1} */
  ContractValidatingInterceptor(String basePath) {
    this.basePath = basePath.endsWith("/") ? basePath.substring(0, basePath.length() - 1) : basePath;
  }

  /** Every violation seen so far, as {@code METHOD path request|response status: [key] message}. */
  List<String> violations() {
    return violations;
  }

  /** {@code METHOD path status} of every exchange seen, in order. */
  List<String> exchanges() {
    return exchanges;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    okhttp3.Request request = chain.request();
    HttpUrl url = request.url();
    String path = url.encodedPath();
    if (!path.startsWith(basePath + "/")) {
      // not an API call (the token endpoint has its own client and tests); pass it through
      return chain.proceed(request);
    }
    path = path.substring(basePath.length());
    Request.Method method = Request.Method.valueOf(request.method());
    record(method, path, "request", VALIDATOR.validateRequest(toValidatorRequest(request, method, path)));

    Response response = chain.proceed(request);
    byte[] bytes = response.body().bytes();
    SimpleResponse.Builder sb = SimpleResponse.Builder.status(response.code());
    for (String name : response.headers().names()) {
      sb.withHeader(name, response.headers(name));
    }
    if (bytes.length > 0) {
      sb.withBody("gzip".equalsIgnoreCase(response.header("Content-Encoding")) ? gunzip(bytes) : bytes);
    }
    exchanges.add(method + " " + path + " " + response.code());
    record(method, path, "response " + response.code(), VALIDATOR.validateResponse(path, method, sb.build()));
    MediaType type = response.body().contentType();
    return response.newBuilder().body(ResponseBody.create(bytes, type)).build();
  }

  private static SimpleRequest toValidatorRequest(okhttp3.Request request, Request.Method method, String path)
      throws IOException {
    SimpleRequest.Builder rb = new SimpleRequest.Builder(method, path);
    for (String name : request.headers().names()) {
      rb.withHeader(name, request.headers(name));
    }
    HttpUrl url = request.url();
    for (String name : url.queryParameterNames()) {
      rb.withQueryParam(name, url.queryParameterValues(name));
    }
    if (request.body() != null) {
      Buffer buffer = new Buffer();
      request.body().writeTo(buffer);
      if (buffer.size() > 0) {
        // JSON is validated against its schema; multipart is checked for presence and content type
        rb.withBody(buffer.readByteArray());
      }
    }
    return rb.build();
  }

  private static byte[] gunzip(byte[] bytes) throws IOException {
    try (var source = Okio.buffer(new GzipSource(new Buffer().write(bytes)))) {
      return source.readByteArray();
    }
  }

  private void record(Request.Method method, String path, String what, ValidationReport report) {
    for (ValidationReport.Message m : report.getMessages()) {
      if (m.getLevel() == ValidationReport.Level.ERROR) {
        violations.add(method + " " + path + " " + what + ": [" + m.getKey() + "] " + m.getMessage());
      }
    }
  }
}
