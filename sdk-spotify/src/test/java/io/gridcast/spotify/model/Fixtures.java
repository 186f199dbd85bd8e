package io.gridcast.spotify.model;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridcast.core.GridcastJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads the JSON fixtures under {@code src/test/resources/fixtures}. */
final class Fixtures {

  static final ObjectMapper JSON = GridcastJson.newObjectMapper();

  private Fixtures() {}

  static <T> T read(String name, Class<T> type) {
    try (InputStream in = open(name)) {
      return JSON.readValue(in, type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static <T> T read(String name, TypeReference<T> type) {
    try (InputStream in = open(name)) {
      return JSON.readValue(in, type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream open(String name) {
    InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name);
    if (in == null) {
      throw new IllegalArgumentException("no fixture " + name);
    }
    return in;
  }
}
