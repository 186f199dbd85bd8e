package io.gridcast.tradinggrid.model;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.gridcast.core.Secret;
import java.io.IOException;

/**
 * Writes a {@link Secret} as its plain value where the contract carries one (a webhook's signing
 * key) and reads it back. The value is only ever written into a request body, never a log.
 */
final class SecretJson {

  private SecretJson() {}

  static final class Serializer extends StdSerializer<Secret> {
    Serializer() {
      super(Secret.class);
    }

    @Override
    public void serialize(Secret value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      gen.writeString(value.reveal());
    }
  }

  static final class Deserializer extends StdDeserializer<Secret> {
    Deserializer() {
      super(Secret.class);
    }

    @Override
    public Secret deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      String text = p.getValueAsString();
      if (text == null || text.isBlank()) {
        return (Secret) ctxt.handleWeirdStringValue(Secret.class, text, "secret must not be blank");
      }
      return Secret.of(text);
    }
  }
}
