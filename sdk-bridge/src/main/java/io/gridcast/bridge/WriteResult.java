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
  private final String attributes;

  private WriteResult(String targetId, Long version, String foundFingerprint, String attributes) {
    this.targetId = Objects.requireNonNull(targetId, "targetId");
    this.version = version;
    this.foundFingerprint = foundFingerprint;
    this.attributes = attributes;
  }

  /** A resource as written, with its version or {@code null}. */
  public static WriteResult of(String targetId, Long version) {
    return new WriteResult(targetId, version, null, null);
  }

  /**
   * A resource found on the target, with the fingerprint of the content it holds (or
   * {@code null} when unknown: the bridge then updates it to be sure).
   */
  public static WriteResult found(String targetId, Long version, String contentFingerprint) {
    return new WriteResult(targetId, version, contentFingerprint, null);
  }

  /**
   * A copy carrying small flow-specific state (JSON) to keep in the ledger entry, e.g. the ids
   * of the assignments a training post was given. Without it, the entry keeps its previous
   * attributes.
   */
  public WriteResult withAttributes(String attributesJson) {
    return new WriteResult(targetId, version, foundFingerprint, attributesJson);
  }

  /** The id of the target resource. */
  public String targetId() {
    return targetId;
  }

  /** The target resource's version; empty when the target does not version resources. */
  public Optional<Long> version() {
    return Optional.ofNullable(version);
  }

  /** For found resources: the fingerprint of their current content, when known. */
  public Optional<String> foundFingerprint() {
    return Optional.ofNullable(foundFingerprint);
  }

  /** Flow-specific state to record in the ledger, when the sink set some. */
  public Optional<String> attributes() {
    return Optional.ofNullable(attributes);
  }

  @Override
  public String toString() {
    return "WriteResult{targetId=" + targetId + ", version=" + version + '}';
  }
}
