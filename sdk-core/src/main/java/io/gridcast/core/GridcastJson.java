package io.gridcast.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one configured Jackson {@link ObjectMapper} used by every Gridcast client.
 *
 * <p>Settings: unknown properties are ignored (a new platform field never breaks a caller);
 * unknown enum values decode as the constant annotated {@code @JsonEnumDefaultValue} where one
 * exists; {@code java.time} types are read and written as ISO-8601 strings, never as numbers;
 * {@code Optional} is supported; absent ({@code null} or empty {@code Optional}) values are not
 * written; {@code null} for a primitive is accepted as the default rather than failing.
 *
 * <p>Each call returns a new mapper, so callers may reconfigure their copy. A mapper is
 * thread-safe once configured; keep and share it.
 */
public final class GridcastJson {

  private GridcastJson() {}

  /** Returns a newly configured mapper; share the result rather than calling this per request. */
  public static ObjectMapper newObjectMapper() {
    return JsonMapper.builder()
        .addModule(new Jdk8Module())
        .addModule(new JavaTimeModule())
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        .serializationInclusion(JsonInclude.Include.NON_ABSENT)
        .build();
  }
}
