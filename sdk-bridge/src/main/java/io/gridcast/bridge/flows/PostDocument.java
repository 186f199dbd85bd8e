package io.gridcast.bridge.flows;

import io.gridcast.bridge.Fingerprints;
import java.util.Objects;

/**
 * A file to attach to a post: its name, media type, bytes and the {@code externalRef} it is
 * uploaded under. Documents never change in Active Community, so the {@code externalRef} should
 * name the content (e.g. end with a content hash): the same reference is uploaded once and
 * found again by every later run, a changed file gets a new reference and a new document.
 * Immutable (the bytes are copied in and out) and thread-safe.
 */
public final class PostDocument {

  private final String externalRef;
  private final String fileName;
  private final String contentType;
  private final byte[] content;
  private final String sha256;

  private PostDocument(String externalRef, String fileName, String contentType, byte[] content) {
    if (externalRef == null || externalRef.isBlank() || externalRef.length() > 512) {
      throw new IllegalArgumentException("document externalRef must be 1-512 characters, was: " + externalRef);
    }
    if (fileName == null || fileName.isBlank() || fileName.length() > 255) {
      throw new IllegalArgumentException("document fileName must be 1-255 characters, was: " + fileName);
    }
    this.externalRef = externalRef;
    this.fileName = fileName;
    this.contentType = Objects.requireNonNull(contentType, "contentType");
    this.content = Objects.requireNonNull(content, "content").clone();
    this.sha256 = Fingerprints.sha256Hex(this.content);
  }

  /**
   * A document.
   *
   * @param externalRef the reference it is uploaded and found under (1-512 characters)
   * @param contentType its media type, e.g. {@code text/csv}
   * @throws IllegalArgumentException for a blank or too long reference or file name
   */
  public static PostDocument of(String externalRef, String fileName, String contentType, byte[] content) {
    return new PostDocument(externalRef, fileName, contentType, content);
  }

  /** The reference the document is uploaded and found under (1-512 characters). */
  public String externalRef() {
    return externalRef;
  }

  /** The file's name (1-255 characters). */
  public String fileName() {
    return fileName;
  }

  /** The document's media type, e.g. {@code text/csv}. */
  public String contentType() {
    return contentType;
  }

  /** A copy of the bytes. */
  public byte[] content() {
    return content.clone();
  }

  /** The SHA-256 of the bytes, lowercase hex. */
  public String sha256() {
    return sha256;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PostDocument d && d.externalRef.equals(externalRef) && d.fileName.equals(fileName)
        && d.contentType.equals(contentType) && d.sha256.equals(sha256);
  }

  @Override
  public int hashCode() {
    return Objects.hash(externalRef, fileName, contentType, sha256);
  }

  @Override
  public String toString() {
    return "PostDocument{" + fileName + ", " + contentType + ", " + content.length + " bytes, externalRef=" + externalRef + '}';
  }
}
