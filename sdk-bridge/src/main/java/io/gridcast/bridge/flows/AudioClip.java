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
   * An audio clip of unknown duration (the feed then states one estimated from its size).
   *
   * @param fileName the file's name; its extension is used when the content type does not imply one
   * @param contentType the media type, {@code audio/*}, e.g. {@code audio/mpeg}
   * @param content the audio bytes (copied)
   * @throws IllegalArgumentException if the file name is blank, the content type is not
   *     {@code audio/*}, or the content is empty
   * @throws NullPointerException if an argument is null
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

  /**
   * A copy stating the playing time, which the feed item then carries.
   *
   * @throws IllegalArgumentException if {@code duration} is negative
   */
  public AudioClip withDuration(Duration duration) {
    if (Objects.requireNonNull(duration, "duration").isNegative()) {
      throw new IllegalArgumentException("duration must not be negative, was " + duration);
    }
    return new AudioClip(fileName, contentType, content, duration);
  }

  /** Whether a media type is an audio type ({@code audio/...}, parameters ignored). */
  public static boolean isAudio(String contentType) {
    return contentType != null && contentType.strip().toLowerCase(java.util.Locale.ROOT).startsWith("audio/");
  }

  /** The file's name as the audio source gave it. */
  public String fileName() {
    return fileName;
  }

  /** The media type, {@code audio/*}. */
  public String contentType() {
    return contentType;
  }

  /** A copy of the bytes. */
  public byte[] content() {
    return content.clone();
  }

  /** The number of bytes, as the feed item's enclosure length states it. */
  public int size() {
    return content.length;
  }

  /** The playing time, when known (see {@link #withDuration}). */
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
