package io.gridcast.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TgCommunityViewTest {

  private final TradingGridSandbox tg = TradingGridSandbox.builder().start();

  @AfterEach
  void close() {
    tg.close();
  }

  @Test
  void theOverviewAtTheRootListsWhatTheCommunityHolds() {
    Pages.Page page = Pages.get(tg.baseUri(), "/");

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.html()).contains("<h1>Halvorsen &amp; Pike Supplier Community</h1>")
        .contains("Posts (5)", "href=\"/view/posts/" + TradingGridDemoData.POST_WELCOME + "\"")
        .contains("Issues (6)", "href=\"/view/issues/" + TradingGridDemoData.ISSUE_RESOLVED_WITH_AUDIO + "\"")
        .contains("Approvals (1)", "href=\"/view/approvals/" + TradingGridDemoData.APPROVAL_IN_PROGRESS + "\"")
        .contains("Sites (10)", "H&amp;P Store 112, Rotterdam", "Site requests (4)", "Thanks. Could it start on Monday?")
        .contains("Assignments (2)", "Campaigns (2)", "Summer Sounds in Store",
            "sponsorship (sponsor: Umber Coffee Roasters)");
  }

  @Test
  void aPostIsRenderedFromItsMarkdownWithItsTable() {
    JsonNode post = post("Weekly figures", "Figures for **April**.\n\n| Episode | Starts |\n|---|---:|\n| Ep. 1 | 1,204 |\n| Ep. 2 | 987 |\n");

    String html = Pages.get(tg.baseUri(), "/view/posts/" + post.path("id").asText()).html();

    assertThat(html).contains("<h1>Weekly figures</h1>", "<p>Figures for <strong>April</strong>.</p>", "<table>",
        "<th align=\"right\">Starts</th>", "<td>Ep. 1</td>", "<td align=\"right\">1,204</td>", "<td align=\"right\">987</td>");
  }

  @Test
  void rawHtmlInAPostIsShownAsTextNeverAsMarkup() {
    JsonNode post = post("<img src=x onerror=alert(1)>", "Hello <script>window.gridcastInjected = 1</script>\n\n<iframe src=\"https://evil.example\"></iframe>\n");

    String html = Pages.get(tg.baseUri(), "/view/posts/" + post.path("id").asText()).html();

    assertThat(html).contains("<h1>&lt;img src=x onerror=alert(1)&gt;</h1>", "Hello &lt;script&gt;window.gridcastInjected = 1&lt;/script&gt;",
        "&lt;iframe src=&quot;https://evil.example&quot;&gt;&lt;/iframe&gt;")
        .doesNotContain("<script", "<iframe", "<img src=x");
  }

  @Test
  void linksToAnythingButTheWebOrMailAreDropped() {
    JsonNode post = post("Links", "[run](javascript:alert(1)) [data](data:text/html,hi) [docs](https://docs.example/a) [mail](mailto:a@b.example)");

    String html = Pages.get(tg.baseUri(), "/view/posts/" + post.path("id").asText()).html();

    assertThat(html).contains("<a rel=\"nofollow noopener noreferrer\" href=\"https://docs.example/a\">docs</a>",
        "href=\"mailto:a@b.example\"").doesNotContain("javascript:", "data:text");
  }

  @Test
  void aPngAttachmentIsShownInlineAndEveryAttachmentCanBeDownloaded() {
    byte[] png = png();
    String chart = tg.uploadDocument("performance-2026-04.png", "image/png", png).path("id").asText();
    String csv = tg.uploadDocument("performance-2026-04.csv", "text/csv", "date,starts\n".getBytes(StandardCharsets.UTF_8))
        .path("id").asText();
    JsonNode post = post("Report", "See the chart.", chart, csv);

    String html = Pages.get(tg.baseUri(), "/view/posts/" + post.path("id").asText()).html();

    assertThat(html).contains("<img src=\"/view/documents/" + chart + "\" alt=\"performance-2026-04.png\">")
        .contains("<a href=\"/view/documents/" + csv + "\">performance-2026-04.csv</a>")
        .doesNotContain("<img src=\"/view/documents/" + csv);
    Pages.Page image = Pages.get(tg.baseUri(), "/view/documents/" + chart);
    assertThat(image.status()).isEqualTo(200);
    assertThat(image.bytes()).isEqualTo(png);
    assertThat(image.header("Content-Type")).isEqualTo("image/png");
    assertThat(image.header("Content-Disposition")).startsWith("attachment; filename=\"performance-2026-04.png\"");
  }

  @Test
  void aDocumentWhoseStoredTypeIsNoMediaTypeDownloadsAsBytesThatNoBrowserRuns() {
    String id = tg.uploadDocument("page.html", "text/html\r\nX-Evil: 1", "<script>1</script>".getBytes(StandardCharsets.UTF_8))
        .path("id").asText();

    Pages.Page download = Pages.get(tg.baseUri(), "/view/documents/" + id);

    assertThat(download.header("Content-Type")).isEqualTo("application/octet-stream");
    assertThat(download.header("Content-Security-Policy")).startsWith("sandbox");
    assertThat(download.header("X-Evil")).isNull();
  }

  @Test
  void anApprovalShowsItsPackageDecisionsAndAuditTrail() {
    String html = Pages.get(tg.baseUri(), "/view/approvals/" + TradingGridDemoData.APPROVAL_IN_PROGRESS).html();

    assertThat(html).contains("<h1>Supply Chain Minutes 43: Returns without tears</h1>", "supply-minutes-43-script.md",
        "<img src=\"/view/documents/" + TradingGridDemoData.DOCUMENT_EP43_ARTWORK + "\"")
        .contains("m.okafor@halvorsen-pike.example", "Music licences and guest release checked.")
        .contains("Audit trail", "content-team@halvorsen-pike.example", "Submitted for review by legal, compliance, partner_operations");
  }

  @Test
  void anIssueShowsItsResolutionCorrectiveActionsAndComments() {
    String resolved = Pages.get(tg.baseUri(), "/view/issues/" + TradingGridDemoData.ISSUE_RESOLVED_WITH_AUDIO).html();
    String open = Pages.get(tg.baseUri(), "/view/issues/" + TradingGridDemoData.ISSUE_OPEN).html();

    assertThat(resolved).contains("EDI 856 mapping corrected; the ASN backlog was re-sent.",
        "<li>Re-sent 212 rejected ASNs.</li>", "asn-fix-audio-update.mp3", "Dunmore Logistics",
        "href=\"https://open.spotify.com/episode/7hQ2mXcXbJq1kZpR8s3VtN\"");
    assertThat(open).contains("Comments (1)", "Seen on 14 orders this week");
  }

  @Test
  void anUnknownPostIsANotFoundPage() {
    Pages.Page page = Pages.get(tg.baseUri(), "/view/posts/post_nope");

    assertThat(page.status()).isEqualTo(404);
    assertThat(page.html()).contains("No post post_nope in the community.");
  }

  private JsonNode post(String title, String markdown, String... attachments) {
    ObjectNode body = SandboxJson.object().put("kind", "report").put("title", title).put("body", markdown);
    ObjectNode audience = body.putObject("audience");
    audience.putArray("groupIds").add(TradingGridDemoData.GROUP_EMEA);
    audience.putArray("partnerIds");
    var ids = body.putArray("attachments");
    for (String a : attachments) {
      ids.add(a);
    }
    return tg.create(TradingGridResource.POSTS, body);
  }

  private static byte[] png() {
    BufferedImage image = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
    image.setRGB(3, 3, 0x1d3557);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
