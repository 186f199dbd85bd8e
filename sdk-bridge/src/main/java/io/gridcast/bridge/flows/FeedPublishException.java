package io.gridcast.bridge.flows;

import io.gridcast.core.errors.GridcastException;

/**
 * The podcast feed or the media folder could not be written (or the wait for Spotify's
 * ingestion was interrupted). A flow run that meets it stops without advancing its checkpoint,
 * since every further item would fail the same way; the next run resumes where it stopped, and
 * the feed's upsert by guid keeps a re-published item single.
 */
public class FeedPublishException extends GridcastException {

  private static final long serialVersionUID = 1L;

  public FeedPublishException(String message, Throwable cause) {
    super(message, cause);
  }
}
