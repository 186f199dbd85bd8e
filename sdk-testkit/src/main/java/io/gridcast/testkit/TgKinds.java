package io.gridcast.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The resource kinds of the Active Community contract as the sandbox implements them: the
 * contract operations that create and update each kind (whose request schemas {@link TgContract}
 * reads from the document), and what the document's schemas cannot say: references between
 * resources, fields an update may not change, state rules, server-set fields, list filters and
 * order, and events, transcribed from the contract's operation descriptions.
 */
final class TgKinds {

  static final List<String> ONBOARDING_STAGES = TgContract.get().enumeration("OnboardingStage");
  static final List<String> EVENT_TYPES = TgContract.get().enumeration("EventType");

  static final TgKind PARTNERS = new TgKind("partners", "p", "partner")
      .events("partner.created", "partner.updated").versioned()
      .create("createPartner")
      .update("updatePartner", "accountId", "externalRef")
      .ref("groupIds", "partner-groups", "partner group")
      .filterEquals("region")
      .filterEquals("onboardingStage")
      .filterEquals("accountId")
      .filter("groupId", (r, v) -> contains(r.path("groupIds"), v));

  static final TgKind PARTNER_GROUPS = new TgKind("partner-groups", "g", "partner_group")
      .versioned()
      .create("createPartnerGroup")
      .update("updatePartnerGroup", "externalRef");

  static final TgKind POSTS = new TgKind("posts", "post", "post")
      .events("post.created", "post.updated").versioned().order(TgKind.Order.NEWEST_FIRST)
      .create("createPost")
      .update("updatePost", "kind", "externalRef")
      .ref("audience/groupIds", "partner-groups", "partner group")
      .ref("audience/partnerIds", "partners", "partner")
      .ref("attachments", "documents", "document")
      .filterEquals("kind")
      .filter("tag", (r, v) -> contains(r.path("tags"), v))
      .filterSince("updatedSince", "updatedAt");

  static final TgKind DOCUMENTS = new TgKind("documents", "d", "document")
      .events("document.uploaded", null).order(TgKind.Order.NEWEST_FIRST);

  static final TgKind ASSIGNMENTS = new TgKind("assignments", "asg", "assignment")
      .events("assignment.created", "assignment.updated").versioned()
      .create("createAssignment")
      .initial("status", "assigned")
      .update("updateAssignment", "postId", "target", "externalRef")
      .ref("postId", "posts", "post")
      .rule((c, after, before) -> {
        JsonNode target = after.path("target");
        boolean group = target.path("type").asText().equals("group");
        if (!c.exists(group ? "partner-groups" : "partners", target.path("id").asText())) {
          throw TgApiException.validation("target.id: no " + (group ? "partner group " : "partner ") + target.path("id").asText()
              + " in community " + c.id);
        }
      })
      .filterEquals("postId")
      .filter("groupId", (r, v) -> isTarget(r, "group", v))
      .filter("partnerId", (r, v) -> isTarget(r, "partner", v))
      .filterEquals("status");

  static final TgKind THREADS = new TgKind("threads", "th", "thread")
      .events("thread.created", null)
      .create("createThread")
      .ref("postId", "posts", "post")
      .filterEquals("postId");

  static final TgKind MESSAGES = new TgKind("messages", "msg", "message")
      .events("thread.message_created", null).parentField("threadId")
      .create("createThreadMessage")
      .ref("authorPartnerId", "partners", "partner")
      .filterSince("since", "createdAt");

  static final TgKind ISSUES = new TgKind("issues", "i", "issue")
      .events("issue.created", "issue.updated").versioned().order(TgKind.Order.RECENTLY_UPDATED_FIRST)
      .create("createIssue")
      .initial("status", "open")
      .update("updateIssue", "type", "partnerId", "region", "accountId", "externalRef", "resolvedAt")
      .ref("partnerId", "partners", "partner")
      .ref("attachments", "documents", "document")
      .rule((c, after, before) -> {
        if (before != null) {
          checkIssueTransition(before.path("status").asText(), after.path("status").asText());
        }
      })
      .derive((c, after, before) -> {
        String from = before == null ? "open" : before.path("status").asText();
        String to = after.path("status").asText();
        if (to.equals("resolved") && !from.equals("resolved")) {
          after.put("resolvedAt", after.path("updatedAt").asText());
        } else if (from.equals("resolved") && (to.equals("open") || to.equals("in_progress"))) {
          after.remove("resolvedAt");
        }
      })
      .filterEquals("status")
      .filterEquals("type")
      .filterSince("updatedSince", "updatedAt")
      .filterEquals("partnerId")
      .filterEquals("region");

  static {
    ISSUES.updateEventType = (before, after) ->
        after.path("status").asText().equals("resolved") && !before.path("status").asText().equals("resolved")
            ? "issue.resolved" : "issue.updated";
  }

  static final TgKind ISSUE_COMMENTS = new TgKind("issue-comments", "ic", "issue_comment")
      .events("issue.commented", null).parentField("issueId")
      .create("createIssueComment")
      .ref("authorPartnerId", "partners", "partner");

  static final TgKind FORMS = new TgKind("forms", "f", "form")
      .create("createForm")
      .ref("postId", "posts", "post")
      .rule((c, after, before) -> {
        Set<String> keys = new HashSet<>();
        for (JsonNode field : after.path("fields")) {
          String key = field.path("key").asText();
          if (!keys.add(key)) {
            throw TgApiException.validation("fields: key " + key + " repeats; field keys must be unique");
          }
          if (field.path("type").asText().equals("choice") && field.path("choices").size() < 2) {
            throw TgApiException.validation("fields." + key + ".choices: a choice field needs at least two choices");
          }
        }
      })
      .filterEquals("postId");

  static final TgKind SUBMISSIONS = new TgKind("submissions", "sub", "submission")
      .events("form.submitted", null).parentField("formId").timestampField("submittedAt")
      .create("createFormSubmission")
      .ref("partnerId", "partners", "partner")
      .rule((c, after, before) -> checkAnswers(c.find("forms", after.path("formId").asText()).orElseThrow().json, after.path("answers")))
      .filterSince("since", "submittedAt")
      .filterEquals("partnerId");

  static final TgKind APPROVALS = new TgKind("approvals", "ap", "approval")
      .events("approval.created", "approval.decided").versioned()
      .create("createApproval")
      .initial("status", "pending")
      .initial("round", 1)
      .initialArray("decisions")
      .ref("package/scriptDocumentId", "documents", "document")
      .ref("package/artworkDocumentId", "documents", "document")
      .ref("package/releaseNotesDocumentId", "documents", "document")
      .ref("package/audioDocumentId", "documents", "document")
      .filterEquals("status")
      .filterSince("updatedSince", "updatedAt");

  static final TgContract.Body DECISION = TgContract.get().body("createApprovalDecision");

  static final TgContract.Body RESUBMISSION = TgContract.get().body("resubmitApproval");

  static final TgKind AUDIT = new TgKind("audit", "au", "audit_entry").withoutExternalRef()
      .timestampField("at")
      .create("appendApprovalAudit");

  static final TgKind CAMPAIGNS = new TgKind("campaigns", "cmp", "campaign")
      .events("campaign.created", "campaign.updated").versioned()
      .create("createCampaign")
      .update("updateCampaign", "externalRef")
      .ref("approvalDocumentIds", "documents", "document")
      .ref("partnerInstructions/*/partnerId", "partners", "partner")
      .rule((c, after, before) -> {
        Set<String> ids = new HashSet<>();
        for (JsonNode m : after.path("milestones")) {
          if (!ids.add(m.path("id").asText())) {
            throw TgApiException.validation("milestones: id " + m.path("id").asText() + " repeats; milestone ids must be unique");
          }
        }
        if (after.path("type").asText().equals("sponsorship") && after.path("sponsor").asText().isBlank()) {
          throw TgApiException.validation("sponsor: a sponsorship campaign needs the sponsor's name, which its partner posts disclose");
        }
      })
      .filterEquals("status")
      .filterSince("updatedSince", "updatedAt");

  static final TgKind SITES = new TgKind("sites", "s", "site")
      .events("site.created", "site.updated").versioned()
      .create("createSite")
      .update("updateSite", "partnerId", "externalRef")
      .ref("licenceDocumentIds", "documents", "document")
      .ref("partnerId", "partners", "partner")
      .rule((c, after, before) -> {
        try {
          ZoneId.of(after.path("timezone").asText());
        } catch (DateTimeException e) {
          throw TgApiException.validation("timezone: must be an IANA time zone such as Europe/Amsterdam");
        }
      })
      .filterEquals("region")
      .filterEquals("status");

  static final TgKind SITE_REQUESTS = new TgKind("site-requests", "sr", "site_request")
      .events("site_request.created", "site_request.updated").versioned()
      .create("createSiteRequest")
      .initial("status", "open")
      .initialArray("comments")
      .update("updateSiteRequest", "siteId", "type", "comments", "externalRef")
      .ref("siteId", "sites", "site")
      .rule((c, after, before) -> {
        if (before != null) {
          checkSiteRequestTransition(before.path("status").asText(), after.path("status").asText());
        }
      })
      .filterEquals("siteId")
      .filterEquals("type")
      .filterEquals("status")
      .filterSince("updatedSince", "updatedAt");

  static final TgContract.Body SITE_REQUEST_COMMENT = TgContract.get().body("createSiteRequestComment");

  static final TgKind WEBHOOKS = new TgKind("webhooks", "wh", "webhook")
      .create("createWebhook")
      .rule((c, after, before) -> checkWebhookUrl(after.path("url").asText()));

  static final TgKind EVENTS = new TgKind("events", "ev", "event");

  static final Map<String, TgKind> BY_COLLECTION = Map.ofEntries(
      Map.entry(PARTNERS.collection, PARTNERS), Map.entry(PARTNER_GROUPS.collection, PARTNER_GROUPS),
      Map.entry(POSTS.collection, POSTS), Map.entry(DOCUMENTS.collection, DOCUMENTS),
      Map.entry(ASSIGNMENTS.collection, ASSIGNMENTS), Map.entry(THREADS.collection, THREADS),
      Map.entry(ISSUES.collection, ISSUES), Map.entry(FORMS.collection, FORMS),
      Map.entry(APPROVALS.collection, APPROVALS), Map.entry(CAMPAIGNS.collection, CAMPAIGNS),
      Map.entry(SITES.collection, SITES), Map.entry(SITE_REQUESTS.collection, SITE_REQUESTS),
      Map.entry(WEBHOOKS.collection, WEBHOOKS));

  private TgKinds() {}

  static Instant instant(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw TgApiException.validation("must be an RFC 3339 date-time such as 2026-05-04T09:15:00Z, was " + text);
    }
  }

  static boolean contains(JsonNode array, String value) {
    for (JsonNode item : array) {
      if (item.asText().equals(value)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isTarget(ObjectNode assignment, String type, String id) {
    JsonNode target = assignment.path("target");
    return target.path("type").asText().equals(type) && target.path("id").asText().equals(id);
  }

  /** Forward one step along open → in_progress → resolved → closed, or re-open from resolved. */
  static void checkIssueTransition(String from, String to) {
    if (from.equals(to)) {
      return;
    }
    boolean allowed = (from.equals("open") && to.equals("in_progress"))
        || (from.equals("in_progress") && to.equals("resolved"))
        || (from.equals("resolved") && (to.equals("closed") || to.equals("open") || to.equals("in_progress")));
    if (!allowed) {
      throw TgApiException.validation("status: an issue cannot move from " + from + " to " + to
          + " (allowed: open → in_progress → resolved → closed, or resolved → open/in_progress)");
    }
  }

  static void checkSiteRequestTransition(String from, String to) {
    if (from.equals(to)) {
      return;
    }
    boolean allowed = (from.equals("open") && (to.equals("accepted") || to.equals("refused")))
        || (from.equals("accepted") && to.equals("done"));
    if (!allowed) {
      throw TgApiException.validation("status: a site request cannot move from " + from + " to " + to
          + " (allowed: open → accepted or refused, accepted → done)");
    }
  }

  static void checkAnswers(ObjectNode form, JsonNode answers) {
    Set<String> known = new HashSet<>();
    for (JsonNode field : form.path("fields")) {
      String key = field.path("key").asText();
      known.add(key);
      JsonNode answer = answers.get(key);
      if (answer == null || answer.asText().isBlank()) {
        if (field.path("required").asBoolean()) {
          throw TgApiException.validation("answers." + key + ": is required");
        }
        continue;
      }
      String value = answer.asText();
      switch (field.path("type").asText()) {
        case "rating":
          if (!value.matches("[1-5]")) {
            throw TgApiException.validation("answers." + key + ": a rating must be \"1\" to \"5\"");
          }
          break;
        case "choice":
          if (!contains(field.path("choices"), value)) {
            throw TgApiException.validation("answers." + key + ": must be one of " + field.path("choices"));
          }
          break;
        default:
          break;
      }
    }
    for (var it = answers.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!known.contains(key)) {
        throw TgApiException.validation("answers." + key + ": the form has no such field");
      }
    }
  }

  /** {@code https}, or {@code http} on loopback (the sandbox's allowance for local receivers). */
  static void checkWebhookUrl(String url) {
    URI uri = URI.create(url);
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
    String host = uri.getHost() == null ? "" : uri.getHost();
    boolean loopback = host.equals("127.0.0.1") || host.equals("localhost") || host.equals("[::1]") || host.equals("::1");
    if (!(scheme.equals("https") || (scheme.equals("http") && loopback)) || host.isEmpty()) {
      throw TgApiException.validation("url: must be https (the sandbox also accepts http on 127.0.0.1 or localhost)");
    }
  }
}
