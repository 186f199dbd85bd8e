/**
 * Podcast analytics import: Spotify's Web API has no podcast-analytics endpoint, so Gridcast
 * reads the CSV exports of Spotify's creator tools.
 *
 * <p>{@link io.gridcast.spotify.analytics.CsvAnalyticsSource} reads an export lazily into
 * {@link io.gridcast.spotify.analytics.EpisodeDailyStats} records, with header names configured
 * by {@link io.gridcast.spotify.analytics.AnalyticsCsvColumns}; {@link
 * io.gridcast.spotify.analytics.AnalyticsSource} is the extension point for other sources.
 */
package io.gridcast.spotify.analytics;
