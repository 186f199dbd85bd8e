package io.gridcast.core.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridcast.core.GridcastJson;
import io.gridcast.core.errors.ErrorBodyParser;
import io.gridcast.core.errors.ErrorDetails;

/**
 * Reads RFC 6749 §5.2 token-endpoint errors: {@code {"error":"invalid_grant",
 * "error_description":"…"}}; the error code becomes {@link ErrorDetails#code()}. Thread-safe.
 */
public final class OAuthErrorBodyParser implements ErrorBodyParser {

  private static final ObjectMapper MAPPER = GridcastJson.newObjectMapper();

  @Override
  public ErrorDetails parse(int status, String contentType, String body) {
    try {
      JsonNode n = MAPPER.readTree(body);
      if (n != null && n.path("error").isTextual()) {
        return ErrorDetails.of(n.path("error").asText(), n.path("error_description").asText(null), null);
      }
      if (n != null && n.path("error").isObject()) { // some gateways wrap token errors
        JsonNode e = n.path("error");
        return ErrorDetails.of(e.path("code").asText(null), e.path("message").asText(null), e.path("requestId").asText(null));
      }
    } catch (Exception e) {
      // not JSON: the status alone types the error
    }
    return ErrorDetails.none();
  }
}
