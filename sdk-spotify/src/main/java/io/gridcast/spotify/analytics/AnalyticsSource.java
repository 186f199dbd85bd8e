package io.gridcast.spotify.analytics;

import java.io.IOException;
import java.util.stream.Stream;

/**
 * Where podcast performance numbers come from: the extension point for analytics import.
 * Gridcast ships {@link CsvAnalyticsSource}.
 */
public interface AnalyticsSource {

  /**
   * Returns the per-episode, per-day rows, read lazily in source order. Close the stream (use
   * try-with-resources) to release the underlying file or reader.
   *
   * @throws IOException if the source cannot be opened
   * @throws AnalyticsFormatException if the source lacks a required column; while the stream is
   *     consumed, for a malformed row
   */
  Stream<EpisodeDailyStats> episodeDailyStats() throws IOException;
}
