package io.gridcast.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Keeps the Trading Grid sandbox's state in a directory: one JSON file with every community,
 * resource, event, idempotency record and webhook secret, written after each change; document
 * bytes as one file each under {@code tradinggrid-documents/<communityId>/<documentId>}, written
 * once at upload.
 *
 * <p>The JSON goes to a temporary file that is then moved over the old one, so a crash never
 * leaves a half-written state. Access tokens are not kept. Callers hold the store's lock.
 */
final class TgStateFile {

  static final String FILE_NAME = "tradinggrid-sandbox-state.json";
  private static final int FORMAT = 1;

  private final Path file;
  private final Path documents;

  TgStateFile(Path directory) {
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the sandbox state directory " + directory + ": " + e.getMessage(), e);
    }
    this.file = directory.resolve(FILE_NAME);
    this.documents = directory.resolve("tradinggrid-documents");
  }

  Path file() {
    return file;
  }

  boolean exists() {
    return Files.exists(file);
  }

  void save(TgStore store) {
    ObjectNode root = SandboxJson.object().put("format", FORMAT).put("seed", store.seed).put("sequence", store.sequence);
    ArrayNode communities = root.putArray("communities");
    for (TgCommunity c : store.communities.values()) {
      ObjectNode node = communities.addObject()
          .put("tenantId", c.tenantId)
          .put("seq", c.seq)
          .put("feedEpoch", c.feedEpoch);
      node.set("json", c.json);
      ObjectNode collections = node.putObject("collections");
      c.collections.forEach((name, records) -> {
        ArrayNode list = collections.putArray(name);
        for (TgRecord r : records.values()) {
          list.addObject().put("seq", r.seq).set("json", r.json);
        }
      });
      ObjectNode idempotency = node.putObject("idempotency");
      c.idempotency.forEach((scope, rec) -> {
        if (!rec.inFlight()) {
          ObjectNode n = idempotency.putObject(scope).put("status", rec.status());
          n.set("fingerprint", rec.fingerprint());
          n.set("body", rec.body());
        }
      });
      ObjectNode secrets = node.putObject("webhookSecrets");
      c.webhookSecrets.forEach(secrets::put);
    }
    Path tmp = file.resolveSibling(FILE_NAME + ".tmp");
    try {
      SandboxJson.MAPPER.writeValue(tmp.toFile(), root);
      try {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save sandbox state to " + file + ": " + e.getMessage(), e);
    }
  }

  /** Replaces the store's contents with the saved state. */
  void load(TgStore store) {
    JsonNode root;
    try {
      root = SandboxJson.MAPPER.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read sandbox state " + file + " (delete it to start fresh): " + e.getMessage(), e);
    }
    if (root.path("format").asInt() != FORMAT) {
      throw new IllegalStateException("unsupported sandbox state format " + root.path("format") + " in " + file + "; delete the file to start fresh");
    }
    store.clear();
    store.sequence = root.path("sequence").asLong();
    for (JsonNode node : root.path("communities")) {
      var c = new TgCommunity(node.path("tenantId").asText(), (ObjectNode) node.path("json"), node.path("seq").asLong(),
          node.path("feedEpoch").asText());
      for (Iterator<Map.Entry<String, JsonNode>> it = node.path("collections").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> collection = it.next();
        Map<String, TgRecord> records = c.collection(collection.getKey());
        for (JsonNode r : collection.getValue()) {
          var record = new TgRecord(r.path("seq").asLong(), (ObjectNode) r.path("json"));
          records.put(record.id(), record);
        }
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = node.path("idempotency").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode rec = e.getValue();
        c.idempotency.put(e.getKey(), new TgCommunity.Idempotency(rec.path("fingerprint"), rec.path("status").asInt(), rec.path("body"), false));
      }
      node.path("webhookSecrets").fields().forEachRemaining(e -> c.webhookSecrets.put(e.getKey(), e.getValue().asText()));
      for (TgRecord document : c.collection(TgKinds.DOCUMENTS.collection).values()) {
        Path content = documents.resolve(c.id).resolve(document.id());
        if (Files.exists(content)) {
          try {
            c.documentContent.put(document.id(), Files.readAllBytes(content));
          } catch (IOException e) {
            throw new UncheckedIOException("cannot read document " + content + ": " + e.getMessage(), e);
          }
        }
      }
      store.communities.put(c.id, c);
    }
    store.takeDirty();
  }

  void writeDocument(String communityId, String documentId, byte[] content) {
    Path target = documents.resolve(communityId).resolve(documentId);
    try {
      Files.createDirectories(target.getParent());
      Files.write(target, content);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save document " + target + ": " + e.getMessage(), e);
    }
  }

  /** Deletes every stored document file (for a reset). */
  void deleteDocuments() {
    if (!Files.exists(documents)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(documents)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the sandbox's documents under " + documents + ": " + e.getMessage(), e);
    }
  }
}
