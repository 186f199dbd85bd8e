package io.gridcast.tradinggrid;

import io.gridcast.core.LogSafe;
import java.util.regex.Pattern;

/**
 * The format of every Active Community id (partners, posts, documents, issues, approvals, sites,
 * …): 1 to 64 characters of {@code A-Z a-z 0-9 _ -}, as the contract's {@code Id} schema says.
 * Ids arrive in responses written by the platform, and through it by whoever created the
 * resource; check one with {@link #require(String, String)} before it reaches a URL path, a file
 * name, a SQL key or a header. The client does so for every id it puts in a path.
 *
 * <p>Stateless and thread-safe.
 */
public final class TradingGridId {

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  private TradingGridId() {}

  /** Whether {@code value} is a well-formed Active Community id; {@code false} for null. */
  public static boolean isValid(String value) {
    return value != null && ID.matcher(value).matches();
  }

  /**
   * Returns {@code value} when it is a well-formed id.
   *
   * @param what what the id names, for the message (e.g. {@code "approval id"})
   * @throws IllegalArgumentException if it is not; the message shows the value with control
   *     characters escaped
   */
  public static String require(String what, String value) {
    if (!isValid(value)) {
      throw new IllegalArgumentException(what + " must be 1-64 characters of A-Z a-z 0-9 _ -, was: "
          + (value == null ? "null" : LogSafe.text(value, 40)));
    }
    return value;
  }
}
