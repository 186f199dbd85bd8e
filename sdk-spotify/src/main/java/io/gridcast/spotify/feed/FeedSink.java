package io.gridcast.spotify.feed;

import java.io.IOException;
import java.net.URI;
import java.util.List;

/**
 * Where a podcast feed lives so that Spotify can fetch it: the extension point for publishing.
 *
 * <p>Gridcast ships {@link FileSystemFeedSink}; implement this interface to keep the feed in
 * object storage or a CMS. Implementations must make {@link #upsert(FeedItem)} idempotent by
 * {@link FeedItem#guid()} (the same guid never yields two items) and must never expose a
 * half-written feed. Implementations must be thread-safe.
 */
public interface FeedSink {

  /** What {@link #upsert(FeedItem)} did. */
  enum UpsertOutcome {
    /** No item had the guid; the item was added. */
    CREATED,
    /** An item with the guid existed and differed; it was replaced. */
    UPDATED,
    /** An equal item was already there; nothing was written. */
    UNCHANGED
  }

  /** The public URL Spotify fetches the feed from (the URL registered for the show). */
  URI feedUrl();

  /**
   * Returns the items currently in the feed, in feed order; empty if the feed does not exist yet.
   *
   * @throws IOException if the feed cannot be read or parsed
   */
  List<FeedItem> items() throws IOException;

  /**
   * Adds {@code item}, or replaces the item with the same guid, and stores the feed.
   *
   * @return whether the item was created, updated or already present unchanged
   * @throws IOException if the feed cannot be read or written; the stored feed is then unchanged
   */
  UpsertOutcome upsert(FeedItem item) throws IOException;
}
