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
 * hidden files are skipped. An episode's {@code faq.md} is its FAQ sheet ({@link #faqsFor}), shown
 * on its post rather than attached. Immutable snapshot; thread-safe.
 */
final class TrainingDocuments {

  private static final Map<String, String> TYPES = Map.ofEntries(
      Map.entry("pdf", "application/pdf"), Map.entry("md", "text/markdown"), Map.entry("txt", "text/plain"),
      Map.entry("csv", "text/csv"), Map.entry("html", "text/html"), Map.entry("png", "image/png"),
      Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"), Map.entry("mp3", "audio/mpeg"),
      Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
      Map.entry("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
      Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));

  /** The episode's FAQ sheet, read for its questions and not uploaded. */
  static final String FAQ_FILE = "faq.md";

  /** Largest FAQ sheet read, in bytes. */
  static final int MAX_FAQ_BYTES = 256 * 1024;

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

  /**
   * The questions and answers of one episode's FAQ sheet, {@code <folder>/<episode id>/faq.md}, in
   * order; empty when it has none. The sheet is Markdown written by the host: each {@code ## }
   * heading is a question, the text up to the next heading its answer.
   *
   * @throws IllegalArgumentException if the id is not a Spotify id, or the sheet is larger than
   *     256 KB, has text before its first question, or a question without an answer (the message
   *     names the file and line); the item fails and nothing is written for it
   */
  Map<String, String> faqsFor(String episodeId) {
    String id = SpotifyId.of(episodeId).value();
    if (folder == null) {
      return Map.of();
    }
    Path sheet = folder.resolve(id).resolve(FAQ_FILE);
    if (!Files.isRegularFile(sheet)) {
      return Map.of();
    }
    try {
      if (Files.size(sheet) > MAX_FAQ_BYTES) {
        throw new IllegalArgumentException("the FAQ sheet " + sheet + " is larger than " + MAX_FAQ_BYTES + " bytes");
      }
      return parseFaqs(Files.readString(sheet, java.nio.charset.StandardCharsets.UTF_8), sheet.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("reading the FAQ sheet " + sheet + " failed", e);
    }
  }

  /** {@code ## Question} headings, each followed by its answer. */
  static Map<String, String> parseFaqs(String markdown, String where) {
    Map<String, String> faqs = new java.util.LinkedHashMap<>();
    String question = null;
    int questionLine = 0;
    StringBuilder answer = new StringBuilder();
    String[] lines = markdown.split("\\R", -1);
    for (int i = 0; i <= lines.length; i++) {
      String line = i < lines.length ? lines[i] : null;
      if (line == null || line.startsWith("## ")) {
        if (question != null) {
          if (answer.toString().isBlank()) {
            throw new IllegalArgumentException(where + ":" + questionLine + ": the question '" + question + "' has no answer");
          }
          faqs.put(question, answer.toString().strip());
        }
        if (line != null) {
          question = line.substring(3).strip();
          questionLine = i + 1;
          answer.setLength(0);
          if (question.isEmpty()) {
            throw new IllegalArgumentException(where + ":" + questionLine + ": a '## ' heading needs its question");
          }
        }
      } else if (question == null) {
        if (!line.isBlank()) {
          throw new IllegalArgumentException(where + ":" + (i + 1) + ": text before the first question; start each question"
              + " with '## '");
        }
      } else {
        answer.append(line).append('\n');
      }
    }
    return faqs;
  }

  private static List<PostDocument> files(Path root, Path dir) {
    try (Stream<Path> paths = Files.list(dir)) {
      List<PostDocument> docs = new ArrayList<>();
      for (Path p : paths.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
          .filter(p -> !p.getFileName().toString().equals(FAQ_FILE)).sorted().toList()) {
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
