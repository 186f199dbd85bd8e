package io.gridcast.testkit;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One page of a sandbox's read-only web view, built from {@link Html} fragments, and the
 * responses that carry pages, the style sheet and stored documents.
 *
 * <p>Pages go out with a Content-Security-Policy that allows no script at all and images and
 * styles from the sandbox only, so even a rendering mistake could not run a stranger's script;
 * documents go out as downloads in a sandboxed, no-sniff response. Not thread-safe: build one
 * page per request.
 */
final class HtmlPage {

  /** Where the views' style sheet lives. */
  static final String STYLE_PATH = "/view/style.css";

  static final String PAGE_POLICY =
      "default-src 'none'; img-src 'self'; style-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

  private static final Pattern MEDIA_TYPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*");

  private static final String STYLE = String.join("\n",
      "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:0;color:#1d232a;background:#f6f7f9}",
      "header{background:#1d3557;color:#fff;padding:.6rem 1.5rem}header a{color:#fff;font-weight:600;text-decoration:none}",
      "header span{opacity:.75;margin-left:.5rem}main{max-width:72rem;margin:0 auto;padding:1rem 1.5rem 3rem}",
      "h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #d5d9de;padding-bottom:.2rem}",
      "table{border-collapse:collapse;margin:.5rem 0;background:#fff}th,td{border:1px solid #d5d9de;padding:.3rem .5rem;",
      "text-align:left;vertical-align:top}th{background:#eef1f4}td.num,th.num,[align=right]{text-align:right}",
      "[align=center]{text-align:center}",
      "dl{display:grid;grid-template-columns:max-content auto;gap:.2rem 1rem}dt{font-weight:600}dd{margin:0}",
      "article.markdown{background:#fff;border:1px solid #d5d9de;padding:.5rem 1.2rem;margin:1rem 0}",
      "figure{margin:1rem 0}figure img{max-width:100%;border:1px solid #d5d9de;background:#fff}",
      ".muted{color:#5c6773}.tag{background:#e3ebf6;border-radius:.6rem;padding:0 .5rem;margin-right:.3rem}",
      "pre,code{background:#eef1f4}");

  private final String title;
  private final String site;
  private final StringBuilder body = new StringBuilder(4096);

  /**
   * @param site the sandbox's name in the header, e.g. {@code Trading Grid sandbox}
   * @param title the page title (escaped)
   */
  HtmlPage(String site, String title) {
    this.site = site;
    this.title = title;
  }

  HtmlPage add(Html html) {
    body.append(html);
    return this;
  }

  HtmlPage heading(int level, Object text) {
    return add(Html.tag("h" + level, Html.text(text)));
  }

  HtmlPage paragraph(Html content) {
    return add(Html.tag("p", content));
  }

  /** A muted note, e.g. "none yet". */
  HtmlPage note(Object text) {
    return add(Html.tag("p", "muted", Html.text(text)));
  }

  /** Name–value pairs; pairs with an empty value are left out. */
  HtmlPage facts(List<Map.Entry<String, Html>> facts) {
    StringBuilder dl = new StringBuilder("<dl>");
    for (Map.Entry<String, Html> fact : facts) {
      if (!fact.getValue().toString().isEmpty()) {
        dl.append("<dt>").append(Html.escape(fact.getKey())).append("</dt><dd>").append(fact.getValue()).append("</dd>");
      }
    }
    return add(Html.markup(dl.append("</dl>").toString()));
  }

  /**
   * A table; headers ending in {@code #} are right-aligned numbers (the {@code #} is not shown).
   * With no rows it shows {@code empty} instead.
   */
  HtmlPage table(List<String> headers, List<List<Html>> rows, String empty) {
    if (rows.isEmpty()) {
      return note(empty);
    }
    StringBuilder t = new StringBuilder("<table><thead><tr>");
    for (String h : headers) {
      boolean num = h.endsWith("#");
      t.append(num ? "<th class=\"num\">" : "<th>").append(Html.escape(num ? h.substring(0, h.length() - 1) : h)).append("</th>");
    }
    t.append("</tr></thead><tbody>");
    for (List<Html> row : rows) {
      t.append("<tr>");
      for (int i = 0; i < row.size(); i++) {
        boolean num = i < headers.size() && headers.get(i).endsWith("#");
        t.append(num ? "<td class=\"num\">" : "<td>").append(row.get(i)).append("</td>");
      }
      t.append("</tr>");
    }
    return add(Html.markup(t.append("</tbody></table>").toString()));
  }

  /** The page as a 200 response. */
  SandboxResponse response() {
    return response(200);
  }

  private SandboxResponse response(int status) {
    String html = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<title>" + Html.escape(title) + " · " + Html.escape(site) + "</title>"
        + "<link rel=\"stylesheet\" href=\"" + STYLE_PATH + "\"></head>\n<body><header><a href=\"/\">" + Html.escape(site)
        + "</a><span>read-only view</span></header>\n<main>" + body + "</main></body></html>\n";
    return secured(SandboxResponse.bytes(status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8)), PAGE_POLICY);
  }

  /** A 404 page saying what is missing. */
  static SandboxResponse notFound(String site, String what) {
    return new HtmlPage(site, "Not found").heading(1, "Not found").note(what).response(404);
  }

  /** The views' style sheet. */
  static SandboxResponse style() {
    return secured(SandboxResponse.bytes(200, "text/css; charset=utf-8", STYLE.getBytes(StandardCharsets.UTF_8)), PAGE_POLICY);
  }

  /**
   * A stored document as a download ({@code Content-Disposition: attachment}), which an {@code
   * <img>} still shows inline. Its stored content type is sent only if it is a plain {@code
   * type/subtype}; the response may not be sniffed and runs sandboxed if opened.
   */
  static SandboxResponse document(String fileName, String contentType, byte[] content) {
    String type = contentType != null && MEDIA_TYPE.matcher(contentType).matches() ? contentType : "application/octet-stream";
    return secured(SandboxResponse.bytes(200, type, content), "sandbox; default-src 'none'; img-src 'self'")
        .withHeader("Content-Disposition", ContentDisposition.attachment(fileName));
  }

  private static SandboxResponse secured(SandboxResponse response, String policy) {
    return response
        .withHeader("Content-Security-Policy", policy)
        .withHeader("X-Content-Type-Options", "nosniff")
        .withHeader("Referrer-Policy", "no-referrer")
        .withHeader("Cache-Control", "no-store");
  }
}
