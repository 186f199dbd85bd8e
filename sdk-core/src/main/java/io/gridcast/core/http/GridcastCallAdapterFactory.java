package io.gridcast.core.http;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.gridcast.core.errors.ApiErrors;
import io.gridcast.core.errors.ErrorBodyParser;
import io.gridcast.core.errors.ErrorDetails;
import io.gridcast.core.errors.GridcastException;
import io.gridcast.core.errors.TransportException;
import io.gridcast.core.errors.UnparseableResponseException;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.CallAdapter;
import retrofit2.Callback;
import retrofit2.Response;
import retrofit2.Retrofit;

/**
 * Lets Retrofit interface methods return {@code T} (blocking) or {@code CompletableFuture<T>}
 * and turns every failure into Gridcast's typed errors: an error status through the platform's
 * {@link ErrorBodyParser} and {@link ApiErrors}; an undecodable body into
 * {@link UnparseableResponseException}; I/O into {@link TransportException}. Return types
 * {@code Void} (any 2xx, body ignored), {@code byte[]} (raw body) and {@link ResponseBody} are
 * passed through. Thread-safe.
 */
final class GridcastCallAdapterFactory extends CallAdapter.Factory {

  private final ObjectMapper mapper;
  private final ErrorBodyParser errors;
  private final Clock clock;

  GridcastCallAdapterFactory(ObjectMapper mapper, ErrorBodyParser errors, Clock clock) {
    this.mapper = mapper;
    this.errors = errors;
    this.clock = clock;
  }

  @Override
  public CallAdapter<?, ?> get(Type returnType, Annotation[] annotations, Retrofit retrofit) {
    Class<?> raw = getRawType(returnType);
    if (raw == Call.class) {
      return null; // leave plain Retrofit calls to Retrofit
    }
    if (raw == CompletableFuture.class) {
      if (!(returnType instanceof ParameterizedType)) {
        throw new IllegalArgumentException("CompletableFuture return type must be parameterized");
      }
      Type inner = getParameterUpperBound(0, (ParameterizedType) returnType);
      return new AsyncAdapter(decoderFor(inner));
    }
    return new BlockingAdapter(decoderFor(returnType));
  }

  private Decoder decoderFor(Type type) {
    if (type == Void.class || type == void.class) {
      return bytes -> null;
    }
    if (type == byte[].class) {
      return bytes -> bytes;
    }
    JavaType javaType = mapper.constructType(type);
    ObjectReader reader = mapper.readerFor(javaType);
    return bytes -> {
      Object value = reader.readValue(bytes);
      if (value == null) {
        // a body of just `null` decodes to null: refuse it here rather than hand callers a null model
        throw new IOException("the body is JSON null, not " + javaType.getRawClass().getSimpleName());
      }
      return value;
    };
  }

  @FunctionalInterface
  private interface Decoder {
    Object decode(byte[] bytes) throws IOException;
  }

  private Object handle(Call<ResponseBody> call, Response<ResponseBody> response, Decoder decoder) {
    Request request = call.request();
    if (response.isSuccessful()) {
      byte[] bytes;
      try (ResponseBody body = response.body()) {
        bytes = body == null ? new byte[0] : body.bytes();
      } catch (GridcastIOException e) {
        throw e.unwrap();
      } catch (IOException e) {
        throw new TransportException("reading the response of " + request.method() + ' ' + Redaction.url(request.url())
            + " failed", e);
      }
      try {
        return decoder.decode(bytes);
      } catch (IOException | RuntimeException e) {
        throw new UnparseableResponseException(response.code(), request.method(), Redaction.url(request.url()),
            new String(bytes, StandardCharsets.UTF_8), e);
      }
    }
    String text = "";
    MediaType contentType = null;
    try (ResponseBody body = response.errorBody()) {
      if (body != null) {
        contentType = body.contentType();
        text = body.string();
      }
    } catch (IOException e) {
      text = ""; // the status alone types the error
    }
    ErrorDetails details;
    try {
      details = errors.parse(response.code(), contentType == null ? null : contentType.toString(), text);
    } catch (RuntimeException e) {
      details = ErrorDetails.none();
    }
    String requestId = response.headers().get("X-Request-Id");
    details = details.withRequestIdIfAbsent(requestId);
    Duration retryAfter = RetryAfter.parse(response.headers().get("Retry-After"), clock).orElse(null);
    throw ApiErrors.from(response.code(), request.method(), Redaction.url(request.url()), details, retryAfter);
  }

  private static GridcastException transport(Call<?> call, IOException e) {
    if (e instanceof GridcastIOException) {
      return ((GridcastIOException) e).unwrap();
    }
    Request r = call.request();
    // the class name only: I/O messages can quote raw URLs or headers
    return new TransportException(r.method() + ' ' + Redaction.url(r.url()) + " failed: "
        + e.getClass().getSimpleName(), e);
  }

  private final class BlockingAdapter implements CallAdapter<ResponseBody, Object> {
    private final Decoder decoder;

    BlockingAdapter(Decoder decoder) {
      this.decoder = decoder;
    }

    @Override
    public Type responseType() {
      return ResponseBody.class;
    }

    @Override
    public Object adapt(Call<ResponseBody> call) {
      Response<ResponseBody> response;
      try {
        response = call.execute();
      } catch (IOException e) {
        throw transport(call, e);
      }
      return handle(call, response, decoder);
    }
  }

  private final class AsyncAdapter implements CallAdapter<ResponseBody, CompletableFuture<Object>> {
    private final Decoder decoder;

    AsyncAdapter(Decoder decoder) {
      this.decoder = decoder;
    }

    @Override
    public Type responseType() {
      return ResponseBody.class;
    }

    @Override
    public CompletableFuture<Object> adapt(Call<ResponseBody> call) {
      CompletableFuture<Object> future = new CompletableFuture<>() {
        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
          call.cancel();
          return super.cancel(mayInterruptIfRunning);
        }
      };
      call.enqueue(new Callback<>() {
        @Override
        public void onResponse(Call<ResponseBody> c, Response<ResponseBody> response) {
          try {
            future.complete(handle(c, response, decoder));
          } catch (RuntimeException e) {
            future.completeExceptionally(e);
          }
        }

        @Override
        public void onFailure(Call<ResponseBody> c, Throwable t) {
          future.completeExceptionally(t instanceof IOException ? transport(c, (IOException) t) : t);
        }
      });
      return future;
    }
  }
}
