package io.gridcast.testkit;

import static io.gridcast.testkit.TgSchema.absoluteUri;
import static io.gridcast.testkit.TgSchema.arrayOf;
import static io.gridcast.testkit.TgSchema.bool;
import static io.gridcast.testkit.TgSchema.date;
import static io.gridcast.testkit.TgSchema.email;
import static io.gridcast.testkit.TgSchema.enumOf;
import static io.gridcast.testkit.TgSchema.externalRef;
import static io.gridcast.testkit.TgSchema.id;
import static io.gridcast.testkit.TgSchema.object;
import static io.gridcast.testkit.TgSchema.pattern;
import static io.gridcast.testkit.TgSchema.string;
import static io.gridcast.testkit.TgSchema.stringMap;
import static io.gridcast.testkit.TgSchema.text;
import static io.gridcast.testkit.TgSchema.textNode;

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
 * The resource kinds of the Active Community contract as the sandbox implements them: request
 * schemas, references, state rules, filters, list order and events, transcribed from the
 * contract's {@code components/schemas} and operation descriptions.
 */
final class TgKinds {

  static final List<String> ONBOARDING_STAGES = List.of("invited", "onboarding", "certified", "active", "suspended");
  static final List<String> EVENT_TYPES = List.of(
      "partner.created", "partner.updated", "post.created", "post.updated", "document.uploaded",
      "assignment.created", "assignment.updated", "thread.created", "thread.message_created",
      "issue.created", "issue.updated", "issue.resolved", "issue.commented", "form.submitted",
      "approval.created", "approval.decided", "approval.completed", "campaign.created", "campaign.updated",
      "site.created", "site.updated", "site_request.created", "site_request.updated");

  static final TgSchema.Type DATE_TIME = (path, v) -> {
    instant(v.asText());
    return v;
  };

  private static final TgSchema.Type REGION = string(1, 64);
  private static final TgSchema.Type LINK = object(new TgSchema()
      .required("rel", string(1, 100))
      .optional("title", text())
      .required("url", absoluteUri()));
  private static final TgSchema.Type LINKS = arrayOf(LINK, 0, 50, false);
  private static final TgSchema.Type IDS = arrayOf(id());
  private static final TgSchema.Type METADATA = stringMap(50, 2000);
  private static final TgSchema.Type AUDIENCE = object(new TgSchema()
      .required("groupIds", IDS)
      .required("partnerIds", IDS));
  private static final TgSchema.Type POST_KIND = enumOf("announcement", "training", "audio_update", "report", "service_notice");
  private static final TgSchema.Type STAGE = enumOf(ONBOARDING_STAGES.toArray(String[]::new));
  private static final TgSchema.Type ISSUE_TYPE = enumOf("trading_issue", "process_change", "feedback", "support");
  private static final TgSchema.Type ISSUE_STATUS = enumOf("open", "in_progress", "resolved", "closed");
  private static final TgSchema.Type SEVERITY = enumOf("low", "medium", "high", "critical");
  private static final TgSchema.Type ASSIGNMENT_STATUS = enumOf("assigned", "in_progress", "completed", "cancelled");
  private static final TgSchema.Type APPROVAL_STATUS = enumOf("pending", "approved", "rejected", "changes_requested");
  private static final TgSchema.Type CAMPAIGN_STATUS = enumOf("draft", "active", "completed");
  private static final TgSchema.Type SITE_STATUS = enumOf("planned", "live", "suspended");
  private static final TgSchema.Type SITE_REQUEST_TYPE = enumOf("new_site", "playlist_change", "licence", "support");
  private static final TgSchema.Type SITE_REQUEST_STATUS = enumOf("open", "accepted", "refused", "done");
  private static final TgSchema.Type PLAYLIST_URI = pattern("^spotify:playlist:[A-Za-z0-9]+$", "a Spotify playlist URI (spotify:playlist:<id>)");
  private static final TgSchema.Type ROLE = pattern("^[a-z][a-z0-9_]{0,63}$", "a role such as legal or partner_operations");
  private static final TgSchema.Type MILESTONE = object(new TgSchema()
      .required("id", id())
      .required("title", string(1, 300))
      .required("dueDate", date())
      .required("status", enumOf("planned", "done"))
      .optional("spotifyUri", pattern("^spotify:[a-z]+:[A-Za-z0-9]+$", "a Spotify URI such as spotify:episode:<id>")));
  private static final TgSchema.Type PARTNER_INSTRUCTION = object(new TgSchema()
      .required("partnerId", id())
      .required("instructions", text()));
  private static final TgSchema.Type FORM_FIELD = object(new TgSchema()
      .required("key", pattern("^[a-z][a-z0-9_]{0,63}$", "a key matching ^[a-z][a-z0-9_]{0,63}$"))
      .required("label", string(1, 1000))
      .required("type", enumOf("rating", "text", "choice"))
      .required("required", bool())
      .optional("choices", arrayOf(string(1, 1000))));

  static final TgKind PARTNERS = new TgKind("partners", "p", "partner")
      .events("partner.created", "partner.updated").versioned()
      .create(new TgSchema()
          .required("accountId", string(1, 200))
          .required("name", string(1, 200))
          .required("region", REGION)
          .optional("onboardingStage", STAGE, textNode("invited"))
          .optionalArray("groupIds", arrayOf(id(), 0, 1000, true))
          .optional("contactEmail", email())
          .optional("externalRef", externalRef()))
      .update(new TgSchema()
          .optional("name", string(1, 200))
          .optional("region", REGION)
          .optional("onboardingStage", STAGE)
          .optional("groupIds", arrayOf(id(), 0, 1000, true))
          .optional("contactEmail", email()), "accountId", "externalRef")
      .ref("groupIds", "partner-groups", "partner group")
      .filterEquals("region", REGION)
      .filterEquals("onboardingStage", STAGE)
      .filterEquals("accountId", string(1, 200))
      .filter("groupId", id(), (r, v) -> contains(r.path("groupIds"), v));

  static final TgKind PARTNER_GROUPS = new TgKind("partner-groups", "g", "partner_group")
      .versioned()
      .create(new TgSchema()
          .required("name", string(1, 200))
          .optional("description", string(0, 2000))
          .optional("externalRef", externalRef()))
      .update(new TgSchema()
          .optional("name", string(1, 200))
          .optional("description", string(0, 2000)), "externalRef");

  static final TgKind POSTS = new TgKind("posts", "post", "post")
      .events("post.created", "post.updated").versioned().order(TgKind.Order.NEWEST_FIRST)
      .create(new TgSchema()
          .required("kind", POST_KIND)
          .required("title", string(1, 300))
          .required("body", string(0, 100_000))
          .optionalArray("links", LINKS)
          .optional("metadata", METADATA, SandboxJson.object())
          .required("audience", AUDIENCE)
          .optionalArray("attachments", arrayOf(id(), 0, 50, false))
          .optionalArray("tags", arrayOf(string(1, 100), 0, 50, false))
          .optional("externalRef", externalRef()))
      .update(new TgSchema()
          .optional("title", string(1, 300))
          .optional("body", string(0, 100_000))
          .optional("links", LINKS)
          .optional("metadata", METADATA)
          .optional("audience", AUDIENCE)
          .optional("attachments", arrayOf(id(), 0, 50, false))
          .optional("tags", arrayOf(string(1, 100), 0, 50, false)), "kind", "externalRef")
      .ref("audience/groupIds", "partner-groups", "partner group")
      .ref("audience/partnerIds", "partners", "partner")
      .ref("attachments", "documents", "document")
      .filterEquals("kind", POST_KIND)
      .filter("tag", string(1, 100), (r, v) -> contains(r.path("tags"), v))
      .filterSince("updatedSince", "updatedAt");

  static final TgKind DOCUMENTS = new TgKind("documents", "d", "document")
      .events("document.uploaded", null).order(TgKind.Order.NEWEST_FIRST);

  static final TgKind ASSIGNMENTS = new TgKind("assignments", "asg", "assignment")
      .events("assignment.created", "assignment.updated").versioned()
      .create(new TgSchema()
          .required("postId", id())
          .required("target", object(new TgSchema()
              .required("type", enumOf("group", "partner"))
              .required("id", id())))
          .optional("dueDate", date())
          .optional("reason", string(0, 2000))
          .optional("externalRef", externalRef()))
      .initial("status", "assigned")
      .update(new TgSchema()
          .optional("dueDate", date())
          .optional("reason", string(0, 2000))
          .optional("status", ASSIGNMENT_STATUS), "postId", "target", "externalRef")
      .ref("postId", "posts", "post")
      .rule((c, after, before) -> {
        JsonNode target = after.path("target");
        boolean group = target.path("type").asText().equals("group");
        if (!c.exists(group ? "partner-groups" : "partners", target.path("id").asText())) {
          throw TgApiException.validation("target.id: no " + (group ? "partner group " : "partner ") + target.path("id").asText()
              + " in community " + c.id);
        }
      })
      .filterEquals("postId", id())
      .filter("groupId", id(), (r, v) -> isTarget(r, "group", v))
      .filter("partnerId", id(), (r, v) -> isTarget(r, "partner", v))
      .filterEquals("status", ASSIGNMENT_STATUS);

  static final TgKind THREADS = new TgKind("threads", "th", "thread")
      .events("thread.created", null)
      .create(new TgSchema()
          .required("title", string(1, 300))
          .optional("postId", id())
          .optional("externalRef", externalRef()))
      .ref("postId", "posts", "post")
      .filterEquals("postId", id());

  static final TgKind MESSAGES = new TgKind("messages", "msg", "message")
      .events("thread.message_created", null).parentField("threadId")
      .create(new TgSchema()
          .required("body", string(1, 20_000))
          .optional("authorPartnerId", id())
          .optional("externalRef", externalRef()))
      .ref("authorPartnerId", "partners", "partner")
      .filterSince("since", "createdAt");

  static final TgKind ISSUES = new TgKind("issues", "i", "issue")
      .events("issue.created", "issue.updated").versioned().order(TgKind.Order.RECENTLY_UPDATED_FIRST)
      .create(new TgSchema()
          .required("type", ISSUE_TYPE)
          .optional("severity", SEVERITY, textNode("medium"))
          .required("title", string(1, 300))
          .required("description", string(0, 100_000))
          .optional("partnerId", id())
          .optional("region", REGION)
          .optional("accountId", text())
          .optional("topic", string(0, 100))
          .optionalArray("correctiveActions", arrayOf(text()))
          .optionalArray("links", arrayOf(LINK))
          .optionalArray("attachments", IDS)
          .optional("externalRef", externalRef()))
      .initial("status", "open")
      .update(new TgSchema()
          .optional("status", ISSUE_STATUS)
          .optional("severity", SEVERITY)
          .optional("title", string(1, 300))
          .optional("description", string(0, 100_000))
          .optional("topic", string(0, 100))
          .optional("correctiveActions", arrayOf(text()))
          .optional("resolutionSummary", string(0, 20_000))
          .optional("links", arrayOf(LINK))
          .optional("attachments", IDS), "type", "partnerId", "region", "accountId", "externalRef", "resolvedAt")
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
      .filterEquals("status", ISSUE_STATUS)
      .filterEquals("type", ISSUE_TYPE)
      .filterSince("updatedSince", "updatedAt")
      .filterEquals("partnerId", id())
      .filterEquals("region", REGION);

  static {
    ISSUES.updateEventType = (before, after) ->
        after.path("status").asText().equals("resolved") && !before.path("status").asText().equals("resolved")
            ? "issue.resolved" : "issue.updated";
  }

  static final TgKind ISSUE_COMMENTS = new TgKind("issue-comments", "ic", "issue_comment")
      .events("issue.commented", null).parentField("issueId")
      .create(new TgSchema()
          .required("body", string(1, 20_000))
          .optional("authorPartnerId", id())
          .optional("externalRef", externalRef()))
      .ref("authorPartnerId", "partners", "partner");

  static final TgKind FORMS = new TgKind("forms", "f", "form")
      .create(new TgSchema()
          .required("title", string(1, 300))
          .optional("description", string(0, 20_000))
          .required("fields", arrayOf(FORM_FIELD, 1, 50, false))
          .optional("postId", id())
          .optional("externalRef", externalRef()))
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
      .filterEquals("postId", id());

  static final TgKind SUBMISSIONS = new TgKind("submissions", "sub", "submission")
      .events("form.submitted", null).parentField("formId").timestampField("submittedAt")
      .create(new TgSchema()
          .required("partnerId", id())
          .required("answers", stringMap(1000, 20_000))
          .optional("externalRef", externalRef()))
      .ref("partnerId", "partners", "partner")
      .rule((c, after, before) -> checkAnswers(c.find("forms", after.path("formId").asText()).orElseThrow().json, after.path("answers")))
      .filterSince("since", "submittedAt")
      .filterEquals("partnerId", id());

  static final TgKind APPROVALS = new TgKind("approvals", "ap", "approval")
      .events("approval.created", "approval.decided").versioned()
      .create(new TgSchema()
          .required("title", string(1, 300))
          .optional("description", string(0, 20_000))
          .required("package", object(new TgSchema()
              .required("scriptDocumentId", id())
              .required("artworkDocumentId", id())
              .required("releaseNotesDocumentId", id())
              .required("audioDocumentId", id())))
          .required("requiredRoles", arrayOf(ROLE, 1, 50, true))
          .optional("externalRef", externalRef()))
      .initial("status", "pending")
      .initialArray("decisions")
      .ref("package/scriptDocumentId", "documents", "document")
      .ref("package/artworkDocumentId", "documents", "document")
      .ref("package/releaseNotesDocumentId", "documents", "document")
      .ref("package/audioDocumentId", "documents", "document")
      .filterEquals("status", APPROVAL_STATUS)
      .filterSince("updatedSince", "updatedAt");

  static final TgSchema DECISION = new TgSchema()
      .required("role", ROLE)
      .required("decision", enumOf("approve", "reject", "request_changes"))
      .optional("comment", string(0, 20_000))
      .required("decidedBy", string(1, 320));

  static final TgKind AUDIT = new TgKind("audit", "au", "audit_entry")
      .timestampField("at")
      .create(new TgSchema()
          .required("actor", string(1, 320))
          .required("action", string(1, 100))
          .optional("detail", string(0, 20_000)));

  static final TgKind CAMPAIGNS = new TgKind("campaigns", "cmp", "campaign")
      .events("campaign.created", "campaign.updated").versioned()
      .create(new TgSchema()
          .required("name", string(1, 300))
          .required("brief", string(0, 100_000))
          .optionalArray("approvalDocumentIds", IDS)
          .optionalArray("milestones", arrayOf(MILESTONE))
          .optionalArray("partnerInstructions", arrayOf(PARTNER_INSTRUCTION))
          .optionalArray("spotifyRefs", arrayOf(string(1, 512)))
          .optional("status", CAMPAIGN_STATUS, textNode("draft"))
          .optional("externalRef", externalRef()))
      .update(new TgSchema()
          .optional("name", string(1, 300))
          .optional("brief", string(0, 100_000))
          .optional("approvalDocumentIds", IDS)
          .optional("milestones", arrayOf(MILESTONE))
          .optional("partnerInstructions", arrayOf(PARTNER_INSTRUCTION))
          .optional("spotifyRefs", arrayOf(string(1, 512)))
          .optional("status", CAMPAIGN_STATUS), "externalRef")
      .ref("approvalDocumentIds", "documents", "document")
      .ref("partnerInstructions/*/partnerId", "partners", "partner")
      .rule((c, after, before) -> {
        Set<String> ids = new HashSet<>();
        for (JsonNode m : after.path("milestones")) {
          if (!ids.add(m.path("id").asText())) {
            throw TgApiException.validation("milestones: id " + m.path("id").asText() + " repeats; milestone ids must be unique");
          }
        }
      })
      .filterEquals("status", CAMPAIGN_STATUS)
      .filterSince("updatedSince", "updatedAt");

  static final TgKind SITES = new TgKind("sites", "s", "site")
      .events("site.created", "site.updated").versioned()
      .create(new TgSchema()
          .required("name", string(1, 300))
          .required("region", REGION)
          .required("timezone", string(1, 64))
          .optional("playlistUri", PLAYLIST_URI)
          .optionalArray("licenceDocumentIds", IDS)
          .optional("status", SITE_STATUS, textNode("planned"))
          .optional("rolloutDate", date())
          .optional("partnerId", id())
          .optional("externalRef", externalRef()))
      .update(new TgSchema()
          .optional("name", string(1, 300))
          .optional("region", REGION)
          .optional("timezone", string(1, 64))
          .optional("playlistUri", PLAYLIST_URI)
          .optional("licenceDocumentIds", IDS)
          .optional("status", SITE_STATUS)
          .optional("rolloutDate", date()), "partnerId", "externalRef")
      .ref("licenceDocumentIds", "documents", "document")
      .ref("partnerId", "partners", "partner")
      .rule((c, after, before) -> {
        try {
          ZoneId.of(after.path("timezone").asText());
        } catch (DateTimeException e) {
          throw TgApiException.validation("timezone: must be an IANA time zone such as Europe/Amsterdam");
        }
      })
      .filterEquals("region", REGION)
      .filterEquals("status", SITE_STATUS);

  static final TgKind SITE_REQUESTS = new TgKind("site-requests", "sr", "site_request")
      .events("site_request.created", "site_request.updated").versioned()
      .create(new TgSchema()
          .required("siteId", id())
          .required("type", SITE_REQUEST_TYPE)
          .required("details", string(1, 20_000))
          .optional("externalRef", externalRef()))
      .initial("status", "open")
      .initialArray("comments")
      .update(new TgSchema()
          .optional("status", SITE_REQUEST_STATUS)
          .optional("details", string(1, 20_000)), "siteId", "type", "comments", "externalRef")
      .ref("siteId", "sites", "site")
      .rule((c, after, before) -> {
        if (before != null) {
          checkSiteRequestTransition(before.path("status").asText(), after.path("status").asText());
        }
      })
      .filterEquals("siteId", id())
      .filterEquals("type", SITE_REQUEST_TYPE)
      .filterEquals("status", SITE_REQUEST_STATUS)
      .filterSince("updatedSince", "updatedAt");

  static final TgSchema SITE_REQUEST_COMMENT = new TgSchema()
      .required("author", string(1, 320))
      .required("body", string(1, 20_000));

  static final TgKind WEBHOOKS = new TgKind("webhooks", "wh", "webhook")
      .create(new TgSchema()
          .required("url", absoluteUri())
          .required("eventTypes", arrayOf(enumOf(EVENT_TYPES.toArray(String[]::new)), 1, EVENT_TYPES.size(), true))
          .required("secret", string(16, 256))
          .optional("description", string(0, 2000))
          .optional("externalRef", externalRef()))
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
