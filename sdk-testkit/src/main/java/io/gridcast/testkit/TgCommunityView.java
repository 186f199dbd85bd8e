package io.gridcast.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Trading Grid sandbox's read-only community view, for a person to see what a flow wrote:
 * at {@code /} the demo community's posts, assignments, issues, approvals, campaigns, sites, site
 * requests, threads and documents (newest first, at most {@value #MAX_ROWS} of each); at {@code
 * /view/posts/{id}} a post rendered from its Markdown with its images and charts inline, its
 * attachments, assignments and threads; at {@code /view/issues/{id}} and {@code
 * /view/approvals/{id}} an issue with its comments and an approval with its decisions and audit
 * trail; at {@code /view/documents/{id}} a document's content as a download.
 *
 * <p>Post bodies, issue descriptions and resolutions are rendered with {@link MarkdownHtml}
 * (raw HTML shown as text); every other stored value is escaped. Thread-safe: reads through the
 * sandbox's own inspection methods, which copy under its lock.
 */
final class TgCommunityView {

  static final int MAX_ROWS = 200;
  private static final String SITE = "Trading Grid sandbox";
  /** Attachments of these types are shown inline as pictures (charts are PNG). */
  private static final Set<String> IMAGE_TYPES = Set.of("image/png", "image/jpeg", "image/gif", "image/webp");

  private final TradingGridSandbox sandbox;

  TgCommunityView(TradingGridSandbox sandbox) {
    this.sandbox = sandbox;
  }

  /** Adds the view's routes to {@code router} and returns it. */
  SandboxRouter addTo(SandboxRouter router) {
    return router
        .get("/", req -> index())
        .get(HtmlPage.STYLE_PATH, req -> HtmlPage.style())
        .get("/view/posts/{postId}", req -> post(req.pathParam("postId")))
        .get("/view/issues/{issueId}", req -> issue(req.pathParam("issueId")))
        .get("/view/approvals/{approvalId}", req -> approval(req.pathParam("approvalId")))
        .get("/view/documents/{documentId}", req -> document(req.pathParam("documentId")));
  }

  // ---- pages --------------------------------------------------------------------------------

  private SandboxResponse index() {
    JsonNode community = sandbox.community();
    Names names = new Names();
    HtmlPage page = new HtmlPage(SITE, community.path("name").asText()).heading(1, community.path("name").asText())
        .note(community.path("description").asText("") + " Community " + community.path("id").asText()
            + "; the API answers under " + TradingGridSandbox.API_PATH + ".");

    List<JsonNode> posts = newestFirst(TradingGridResource.POSTS);
    page.heading(2, "Posts (" + posts.size() + ")");
    page.table(List.of("Post", "Kind", "Tags", "Attachments#", "Updated", "External ref"), rows(posts, p -> List.of(
        Html.link("/view/posts/" + Html.pathSegment(p.path("id").asText()), p.path("title").asText()), Html.text(p.path("kind").asText()),
        tags(p.path("tags")), Html.text(p.path("attachments").size()), Html.text(p.path("updatedAt").asText()),
        Html.text(p.path("externalRef").asText("")))), "No posts.");

    List<JsonNode> assignments = newestFirst(TradingGridResource.ASSIGNMENTS);
    page.heading(2, "Assignments (" + assignments.size() + ")");
    page.table(List.of("Post", "Assigned to", "Due", "Status", "Reason"), rows(assignments, a -> List.of(
        names.postLink(a.path("postId").asText()), names.target(a.path("target")), Html.text(a.path("dueDate").asText("")),
        Html.text(a.path("status").asText()), Html.text(a.path("reason").asText("")))), "No assignments.");

    List<JsonNode> issues = newestFirst(TradingGridResource.ISSUES);
    page.heading(2, "Issues (" + issues.size() + ")");
    page.table(List.of("Issue", "Type", "Severity", "Status", "Partner", "Updated"), rows(issues, i -> List.of(
        Html.link("/view/issues/" + Html.pathSegment(i.path("id").asText()), i.path("title").asText()), Html.text(i.path("type").asText()),
        Html.text(i.path("severity").asText()), Html.text(i.path("status").asText()), names.partner(i.path("partnerId").asText(null)),
        Html.text(i.path("updatedAt").asText()))), "No issues.");

    List<JsonNode> approvals = newestFirst(TradingGridResource.APPROVALS);
    page.heading(2, "Approvals (" + approvals.size() + ")");
    page.table(List.of("Approval", "Status", "Required roles", "Decisions#", "Updated"), rows(approvals, a -> List.of(
        Html.link("/view/approvals/" + Html.pathSegment(a.path("id").asText()), a.path("title").asText()),
        Html.text(a.path("status").asText()), Html.text(texts(a.path("requiredRoles"))), Html.text(a.path("decisions").size()),
        Html.text(a.path("updatedAt").asText()))), "No approvals.");

    List<JsonNode> campaigns = newestFirst(TradingGridResource.CAMPAIGNS);
    page.heading(2, "Campaigns (" + campaigns.size() + ")");
    page.table(List.of("Campaign", "Type", "Status", "Milestones", "Spotify"), rows(campaigns, c -> List.of(
        Html.text(c.path("name").asText()),
        Html.text(c.path("type").asText() + (c.hasNonNull("sponsor") ? " (sponsor: " + c.path("sponsor").asText() + ")" : "")),
        Html.text(c.path("status").asText()), milestones(c.path("milestones")),
        Html.text(texts(c.path("spotifyRefs"))))), "No campaigns.");

    List<JsonNode> sites = newestFirst(TradingGridResource.SITES);
    page.heading(2, "Sites (" + sites.size() + ")");
    page.table(List.of("Site", "Region", "Status", "Rollout", "Playlist", "Licences", "Licensed until"),
        rows(sites, s -> List.of(
            Html.text(s.path("name").asText()), Html.text(s.path("region").asText()), Html.text(s.path("status").asText()),
            Html.text(s.path("rolloutDate").asText("")), Html.text(s.path("playlistUri").asText("")),
            documentLinks(s.path("licenceDocumentIds")), Html.text(s.path("licenceValidUntil").asText("")))), "No sites.");

    List<JsonNode> requests = newestFirst(TradingGridResource.SITE_REQUESTS);
    page.heading(2, "Site requests (" + requests.size() + ")");
    page.table(List.of("Site", "Type", "Status", "Details", "Comments"), rows(requests, r -> List.of(
        names.site(r.path("siteId").asText()), Html.text(r.path("type").asText()), Html.text(r.path("status").asText()),
        Html.text(r.path("details").asText()), siteRequestComments(r.path("comments")))), "No site requests.");

    List<JsonNode> threads = newestFirst(TradingGridResource.THREADS);
    page.heading(2, "Threads (" + threads.size() + ")");
    page.table(List.of("Thread", "On post", "Messages#"), rows(threads, t -> List.of(
        Html.text(t.path("title").asText()), t.has("postId") ? names.postLink(t.path("postId").asText()) : Html.EMPTY,
        Html.text(sandbox.threadMessages(t.path("id").asText()).size()))), "No threads.");

    List<JsonNode> documents = newestFirst(TradingGridResource.DOCUMENTS);
    page.heading(2, "Documents (" + documents.size() + ")");
    page.table(List.of("Document", "Type", "Bytes#", "Uploaded", "External ref"), rows(documents, d -> List.of(
        documentLink(d), Html.text(d.path("contentType").asText()), Html.text(d.path("size").asLong()),
        Html.text(d.path("createdAt").asText()), Html.text(d.path("externalRef").asText("")))), "No documents.");
    return page.response();
  }

  private SandboxResponse post(String postId) {
    Optional<JsonNode> found = sandbox.resource(TradingGridResource.POSTS, postId);
    if (found.isEmpty()) {
      return HtmlPage.notFound(SITE, "No post " + postId + " in the community.");
    }
    JsonNode post = found.get();
    Names names = new Names();
    HtmlPage page = new HtmlPage(SITE, post.path("title").asText()).heading(1, post.path("title").asText());
    List<Html> audience = new ArrayList<>();
    post.path("audience").path("groupIds").forEach(g -> audience.add(names.group(g.asText())));
    post.path("audience").path("partnerIds").forEach(p -> audience.add(names.partner(p.asText())));
    page.facts(List.of(
        Map.entry("Kind", Html.text(post.path("kind").asText())),
        Map.entry("Id", Html.text(post.path("id").asText())),
        Map.entry("Version", Html.text(post.path("version").asText())),
        Map.entry("Created", Html.text(post.path("createdAt").asText())),
        Map.entry("Updated", Html.text(post.path("updatedAt").asText())),
        Map.entry("Audience", Html.join(", ", audience)),
        Map.entry("Tags", tags(post.path("tags"))),
        Map.entry("External ref", Html.text(post.path("externalRef").asText(""))),
        Map.entry("Metadata", metadata(post.path("metadata"))),
        Map.entry("Links", links(post.path("links")))));
    page.add(Html.tag("article", "markdown", MarkdownHtml.render(post.path("body").asText())));
    attachments(page, post.path("attachments"));

    List<JsonNode> assignments = sandbox.resources(TradingGridResource.ASSIGNMENTS).stream()
        .filter(a -> postId.equals(a.path("postId").asText())).toList();
    page.heading(2, "Assignments (" + assignments.size() + ")");
    page.table(List.of("Assigned to", "Due", "Status", "Reason"), rows(assignments, a -> List.of(names.target(a.path("target")),
        Html.text(a.path("dueDate").asText("")), Html.text(a.path("status").asText()), Html.text(a.path("reason").asText("")))),
        "Not assigned.");

    for (JsonNode thread : sandbox.resources(TradingGridResource.THREADS)) {
      if (postId.equals(thread.path("postId").asText())) {
        page.heading(2, "Thread: " + thread.path("title").asText());
        page.table(List.of("At", "From", "Message"), rows(sandbox.threadMessages(thread.path("id").asText()), m -> List.of(
            Html.text(m.path("createdAt").asText()), m.has("authorPartnerId") ? names.partner(m.path("authorPartnerId").asText())
                : Html.text("community owner"), Html.text(m.path("body").asText()))), "No messages yet.");
      }
    }
    return page.response();
  }

  private SandboxResponse issue(String issueId) {
    Optional<JsonNode> found = sandbox.resource(TradingGridResource.ISSUES, issueId);
    if (found.isEmpty()) {
      return HtmlPage.notFound(SITE, "No issue " + issueId + " in the community.");
    }
    JsonNode issue = found.get();
    Names names = new Names();
    HtmlPage page = new HtmlPage(SITE, issue.path("title").asText()).heading(1, issue.path("title").asText());
    page.facts(List.of(
        Map.entry("Id", Html.text(issue.path("id").asText())),
        Map.entry("Type", Html.text(issue.path("type").asText())),
        Map.entry("Severity", Html.text(issue.path("severity").asText())),
        Map.entry("Status", Html.text(issue.path("status").asText())),
        Map.entry("Partner", names.partner(issue.path("partnerId").asText(null))),
        Map.entry("Region", Html.text(issue.path("region").asText(""))),
        Map.entry("Account", Html.text(issue.path("accountId").asText(""))),
        Map.entry("Topic", Html.text(issue.path("topic").asText(""))),
        Map.entry("Created", Html.text(issue.path("createdAt").asText())),
        Map.entry("Updated", Html.text(issue.path("updatedAt").asText())),
        Map.entry("Resolved", Html.text(issue.path("resolvedAt").asText(""))),
        Map.entry("External ref", Html.text(issue.path("externalRef").asText(""))),
        Map.entry("Links", links(issue.path("links")))));
    page.add(Html.tag("article", "markdown", MarkdownHtml.render(issue.path("description").asText())));
    if (issue.has("resolutionSummary") || issue.path("correctiveActions").size() > 0) {
      page.heading(2, "Resolution");
      page.add(MarkdownHtml.render(issue.path("resolutionSummary").asText(null)));
      List<Html> actions = new ArrayList<>();
      issue.path("correctiveActions").forEach(a -> actions.add(Html.tag("li", Html.text(a.asText()))));
      if (!actions.isEmpty()) {
        page.add(Html.tag("ul", Html.concat(actions)));
      }
    }
    attachments(page, issue.path("attachments"));
    List<JsonNode> comments = sandbox.issueComments(issueId);
    page.heading(2, "Comments (" + comments.size() + ")");
    page.table(List.of("At", "From", "Comment"), rows(comments, c -> List.of(Html.text(c.path("createdAt").asText()),
        c.has("authorPartnerId") ? names.partner(c.path("authorPartnerId").asText()) : Html.text("community owner"),
        Html.text(c.path("body").asText()))), "No comments.");
    return page.response();
  }

  private SandboxResponse approval(String approvalId) {
    Optional<JsonNode> found = sandbox.resource(TradingGridResource.APPROVALS, approvalId);
    if (found.isEmpty()) {
      return HtmlPage.notFound(SITE, "No approval " + approvalId + " in the community.");
    }
    JsonNode approval = found.get();
    HtmlPage page = new HtmlPage(SITE, approval.path("title").asText()).heading(1, approval.path("title").asText());
    JsonNode pkg = approval.path("package");
    page.facts(List.of(
        Map.entry("Id", Html.text(approval.path("id").asText())),
        Map.entry("Status", Html.text(approval.path("status").asText())),
        Map.entry("Required roles", Html.text(texts(approval.path("requiredRoles")))),
        Map.entry("Created", Html.text(approval.path("createdAt").asText())),
        Map.entry("Updated", Html.text(approval.path("updatedAt").asText())),
        Map.entry("Completed", Html.text(approval.path("completedAt").asText(""))),
        Map.entry("External ref", Html.text(approval.path("externalRef").asText("")))));
    page.add(Html.tag("article", "markdown", MarkdownHtml.render(approval.path("description").asText(""))));
    page.heading(2, "Package");
    List<List<Html>> parts = new ArrayList<>();
    for (String[] part : new String[][] {{"Script", "scriptDocumentId"}, {"Artwork", "artworkDocumentId"},
        {"Release notes", "releaseNotesDocumentId"}, {"Audio", "audioDocumentId"}}) {
      String id = pkg.path(part[1]).asText("");
      parts.add(List.of(Html.text(part[0]), sandbox.resource(TradingGridResource.DOCUMENTS, id).map(this::documentLink)
          .orElse(Html.text(id))));
    }
    page.table(List.of("Part", "Document"), parts, "No package.");
    images(page, List.of(pkg.path("artworkDocumentId").asText("")));

    page.heading(2, "Decisions");
    page.table(List.of("Role", "Decision", "By", "At", "Comment"), rows(listOf(approval.path("decisions")), d -> List.of(
        Html.text(d.path("role").asText()), Html.text(d.path("decision").asText()), Html.text(d.path("decidedBy").asText()),
        Html.text(d.path("decidedAt").asText()), Html.text(d.path("comment").asText("")))), "No decisions yet.");
    page.heading(2, "Audit trail");
    page.table(List.of("At", "Actor", "Action", "Detail"), rows(sandbox.auditTrail(approvalId), a -> List.of(
        Html.text(a.path("at").asText()), Html.text(a.path("actor").asText()), Html.text(a.path("action").asText()),
        Html.text(a.path("detail").asText("")))), "No audit entries.");
    return page.response();
  }

  private SandboxResponse document(String documentId) {
    Optional<JsonNode> document = sandbox.resource(TradingGridResource.DOCUMENTS, documentId);
    Optional<byte[]> content = sandbox.documentContent(documentId);
    if (document.isEmpty() || content.isEmpty()) {
      return HtmlPage.notFound(SITE, "No document " + documentId + " with content in the community.");
    }
    return HtmlPage.document(document.get().path("fileName").asText(documentId), document.get().path("contentType").asText(null),
        content.get());
  }

  // ---- parts --------------------------------------------------------------------------------

  /** Pictures of the image attachments, inline, then every attachment as a download. */
  private void attachments(HtmlPage page, JsonNode ids) {
    if (ids.size() == 0) {
      return;
    }
    List<String> idList = new ArrayList<>();
    ids.forEach(id -> idList.add(id.asText()));
    page.heading(2, "Attachments (" + idList.size() + ")");
    images(page, idList);
    List<List<Html>> rows = new ArrayList<>();
    for (String id : idList) {
      Optional<JsonNode> d = sandbox.resource(TradingGridResource.DOCUMENTS, id);
      rows.add(d.isEmpty() ? List.of(Html.text(id + " (missing)"), Html.EMPTY, Html.EMPTY)
          : List.of(documentLink(d.get()), Html.text(d.get().path("contentType").asText()), Html.text(d.get().path("size").asLong())));
    }
    page.table(List.of("Document", "Type", "Bytes#"), rows, "");
  }

  private void images(HtmlPage page, List<String> documentIds) {
    for (String id : documentIds) {
      sandbox.resource(TradingGridResource.DOCUMENTS, id)
          .filter(d -> IMAGE_TYPES.contains(d.path("contentType").asText()))
          .ifPresent(d -> page.add(Html.tag("figure", Html.concat(
              Html.image("/view/documents/" + Html.pathSegment(id), d.path("fileName").asText()),
              Html.tag("figcaption", Html.text(d.path("fileName").asText()))))));
    }
  }

  private Html documentLink(JsonNode document) {
    return Html.link("/view/documents/" + Html.pathSegment(document.path("id").asText()), document.path("fileName").asText());
  }

  private Html documentLinks(JsonNode ids) {
    List<Html> links = new ArrayList<>();
    ids.forEach(id -> links.add(sandbox.resource(TradingGridResource.DOCUMENTS, id.asText()).map(this::documentLink)
        .orElse(Html.text(id.asText()))));
    return Html.join(", ", links);
  }

  private static Html tags(JsonNode tags) {
    List<Html> out = new ArrayList<>();
    tags.forEach(t -> out.add(Html.tag("span", "tag", Html.text(t.asText()))));
    return Html.concat(out);
  }

  private static Html metadata(JsonNode metadata) {
    List<Html> out = new ArrayList<>();
    metadata.properties().forEach(e -> out.add(Html.text(e.getKey() + ": " + e.getValue().asText())));
    return Html.join("; ", out);
  }

  private static Html links(JsonNode links) {
    List<Html> out = new ArrayList<>();
    links.forEach(l -> out.add(Html.externalLink(l.path("url").asText(), l.path("title").asText(l.path("url").asText()))));
    return Html.join(", ", out);
  }

  private static Html milestones(JsonNode milestones) {
    List<Html> out = new ArrayList<>();
    milestones.forEach(m -> out.add(Html.text(m.path("title").asText() + " (" + m.path("dueDate").asText() + ", "
        + m.path("status").asText() + ")")));
    return Html.join("; ", out);
  }

  private static Html siteRequestComments(JsonNode comments) {
    List<Html> out = new ArrayList<>();
    comments.forEach(c -> out.add(Html.text(c.path("author").asText() + ": " + c.path("body").asText())));
    return Html.join(" / ", out);
  }

  private List<JsonNode> newestFirst(TradingGridResource type) {
    List<JsonNode> all = new ArrayList<>(sandbox.resources(type));
    Collections.reverse(all);
    return all;
  }

  private static List<JsonNode> listOf(JsonNode array) {
    List<JsonNode> out = new ArrayList<>();
    array.forEach(out::add);
    return out;
  }

  private static String texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(v -> out.add(v.asText()));
    return String.join(", ", out);
  }

  private static List<List<Html>> rows(List<JsonNode> records, java.util.function.Function<JsonNode, List<Html>> row) {
    return records.stream().limit(MAX_ROWS).map(row).toList();
  }

  /** Names of partners, groups, sites and posts for one page, read once. */
  private final class Names {
    private final Map<String, String> partners = byId(TradingGridResource.PARTNERS, "name");
    private final Map<String, String> groups = byId(TradingGridResource.PARTNER_GROUPS, "name");
    private final Map<String, String> sites = byId(TradingGridResource.SITES, "name");
    private final Map<String, String> posts = byId(TradingGridResource.POSTS, "title");

    private Map<String, String> byId(TradingGridResource type, String field) {
      Map<String, String> out = new LinkedHashMap<>();
      sandbox.resources(type).forEach(r -> out.put(r.path("id").asText(), r.path(field).asText()));
      return out;
    }

    Html partner(String id) {
      return id == null ? Html.EMPTY : Html.text(partners.getOrDefault(id, id));
    }

    Html group(String id) {
      return Html.text(groups.getOrDefault(id, id));
    }

    Html site(String id) {
      return Html.text(sites.getOrDefault(id, id));
    }

    Html postLink(String id) {
      return posts.containsKey(id) ? Html.link("/view/posts/" + Html.pathSegment(id), posts.get(id)) : Html.text(id);
    }

    Html target(JsonNode target) {
      String id = target.path("id").asText();
      return target.path("type").asText().equals("group") ? Html.text("group " + groups.getOrDefault(id, id))
          : Html.text("partner " + partners.getOrDefault(id, id));
    }
  }
}
