package io.gridcast.spotify.model;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Decodes a playlist item's {@code item}/{@code track} object by its {@code type} field. */
final class PlaylistItemContentDeserializer extends StdDeserializer<PlaylistItemContent> {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(PlaylistItemContentDeserializer.class);

  PlaylistItemContentDeserializer() {
    super(PlaylistItemContent.class);
  }

  @Override
  public PlaylistItemContent deserialize(JsonParser parser, DeserializationContext context)
      throws IOException {
    JsonNode node = context.readTree(parser);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isObject()) {
      return context.reportInputMismatch(
          this, "a playlist item must be a JSON object or null, not %s", node.getNodeType());
    }
    JsonNode typeNode = node.get("type");
    String type = typeNode == null || typeNode.isNull() ? "track" : typeNode.asText();
    switch (type) {
      case "track":
        return context.readTreeAsValue(node, Track.class);
      case "episode":
        return context.readTreeAsValue(node, Episode.class);
      default:
        LOG.debug("Skipping playlist item of unsupported type '{}'", type);
        return null;
    }
  }
}
