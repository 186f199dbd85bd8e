package io.gridcast.bridge;

import java.util.Objects;
import java.util.Optional;

/**
 * The target resource a write produced: its id, its version when the target versions
 * resources, and the fingerprint of its current content when it was found rather than
 * written (see {@link Sink#findByExternalRef}). Immutable.
 */
public final class WriteResult {

  private final String targetId;
  private final Long version;
  private final String foundFingerprint;

  private WriteResult(String targetId, Long version, String foundFingerprint) {
    this.targetId = Objects.requireNonNull(targetId, "targetId");
    this.version = version;
    this.foundFingerprint = foundFingerprint;
  }

  /** A resource as written, with its version or {@code null}. */
  public static WriteResult of(String targetId, Long version) {
    return new WriteResult(targetId, version, null);
  }

  /**
   * A resource found on the target, with the fingerprint of the content it holds (or
   * {@code null} when unknown: the bridge then updates it to be sure).
   */
  public static WriteResult found(String targetId, Long version, String contentFingerprint) {
    return new WriteResult(targetId, version, contentFingerprint);
  }

  public String targetId() {
    return targetId;
  }

  public Optional<Long> version() {
    return Optional.ofNullable(version);
  }

  /** For found resources: the fingerprint of their current content, when known. */
  public Optional<String> foundFingerprint() {
    return Optional.ofNullable(foundFingerprint);
  }

  @Override
  public String toString() {
    return "WriteResult{targetId=" + targetId + ", version=" + version + '}';
  }
}
