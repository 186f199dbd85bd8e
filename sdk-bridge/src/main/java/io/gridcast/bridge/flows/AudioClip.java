package io.gridcast.bridge.flows;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * An audio file to publish as an episode: its name, media type ({@code audio/*}), bytes and,
 * when known, its playing time. Immutable (the bytes are copied in and out).
 */
public final class AudioClip {

  private final String fileName;
  private final String contentType;
  private final byte[] content;
  private final Duration duration;

  private AudioClip(String fileName, String contentType, byte[] content, Duration duration) {
    this.fileName = fileName;
    this.contentType = contentType;
    this.content = content;
    this.duration = duration;
  }

  /**
   * An audio clip of unknown duration.
   *
   * @throws IllegalArgumentException if the file name is blank, the content type is not
   *     {@code audio/*}, or the content is empty
   */
  public static AudioClip of(String fileName, String contentType, byte[] content) {
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(content, "content");
    if (fileName.isBlank()) {
      throw new IllegalArgumentException("fileName must not be blank");
    }
    if (!isAudio(contentType)) {
      throw new IllegalArgumentException("contentType must be audio/*, was " + contentType);
    }
    if (content.length == 0) {
      throw new IllegalArgumentException("content of " + fileName + " is empty");
    }
    return new AudioClip(fileName, contentType, content.clone(), null);
  }

  /** A copy stating the playing time. @throws IllegalArgumentException if negative */
  public AudioClip withDuration(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("duration must not be negative, was " + duration);
    }
    return new AudioClip(fileName, contentType, content, duration);
  }

  /** Whether a media type is an audio type ({@code audio/...}, parameters ignored). */
  public static boolean isAudio(String contentType) {
    return contentType != null && contentType.strip().toLowerCase(java.util.Locale.ROOT).startsWith("audio/");
  }

  public String fileName() {
    return fileName;
  }

  public String contentType() {
    return contentType;
  }

  /** A copy of the bytes. */
  public byte[] content() {
    return content.clone();
  }

  public int size() {
    return content.length;
  }

  public Optional<Duration> duration() {
    return Optional.ofNullable(duration);
  }

  byte[] bytesUnsafe() {
    return content;
  }

  @Override
  public String toString() {
    return "AudioClip{" + fileName + ", " + contentType + ", " + content.length + " bytes}";
  }
}
