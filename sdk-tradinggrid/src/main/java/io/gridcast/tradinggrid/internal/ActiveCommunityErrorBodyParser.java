package io.gridcast.tradinggrid.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridcast.core.GridcastJson;
import io.gridcast.core.errors.ErrorBodyParser;
import io.gridcast.core.errors.ErrorDetails;

/** Reads the contract's error body {@code {"error":{"code","message","requestId"}}}. */
public final class ActiveCommunityErrorBodyParser implements ErrorBodyParser {

  private static final ObjectMapper MAPPER = GridcastJson.newObjectMapper();

  @Override
  public ErrorDetails parse(int status, String contentType, String body) {
    try {
      JsonNode error = MAPPER.readTree(body).path("error");
      if (error.isObject()) {
        return ErrorDetails.of(error.path("code").asText(null), error.path("message").asText(null),
            error.path("requestId").asText(null));
      }
      if (error.isTextual()) { // the OAuth2 token endpoint's shape
        return ErrorDetails.of(error.asText(), MAPPER.readTree(body).path("error_description").asText(null), null);
      }
    } catch (Exception e) {
      // not JSON: the status alone types the error
    }
    return ErrorDetails.none();
  }
}
