package io.gridcast.spotify.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridcast.core.GridcastJson;
import io.gridcast.core.errors.ErrorBodyParser;
import io.gridcast.core.errors.ErrorDetails;

/**
 * Reads Spotify's regular error object {@code {"error":{"status":404,"message":"…"}}} and, for
 * the accounts service, {@code {"error":"invalid_client","error_description":"…"}}.
 */
public final class SpotifyErrorBodyParser implements ErrorBodyParser {

  private static final ObjectMapper MAPPER = GridcastJson.newObjectMapper();

  @Override
  public ErrorDetails parse(int status, String contentType, String body) {
    try {
      JsonNode n = MAPPER.readTree(body);
      if (n == null) {
        return ErrorDetails.none();
      }
      JsonNode error = n.path("error");
      if (error.isObject()) {
        String reason = error.path("reason").asText(null); // player errors carry a reason code
        return ErrorDetails.of(reason, error.path("message").asText(null), null);
      }
      if (error.isTextual()) {
        return ErrorDetails.of(error.asText(), n.path("error_description").asText(null), null);
      }
    } catch (Exception e) {
      // not JSON (an HTML page from a proxy): the status alone types the error
    }
    return ErrorDetails.none();
  }
}
