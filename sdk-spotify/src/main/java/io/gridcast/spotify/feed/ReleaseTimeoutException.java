package io.gridcast.spotify.feed;

import io.gridcast.core.errors.GridcastException;
import java.time.Duration;

/**
 * A {@link ReleaseWatcher} gave up: the episode for a feed item did not appear on the show
 * before the deadline. Spotify may still ingest it later (ingestion usually takes minutes, at
 * times hours); wait again, or check that the feed Spotify reads contains the item.
 */
public class ReleaseTimeoutException extends GridcastException {

  private static final long serialVersionUID = 1L;

  private final String showId;
  private final String guid;
  private final int attempts;
  private final Duration elapsed;

  public ReleaseTimeoutException(String showId, String guid, int attempts, Duration elapsed) {
    super("the episode for feed item '" + guid + "' did not appear on show " + showId + " within " + elapsed
        + " (" + attempts + (attempts == 1 ? " poll" : " polls") + "); Spotify may still be ingesting the feed:"
        + " wait again, or check that the feed Spotify reads contains the item");
    this.showId = showId;
    this.guid = guid;
    this.attempts = attempts;
    this.elapsed = elapsed;
  }

  /** The show that was polled, as the watcher was given it. */
  public String showId() {
    return showId;
  }

  /** The {@link FeedItem#guid()} of the item whose episode did not appear. */
  public String guid() {
    return guid;
  }

  /** How many times the show's episodes were read. */
  public int attempts() {
    return attempts;
  }

  /** How long the watcher waited, by its clock. */
  public Duration elapsed() {
    return elapsed;
  }
}
