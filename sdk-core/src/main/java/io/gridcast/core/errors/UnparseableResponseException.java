package io.gridcast.core.errors;

/**
 * The platform answered, but the body could not be decoded into the expected type. Carries the
 * status and a short snippet (at most 200 characters) of the body to help diagnose it.
 */
public class UnparseableResponseException extends GridcastException {

  private static final long serialVersionUID = 1L;

  /** Longest body excerpt kept in {@link #snippet()} and in the message. */
  public static final int SNIPPET_LENGTH = 200;

  private final int status;
  private final String snippet;

  public UnparseableResponseException(
      int status, String method, String redactedUrl, String body, Throwable cause) {
    super(
        method + ' ' + redactedUrl + " returned HTTP " + status
            + " with a body that is not the expected JSON: " + snippetOf(body),
        cause);
    this.status = status;
    this.snippet = snippetOf(body);
  }

  static String snippetOf(String body) {
    if (body == null) {
      return "";
    }
    String s = body.length() > SNIPPET_LENGTH ? body.substring(0, SNIPPET_LENGTH) + "…" : body;
    return s.replaceAll("\\s+", " ");
  }

  /** The HTTP status of the undecodable response. */
  public int status() {
    return status;
  }

  /** The start of the body, whitespace folded, at most {@value #SNIPPET_LENGTH} characters. */
  public String snippet() {
    return snippet;
  }
}
