package io.gridcast.core.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import okhttp3.RequestBody;
import retrofit2.Converter;
import retrofit2.Retrofit;

/**
 * Encodes {@code @Body} parameters as JSON. Responses are decoded by
 * {@link GridcastCallAdapterFactory}, which needs the status to type its errors.
 */
final class JacksonRequestConverterFactory extends Converter.Factory {

  private final ObjectMapper mapper;

  JacksonRequestConverterFactory(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  public Converter<?, RequestBody> requestBodyConverter(
      Type type, Annotation[] parameterAnnotations, Annotation[] methodAnnotations, Retrofit retrofit) {
    if (type == RequestBody.class) {
      return null; // Retrofit's built-in pass-through
    }
    ObjectWriter writer = mapper.writerFor(mapper.constructType(type));
    return value -> GridcastHttp.jsonBody(writer.writeValueAsBytes(value));
  }
}
