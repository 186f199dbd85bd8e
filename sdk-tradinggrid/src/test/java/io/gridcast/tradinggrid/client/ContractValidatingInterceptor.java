package io.gridcast.tradinggrid.client;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import io.gridcast.tradinggrid.ActiveCommunityContract;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;

/**
 * Validates every request the client sends and every response the sandbox returns against the
 * Active Community contract, and records each violation. Tests assert that {@link #violations()}
 * is empty, so client, sandbox and contract cannot drift apart.
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

  List<String> violations() {
    return violations;
  }

  /** {@code METHOD path status} of every exchange seen. */
  List<String> exchanges() {
    return exchanges;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    okhttp3.Request request = chain.request();
    HttpUrl url = request.url();
    String path = url.encodedPath();
    if (path.startsWith(basePath)) {
      path = path.substring(basePath.length());
    }
    Request.Method method = Request.Method.valueOf(request.method());
    SimpleRequest.Builder rb = new SimpleRequest.Builder(method, path);
    for (String name : request.headers().names()) {
      rb.withHeader(name, request.headers(name));
    }
    for (String name : url.queryParameterNames()) {
      rb.withQueryParam(name, url.queryParameterValues(name));
    }
    MediaType contentType = request.body() == null ? null : request.body().contentType();
    boolean json = contentType != null && contentType.subtype().contains("json");
    if (request.body() != null && json) {
      Buffer buffer = new Buffer();
      request.body().writeTo(buffer);
      rb.withBody(buffer.readString(StandardCharsets.UTF_8));
    }
    if (request.body() != null && !json) {
      // multipart: the validator cannot read it; check the request without its body
      rb.withContentType(contentType == null ? null : contentType.type() + "/" + contentType.subtype());
    }
    if (path.contains("/oauth2/token")) {
      return chain.proceed(request); // form-encoded token requests are covered by the token tests
    }
    if (json || request.body() == null) {
      record(method, path, "request", VALIDATOR.validateRequest(rb.build()));
    }

    Response response = chain.proceed(request);
    ResponseBody body = response.body();
    MediaType responseType = body.contentType();
    SimpleResponse.Builder sb = SimpleResponse.Builder.status(response.code());
    for (String name : response.headers().names()) {
      sb.withHeader(name, response.headers(name));
    }
    Response result = response;
    if (responseType != null && responseType.subtype().contains("json")) {
      byte[] bytes = body.bytes();
      sb.withBody(new String(bytes, StandardCharsets.UTF_8));
      result = response.newBuilder().body(ResponseBody.create(bytes, responseType)).build();
    }
    exchanges.add(method + " " + path + " " + response.code());
    record(method, path, "response " + response.code(), VALIDATOR.validateResponse(path, method, sb.build()));
    return result;
  }

  private void record(Request.Method method, String path, String what, ValidationReport report) {
    for (ValidationReport.Message m : report.getMessages()) {
      if (m.getLevel() == ValidationReport.Level.ERROR) {
        violations.add(method + " " + path + " " + what + ": [" + m.getKey() + "] " + m.getMessage());
      }
    }
  }
}
