package io.gridcast.bridge.flows;

import io.gridcast.bridge.Fingerprints;
import io.gridcast.spotify.SpotifyId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The supporting documents of a training series, read from a folder: files directly in it are
 * shared by every post, files in a sub-folder named after an episode's Spotify id belong to that
 * episode. Each file's {@code externalRef} is {@code gridcast:training-document:<relative
 * path>:<first 16 hex of its SHA-256>}: the same file is uploaded once for all posts and found
 * again by every run; a changed file becomes a new document. Files are read in name order;
 * hidden files are skipped. Immutable snapshot; thread-safe.
 */
final class TrainingDocuments {

  private static final Map<String, String> TYPES = Map.ofEntries(
      Map.entry("pdf", "application/pdf"), Map.entry("md", "text/markdown"), Map.entry("txt", "text/plain"),
      Map.entry("csv", "text/csv"), Map.entry("html", "text/html"), Map.entry("png", "image/png"),
      Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"), Map.entry("mp3", "audio/mpeg"),
      Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
      Map.entry("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
      Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));

  private final Path folder;
  private final List<PostDocument> shared;

  private TrainingDocuments(Path folder, List<PostDocument> shared) {
    this.folder = folder;
    this.shared = shared;
  }

  /** No documents. */
  static TrainingDocuments none() {
    return new TrainingDocuments(null, List.of());
  }

  /** Reads the shared files of {@code folder} now. */
  static TrainingDocuments read(Path folder) {
    return new TrainingDocuments(folder, files(folder, folder));
  }

  /**
   * The documents of one episode: the shared ones, then its own.
   *
   * @throws IllegalArgumentException if {@code episodeId} is not a Spotify id: an id from a
   *     response is written by a stranger, and {@code ../secrets} or {@code /etc} must never
   *     select a folder (a per-item failure, never a file access)
   */
  List<PostDocument> forEpisode(String episodeId) {
    String id = SpotifyId.of(episodeId).value();
    if (folder == null) {
      return shared;
    }
    Path own = folder.resolve(id);
    if (!own.normalize().startsWith(folder.normalize())) { // cannot happen with a valid id; kept as the last guard
      throw new IllegalArgumentException("the documents of episode " + id + " must be a folder inside " + folder);
    }
    if (!Files.isDirectory(own)) {
      return shared;
    }
    List<PostDocument> all = new ArrayList<>(shared);
    all.addAll(files(folder, own));
    return all;
  }

  private static List<PostDocument> files(Path root, Path dir) {
    try (Stream<Path> paths = Files.list(dir)) {
      List<PostDocument> docs = new ArrayList<>();
      for (Path p : paths.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList()) {
        byte[] bytes = Files.readAllBytes(p);
        String relative = root.relativize(p).toString().replace('\\', '/');
        docs.add(PostDocument.of("gridcast:training-document:" + relative + ":" + Fingerprints.sha256Hex(bytes).substring(0, 16),
            p.getFileName().toString(), contentType(p.getFileName().toString()), bytes));
      }
      return docs;
    } catch (IOException e) {
      throw new UncheckedIOException("reading the training documents in " + dir + " failed", e);
    }
  }

  /** The media type by extension (not probed, so that every machine sees the same type). */
  static String contentType(String fileName) {
    int dot = fileName.lastIndexOf('.');
    String ext = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    return TYPES.getOrDefault(ext, "application/octet-stream");
  }
}
