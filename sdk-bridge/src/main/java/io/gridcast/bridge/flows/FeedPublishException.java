package io.gridcast.bridge.flows;

import io.gridcast.core.errors.GridcastException;

/**
 * The podcast feed or the media folder could not be read or written (or the wait for Spotify's
 * ingestion was interrupted). A flow run that meets it stops without advancing its checkpoint,
 * since every further item would fail the same way (fix the disk, permissions or feed storage
 * named in the message); the next run resumes where it stopped, and the feed's upsert by guid
 * keeps a re-published item single. A release Spotify has not ingested in time is not this
 * exception but {@link io.gridcast.spotify.feed.ReleaseTimeoutException}, which fails only its
 * item.
 */
public class FeedPublishException extends GridcastException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message what could not be read or written, and where
   * @param cause the I/O error or interruption
   */
  public FeedPublishException(String message, Throwable cause) {
    super(message, cause);
  }
}
