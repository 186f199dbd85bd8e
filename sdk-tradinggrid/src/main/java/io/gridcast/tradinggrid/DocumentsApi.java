package io.gridcast.tradinggrid;

import io.gridcast.core.errors.GridcastException;
import io.gridcast.core.paging.Paginator;
import io.gridcast.tradinggrid.model.Document;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.RequestBody;

/**
 * Documents: multipart upload with a size cap and an end-to-end SHA-256 check, and download.
 * Obtain from {@link TradingGridClient#documents()}. Thread-safe. List filter:
 * {@code externalRef}.
 */
public final class DocumentsApi {

  /** The contract's upload cap: 25 MiB. */
  public static final long MAX_UPLOAD_BYTES = 26_214_400L;

  private static final Pattern CONTENT_TYPE = Pattern.compile("[a-z0-9!#$&^_.+-]+/[a-z0-9!#$&^_.+-]+", Pattern.CASE_INSENSITIVE);
  private static final MediaType TEXT = MediaType.get("text/plain; charset=utf-8");

  private final TradingGridContext ctx;

  DocumentsApi(TradingGridContext ctx) {
    this.ctx = ctx;
  }

  /**
   * Uploads a file.
   *
   * @param contentType the document's media type, e.g. {@code audio/mpeg}
   * @param externalRef your reference for it, or {@code null}
   * @param idempotencyKey makes the upload safe to retry, or {@code null}
   * @throws IllegalArgumentException if the file is missing, larger than
   *     {@value #MAX_UPLOAD_BYTES} bytes, or the content type is not a media type
   * @throws DocumentIntegrityException if the server's SHA-256 differs from the bytes sent
   */
  public Document upload(Path file, String contentType, String externalRef, String idempotencyKey) {
    if (file == null || !Files.isRegularFile(file)) {
      throw new IllegalArgumentException("document file does not exist or is not a regular file: " + file);
    }
    try {
      long size = Files.size(file);
      if (size > MAX_UPLOAD_BYTES) {
        throw tooLarge(file.getFileName().toString(), size);
      }
      return upload(Files.readAllBytes(file), file.getFileName().toString(), contentType, externalRef, idempotencyKey);
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + file + " failed", e);
    }
  }

  /**
   * Uploads the bytes of a stream (read up to the cap; the stream is not closed).
   *
   * @see #upload(Path, String, String, String)
   */
  public Document upload(InputStream in, String fileName, String contentType, String externalRef, String idempotencyKey) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[64 * 1024];
      long total = 0;
      int n;
      while ((n = in.read(buf)) > 0) {
        total += n;
        if (total > MAX_UPLOAD_BYTES) {
          throw tooLarge(fileName, total);
        }
        out.write(buf, 0, n);
      }
      return upload(out.toByteArray(), fileName, contentType, externalRef, idempotencyKey);
    } catch (IOException e) {
      throw new UncheckedIOException("reading the document stream failed", e);
    }
  }

  /** Uploads bytes. @see #upload(Path, String, String, String) */
  public Document upload(byte[] bytes, String fileName, String contentType, String externalRef, String idempotencyKey) {
    if (bytes == null) {
      throw new IllegalArgumentException("document bytes are missing");
    }
    if (bytes.length > MAX_UPLOAD_BYTES) {
      throw tooLarge(fileName, bytes.length);
    }
    if (fileName == null || fileName.isBlank() || fileName.length() > 255) {
      throw new IllegalArgumentException("fileName must be 1-255 characters");
    }
    if (contentType == null || !CONTENT_TYPE.matcher(contentType).matches()) {
      throw new IllegalArgumentException("contentType must be a media type such as application/pdf or audio/mpeg, was: " + contentType);
    }
    MediaType type = MediaType.get(contentType);
    String sha256 = sha256(bytes);
    MultipartBody.Part file = MultipartBody.Part.createFormData("file", fileName, RequestBody.create(bytes, type));
    Document doc = ctx.service.uploadDocument(ctx.communityId, TradingGridContext.idempotencyKey(idempotencyKey), file,
        RequestBody.create(contentType, TEXT), RequestBody.create(fileName, TEXT),
        externalRef == null ? null : RequestBody.create(externalRef, TEXT));
    if (!doc.sha256().equalsIgnoreCase(sha256)) {
      throw new DocumentIntegrityException("document " + doc.id() + " was stored with SHA-256 " + doc.sha256()
          + " but the bytes sent hash to " + sha256 + "; upload it again");
    }
    return doc;
  }

  /**
   * A document's metadata (not its bytes: see {@link #download(String)}).
   *
   * @throws IllegalArgumentException if the id is not 1-64 characters of {@code A-Z a-z 0-9 _ -}
   * @throws io.gridcast.core.errors.NotFoundException if it does not exist
   */
  public Document get(String documentId) {
    return ctx.service.getDocument(ctx.communityId, TradingGridContext.id("document id", documentId));
  }

  /**
   * The community's documents matching {@code query}, paged lazily.
   *
   * @throws IllegalArgumentException if {@code query} filters by anything but {@code externalRef}
   */
  public Paginator<Document> list(ListQuery query) {
    return ctx.list("listDocuments", query, Set.of("externalRef"),
        (limit, cursor, f) -> ctx.service.listDocuments(ctx.communityId, limit, cursor, f));
  }

  /** The document uploaded with this {@code externalRef}, if any. */
  public Optional<Document> findByExternalRef(String externalRef) {
    return list(TradingGridContext.byExternalRef(externalRef)).limit(1).stream().findFirst();
  }

  /**
   * Downloads a document's bytes, checked against its SHA-256 (bodies are capped by the
   * client's {@code TransportConfig.maxResponseBytes}).
   *
   * @throws DocumentIntegrityException if the bytes do not match the document's SHA-256
   */
  public byte[] download(String documentId) {
    Document meta = get(documentId); // validates documentId
    // the caller's id, not the one the server answered with: that one is unchecked and could lead
    // the content request elsewhere (an id of "../../x" would be sent as a path)
    byte[] bytes = ctx.service.downloadDocumentContent(ctx.communityId, documentId);
    String actual = sha256(bytes);
    if (!actual.equalsIgnoreCase(meta.sha256())) {
      throw new DocumentIntegrityException("downloaded content of document " + meta.id() + " hashes to " + actual
          + " but the document's SHA-256 is " + meta.sha256());
    }
    return bytes;
  }

  /** Downloads into {@code target} atomically (a temporary file is moved into place). */
  public Path download(String documentId, Path target) {
    byte[] bytes = download(documentId);
    Path tmp = null;
    try {
      Path dir = target.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      tmp = Files.createTempFile(dir, ".download-", ".tmp");
      Files.write(tmp, bytes);
      Path done = Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      tmp = null;
      return done;
    } catch (IOException e) {
      throw new UncheckedIOException("writing " + target + " failed", e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // the temporary file is in the target's folder and named .download-*.tmp
        }
      }
    }
  }

  private static IllegalArgumentException tooLarge(String name, long size) {
    return new IllegalArgumentException("document " + name + " is " + size + " bytes; Active Community accepts at most "
        + MAX_UPLOAD_BYTES + " bytes (25 MiB)");
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by the Java platform", e);
    }
  }

  /** The bytes stored or received differ from the bytes sent or promised. */
  public static final class DocumentIntegrityException extends GridcastException {
    private static final long serialVersionUID = 1L;

    DocumentIntegrityException(String message) {
      super(message);
    }
  }
}
