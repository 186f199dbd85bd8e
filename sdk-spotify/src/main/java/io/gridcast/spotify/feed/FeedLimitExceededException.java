package io.gridcast.spotify.feed;

import java.io.IOException;

/**
 * A feed was refused before parsing because it exceeds one of a {@link FeedReader}'s limits: it
 * is longer than {@link FeedReader.Builder#maxChars(int) maxChars}, its elements nest deeper than
 * {@link FeedReader.Builder#maxDepth(int) maxDepth}, or an element carries more than {@link
 * FeedReader.Builder#maxAttributes(int) maxAttributes} attributes. Such feeds would cost the XML
 * parser time or memory out of proportion to their size, so a hostile feed could tie up a thread.
 *
 * <p>It is an {@link IOException}, like every other feed {@link FeedReader#readItems} cannot read,
 * so callers that handle unreadable feeds handle it too. The message names the limit and how to
 * raise it; {@link #limitName()} and {@link #limit()} give them to code.
 */
public class FeedLimitExceededException extends IOException {

  private static final long serialVersionUID = 1L;

  private final String limitName;
  private final long limit;

  /**
   * @param limitName the builder method that sets the limit, e.g. {@code "maxDepth"}
   * @param limit the limit that was exceeded
   * @param message the whole message, naming the limit and how to raise it
   */
  public FeedLimitExceededException(String limitName, long limit, String message) {
    super(message);
    this.limitName = limitName;
    this.limit = limit;
  }

  /** The name of the exceeded limit: {@code maxChars}, {@code maxDepth} or {@code maxAttributes}. */
  public String limitName() {
    return limitName;
  }

  /** The value of the exceeded limit. */
  public long limit() {
    return limit;
  }
}
