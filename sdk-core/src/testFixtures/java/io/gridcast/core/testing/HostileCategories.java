package io.gridcast.core.testing;

/**
 * The categories of the hostile-input corpus that both clients share, so that their test
 * reports (and RELIABILITY.md's counts) group cases under the same names.
 */
public final class HostileCategories {

  public static final String TRUNCATED = "truncated JSON";
  public static final String WRONG_TYPE = "wrong type";
  public static final String NULL_LIST = "null where a list belongs";
  public static final String UNKNOWN_ENUM = "unknown enum value";
  public static final String HUGE_STRING = "10 MB string";
  public static final String DEEP = "deeply nested JSON";
  public static final String ODD_BODY = "empty, HTML, null or non-UTF-8 body";
  public static final String HUGE_NUMBER = "huge number";
  public static final String DUPLICATES = "duplicated keys";
  public static final String BOM = "byte order mark";
  public static final String SIZE_CAP = "body over the size cap";
  public static final String PAGING = "hostile paging";
  public static final String INVALID_ID = "invalid ID";
  public static final String UNICODE_ID = "Unicode ID";
  public static final String TRAVERSAL_ID = "path-traversal ID";
  public static final String BAD_ARGUMENT = "null, blank or oversized argument";
  public static final String BASE_URL = "unsafe base URL";
  public static final String CRLF = "CR LF header injection";
  public static final String REDIRECT = "redirect carrying credentials";
  public static final String RETRY_AFTER_DIGITS = "Retry-After of non-ASCII digits";
  public static final String FEED_LIMITS = "hostile feed structure";

  private HostileCategories() {}
}
