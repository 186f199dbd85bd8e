package io.gridcast.testkit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The demo community every {@link TradingGridSandbox} starts with: Halvorsen &amp; Pike Retail's
 * supplier community on Trading Grid, with ids that never change, so that tests and examples can
 * name them.
 *
 * <p>What it holds: 4 regions ({@code EMEA}, {@code NA}, {@code APAC}, {@code LATAM}); 40 partners
 * (ids {@code p_<name>}, see {@link #PARTNER_IDS}) spread over every onboarding stage; 8 partner
 * groups (one per region, one per stage from onboarding to active, and a grocery group); 5 posts
 * of different kinds; 2 assignments; 2 threads with messages; 6 issues (open, in progress,
 * resolved with and without an audio document, closed); a feedback form with 12 submissions; an
 * approval in progress (legal has approved, compliance and partner operations have not); a
 * branded campaign and a sponsorship campaign ({@link #CAMPAIGN_COLD_BREW}), each with approval
 * documents, milestones and partner instructions; 10 sites (6 with licence documents); 4 site
 * requests. The seed decides which partner is in which region, stage and grocery group, their
 * account ids, and the answers of the submissions; names, ids and everything else are fixed.
 * Seeding emits no events: the feed starts empty.
 *
 * <p>The demo data is stamped with fixed times starting 2026-09-07T08:00Z and spanning about a week.
 */
public final class TradingGridDemoData {

  /** Regions used by the demo partners and sites. */
  public static final List<String> REGIONS = List.of("EMEA", "NA", "APAC", "LATAM");

  public static final String GROUP_EMEA = "g_region_emea";
  public static final String GROUP_NA = "g_region_na";
  public static final String GROUP_APAC = "g_region_apac";
  public static final String GROUP_LATAM = "g_region_latam";
  /** Partners in onboarding stage {@code onboarding}, kept in step by {@link TradingGridSandbox#movePartnerToStage}. */
  public static final String GROUP_ONBOARDING = "g_stage_onboarding";
  /** Partners in onboarding stage {@code certified}. */
  public static final String GROUP_CERTIFIED = "g_stage_certified";
  /** Partners in onboarding stage {@code active}. */
  public static final String GROUP_ACTIVE = "g_stage_active";
  public static final String GROUP_GROCERY = "g_grocery";

  public static final String POST_WELCOME = "post_welcome_fy27";
  public static final String POST_ASN_TRAINING = "post_asn_training";
  public static final String POST_PEAK_NOTICE = "post_peak_cutoffs";
  public static final String POST_EPISODE_42 = "post_episode_42";
  public static final String POST_Q3_REPORT = "post_q3_report";

  public static final String THREAD_EPISODE_42 = "th_episode_42_feedback";
  public static final String THREAD_PEAK_QUESTIONS = "th_peak_questions";

  /** Resolved trading issue whose attachments include the audio update {@link #DOCUMENT_ASN_AUDIO}. */
  public static final String ISSUE_RESOLVED_WITH_AUDIO = "i_asn_sscc";
  /** Resolved trading issue without any attachment or audio update yet. */
  public static final String ISSUE_RESOLVED_WITHOUT_AUDIO = "i_invoice_rounding";
  /** Open, critical trading issue. */
  public static final String ISSUE_OPEN = "i_po_duplicates";
  /** Process change in progress. */
  public static final String ISSUE_IN_PROGRESS = "i_peak_cutoff";
  /** Open support issue. */
  public static final String ISSUE_SUPPORT = "i_portal_login";
  /** Closed feedback issue. */
  public static final String ISSUE_CLOSED = "i_episode_42_length";

  public static final String FORM_EPISODE_FEEDBACK = "f_episode_42_feedback";
  /** Pending approval: legal approved; compliance and partner_operations still to decide. */
  public static final String APPROVAL_IN_PROGRESS = "ap_supply_minutes_43";
  public static final String CAMPAIGN_SUMMER_SOUNDS = "cmp_summer_sounds";
  /** Active sponsorship campaign, sponsored by {@link #SPONSOR_COLD_BREW}, with approval documents and partner instructions. */
  public static final String CAMPAIGN_COLD_BREW = "cmp_cold_brew_sessions";
  /** The sponsor of {@link #CAMPAIGN_COLD_BREW}, as its partner posts disclose it. */
  public static final String SPONSOR_COLD_BREW = "Umber Coffee Roasters";

  public static final String DOCUMENT_ASN_AUDIO = "d_asn_fix_audio";
  public static final String DOCUMENT_ASN_CHECKLIST = "d_asn_checklist";
  public static final String DOCUMENT_EP43_SCRIPT = "d_ep43_script";
  public static final String DOCUMENT_EP43_ARTWORK = "d_ep43_artwork";
  public static final String DOCUMENT_EP43_RELEASE_NOTES = "d_ep43_release_notes";
  public static final String DOCUMENT_EP43_AUDIO = "d_ep43_audio";

  /** Live site in Rotterdam with a licence document and a playlist. */
  public static final String SITE_ROTTERDAM = "s_rotterdam_112";
  /** Planned site in Lyon without licence documents. */
  public static final String SITE_LYON = "s_lyon_207";
  /** Open new-site request for {@link #SITE_LYON}. */
  public static final String SITE_REQUEST_LYON = "sr_lyon_new_site";
  /** The ten site ids. */
  public static final List<String> SITE_IDS = List.of(
      "s_rotterdam_112", "s_manchester_041", "s_lyon_207", "s_toronto_015", "s_austin_330",
      "s_denver_118", "s_singapore_052", "s_melbourne_076", "s_sao_paulo_021", "s_mexico_city_064");

  private static final List<String> PARTNER_NAMES = List.of(
      "Alder & Finch Provisions", "Brightwater Grocers Supply", "Copperleaf Textiles", "Dunmore Logistics",
      "Elmstead Paper Goods", "Fairhaven Dairy Cooperative", "Glenrock Hardware Distributors", "Harborline Freight",
      "Ironbridge Packaging", "Juniper Lane Cosmetics", "Kestrel Electronics Trading", "Larchmont Beverages",
      "Meridian Home Textiles", "Northgate Cold Chain", "Oakhurst Bakery Supplies", "Pinecrest Garden Products",
      "Quayside Seafood Traders", "Redfern Footwear", "Saltmarsh Organics", "Thistledown Toys",
      "Umber Coffee Roasters", "Valemount Cleaning Products", "Westbrook Stationery", "Yarrow Health Foods",
      "Zephyr Outdoor Gear", "Ashgrove Pet Supplies", "Bellhaven Kitchenware", "Cobalt Bay Apparel",
      "Driftwood Furniture Works", "Emberly Candles", "Foxglove Pharmacy Wholesale", "Granite Peak Sports",
      "Hollowell Frozen Foods", "Ivywood Baby Care", "Kingsmere Wines & Spirits", "Lindenfield Lighting",
      "Mistral Beauty Labs", "Nettlebed Snacks", "Orchard Row Juices", "Pembury Household Paper");

  /** The 40 partner ids, in creation order, e.g. {@code p_alder_finch}. */
  public static final List<String> PARTNER_IDS = PARTNER_NAMES.stream().map(TradingGridDemoData::partnerId).toList();

  /** A partner that exists under every seed: Dunmore Logistics, the reporter of {@link #ISSUE_RESOLVED_WITH_AUDIO}. */
  public static final String PARTNER_DUNMORE = "p_dunmore_logistics";

  private static final Instant START = Instant.parse("2026-09-07T08:00:00Z");

  private TradingGridDemoData() {}

  private static String partnerId(String name) {
    String[] words = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z ]", " ").trim().split("\\s+");
    return "p_" + words[0] + "_" + words[1];
  }

  /** Seeds {@code community}; callers hold the store's lock. Clears the events the seeding produced. */
  static void seed(TgStore store, TgResources resources, TgCommunity community) {
    new Seeder(store, resources, community).run();
    community.collections.remove(TgKinds.EVENTS.collection);
  }

  private static final class Seeder {
    private final TgStore store;
    private final TgResources resources;
    private final TgCommunity c;
    private final Random random;
    private final Clock realClock;
    private Instant now = START;

    Seeder(TgStore store, TgResources resources, TgCommunity community) {
      this.store = store;
      this.resources = resources;
      this.c = community;
      this.random = new Random(store.seed * 31 + 7);
      this.realClock = store.clock;
    }

    void run() {
      try {
        groups();
        partners();
        documents();
        posts();
        threads();
        issues();
        form();
        approval();
        campaign();
        sites();
        sponsorship(); // last, so that the seed's earlier draws stay what they were
      } finally {
        store.clock = realClock;
      }
    }

    /** Moves the seeding clock forward by {@code minutes}. */
    private void at(long minutes) {
      now = now.plus(Duration.ofMinutes(minutes));
      store.clock = Clock.fixed(now, ZoneOffset.UTC);
    }

    private ObjectNode obj() {
      return SandboxJson.object();
    }

    private ObjectNode create(TgKind kind, String id, String parentId, ObjectNode body) {
      at(7 + random.nextInt(50));
      return resources.create(c, kind, parentId, kind.createSchema.create(body), id);
    }

    private void update(TgKind kind, String id, ObjectNode patch) {
      at(60 + random.nextInt(600));
      resources.update(c, kind, c.find(kind.collection, id).orElseThrow(), kind.updateSchema.update(patch, kind.fixed));
    }

    private static ArrayNode array(String... values) {
      ArrayNode a = SandboxJson.array();
      for (String v : values) {
        a.add(v);
      }
      return a;
    }

    private void groups() {
      group(GROUP_EMEA, "EMEA suppliers", "Every supplier trading with our stores in Europe, the Middle East and Africa.");
      group(GROUP_NA, "North America suppliers", "Suppliers shipping to our US and Canadian distribution centres.");
      group(GROUP_APAC, "APAC suppliers", "Suppliers for Singapore, Australia and our sourcing office in Shenzhen.");
      group(GROUP_LATAM, "LATAM suppliers", "Suppliers for Mexico and Brazil.");
      group(GROUP_ONBOARDING, "Onboarding cohort", "Partners still connecting their EDI; they get the training series.");
      group(GROUP_CERTIFIED, "Certified partners", "Passed EDI certification, not yet trading in volume.");
      group(GROUP_ACTIVE, "Active trading partners", "Trading in production.");
      group(GROUP_GROCERY, "Grocery & fresh produce", "Food, drink and fresh produce suppliers with cold-chain rules.");
    }

    private void group(String id, String name, String description) {
      create(TgKinds.PARTNER_GROUPS, id, null, obj().put("name", name).put("description", description));
    }

    private void partners() {
      List<String> regions = new ArrayList<>();
      addTimes(regions, "EMEA", 14);
      addTimes(regions, "NA", 12);
      addTimes(regions, "APAC", 8);
      addTimes(regions, "LATAM", 6);
      List<String> stages = new ArrayList<>();
      addTimes(stages, "invited", 5);
      addTimes(stages, "onboarding", 9);
      addTimes(stages, "certified", 8);
      addTimes(stages, "active", 15);
      addTimes(stages, "suspended", 3);
      Collections.shuffle(regions, random);
      Collections.shuffle(stages, random);
      // Dunmore reports the seeded ASN issue and trades in EMEA under every seed.
      int dunmore = PARTNER_IDS.indexOf(PARTNER_DUNMORE);
      Collections.swap(regions, dunmore, regions.indexOf("EMEA"));
      Collections.swap(stages, dunmore, stages.indexOf("active"));
      List<Integer> grocery = new ArrayList<>();
      for (int i = 0; i < PARTNER_NAMES.size(); i++) {
        grocery.add(i);
      }
      Collections.shuffle(grocery, random);
      grocery = grocery.subList(0, 10);
      for (int i = 0; i < PARTNER_NAMES.size(); i++) {
        String name = PARTNER_NAMES.get(i);
        ArrayNode groups = array(regionGroup(regions.get(i)));
        String stageGroup = stageGroup(stages.get(i));
        if (stageGroup != null) {
          groups.add(stageGroup);
        }
        if (grocery.contains(i)) {
          groups.add(GROUP_GROCERY);
        }
        String domain = PARTNER_IDS.get(i).substring(2).replace("_", "");
        ObjectNode body = obj()
            .put("accountId", String.format(Locale.ROOT, "TGMS-%04d-%04d", 1000 + random.nextInt(9000), random.nextInt(10000)))
            .put("name", name)
            .put("region", regions.get(i))
            .put("onboardingStage", stages.get(i))
            .put("contactEmail", "edi@" + domain + ".example");
        body.set("groupIds", groups);
        create(TgKinds.PARTNERS, PARTNER_IDS.get(i), null, body);
      }
    }

    private void documents() {
      document(DOCUMENT_ASN_CHECKLIST, "asn-carton-sscc-checklist.pdf", "application/pdf", pdf("ASN carton-level SSCC checklist"));
      document(DOCUMENT_ASN_AUDIO, "asn-fix-audio-update.mp3", "audio/mpeg", audio(6_000));
      document(DOCUMENT_EP43_SCRIPT, "supply-minutes-43-script.md", "text/markdown",
          ("# Supply Chain Minutes 43: Returns without tears\n\nHost intro, the three return codes, "
              + "a store manager's story, and what changes for suppliers on 1 December.\n").getBytes(StandardCharsets.UTF_8));
      document(DOCUMENT_EP43_ARTWORK, "supply-minutes-43-cover.png", "image/png", png(2_048, 240, 240, 0x1d3557, 0xf1a208));
      document(DOCUMENT_EP43_RELEASE_NOTES, "supply-minutes-43-release-notes.md", "text/markdown",
          ("Returns without tears: the three return codes, a store manager's story, and what changes for "
              + "suppliers on 1 December.\n\nWith Ana Silva (partner operations) and the Rotterdam returns team.\n")
              .getBytes(StandardCharsets.UTF_8));
      document(DOCUMENT_EP43_AUDIO, "supply-minutes-43.mp3", "audio/mpeg", audio(12_000));
      document("d_summer_brief", "summer-sounds-brief.pdf", "application/pdf", pdf("Summer Sounds in Store: campaign brief"));
      document("d_summer_key_visual", "summer-sounds-key-visual.png", "image/png", png(3_072, 320, 180, 0xffd166, 0xef476f));
    }

    private void document(String id, String fileName, String contentType, byte[] content) {
      at(11 + random.nextInt(40));
      resources.uploadDocument(c, fileName, contentType, content, null, id);
    }

    private byte[] pdf(String title) {
      return ("%PDF-1.4\n% Halvorsen & Pike sandbox document\n1 0 obj << /Title (" + title + ") >> endobj\n%%EOF\n")
          .getBytes(StandardCharsets.ISO_8859_1);
    }

    private byte[] audio(int size) {
      byte[] bytes = new byte[size];
      random.nextBytes(bytes);
      bytes[0] = 'I';
      bytes[1] = 'D';
      bytes[2] = '3';
      bytes[3] = 4;
      return bytes;
    }

    /**
     * A real picture (too small for podcast artwork, as flow 5's rejection shows). It draws {@code
     * drawn} random bytes and drops them, as the random stand-ins it replaced did, so that the rest
     * of each seed's demo data stays what it was.
     */
    private byte[] png(int drawn, int width, int height, int ground, int band) {
      random.nextBytes(new byte[drawn]);
      return DemoImages.bands(width, height, ground, band);
    }

    private void posts() {
      post(POST_WELCOME, "announcement", "Welcome to the Halvorsen & Pike supplier community",
          "This is where we share EDI changes, training and our **Supply Chain Minutes** podcast.\n\n"
              + "Questions? Open a thread or log an issue.",
          audience(GROUP_EMEA, GROUP_NA, GROUP_APAC, GROUP_LATAM), array(), array("welcome"));
      post(POST_ASN_TRAINING, "training", "ASN basics: getting carton-level SSCC codes right",
          "Lesson 1 of the onboarding series. Work through the checklist before your first EDI 856.",
          audience(GROUP_ONBOARDING), array(DOCUMENT_ASN_CHECKLIST), array("training", "asn"));
      post(POST_PEAK_NOTICE, "service_notice", "Peak season cut-off times for EDI 850 and 856",
          "From 23 November until 4 January, purchase orders close at 14:00 local time on Fridays.",
          audience(GROUP_EMEA, GROUP_NA, GROUP_APAC, GROUP_LATAM), array(), array("peak", "edi"));
      ObjectNode episode = post(POST_EPISODE_42, "announcement", "New episode: Cutting ASN errors in half",
          "Our latest **Supply Chain Minutes** episode walks through the new ASN checks.",
          audience(GROUP_ACTIVE, GROUP_CERTIFIED), array(), array("podcast", "asn"));
      episode.putArray("links").addObject().put("rel", "listen").put("title", "Listen on Spotify")
          .put("url", "https://open.spotify.com/episode/4rOoJ6Egrf8K2IrywzwOMk");
      episode.putObject("metadata").put("durationMs", "1432000").put("releaseDate", "2026-10-05");
      create(TgKinds.POSTS, POST_EPISODE_42, null, episode);
      post(POST_Q3_REPORT, "report", "Q3 partner podcast performance",
          "| Episode | Plays | Completion |\n|---|---|---|\n| 40 | 1,204 | 61% |\n| 41 | 1,388 | 64% |\n| 42 | 1,951 | 71% |",
          audience(GROUP_ACTIVE), array(), array("report"));
      create(TgKinds.ASSIGNMENTS, "asg_asn_training_onboarding", null, assignment(POST_ASN_TRAINING, "group", GROUP_ONBOARDING,
          "2026-12-15", "onboarding stage onboarding"));
      create(TgKinds.ASSIGNMENTS, "asg_asn_training_dunmore", null, assignment(POST_ASN_TRAINING, "partner", PARTNER_DUNMORE,
          "2026-11-30", "follow-up after issue i_asn_sscc"));
    }

    /** Creates a post, except for one given back to be completed by the caller (episode 42). */
    private ObjectNode post(String id, String kind, String title, String body, ObjectNode audience, ArrayNode attachments, ArrayNode tags) {
      ObjectNode post = obj().put("kind", kind).put("title", title).put("body", body);
      post.set("audience", audience);
      post.set("attachments", attachments);
      post.set("tags", tags);
      if (id.equals(POST_EPISODE_42)) {
        return post;
      }
      create(TgKinds.POSTS, id, null, post);
      return post;
    }

    private ObjectNode audience(String... groupIds) {
      ObjectNode audience = obj();
      audience.set("groupIds", array(groupIds));
      audience.putArray("partnerIds");
      return audience;
    }

    private ObjectNode assignment(String postId, String type, String targetId, String dueDate, String reason) {
      ObjectNode a = obj().put("postId", postId).put("dueDate", dueDate).put("reason", reason);
      a.putObject("target").put("type", type).put("id", targetId);
      return a;
    }

    private void threads() {
      create(TgKinds.THREADS, THREAD_EPISODE_42, null, obj().put("title", "Feedback: Cutting ASN errors in half").put("postId", POST_EPISODE_42));
      message(THREAD_EPISODE_42, "Very clear. Could you share the validation rules as a file too?");
      message(THREAD_EPISODE_42, "We cut our ASN rejects from 40 to 6 a week after the checklist. Thanks!");
      message(THREAD_EPISODE_42, "A bit long for the warehouse floor; a 5-minute cut would help.");
      create(TgKinds.THREADS, THREAD_PEAK_QUESTIONS, null, obj().put("title", "Questions about peak cut-off times").put("postId", POST_PEAK_NOTICE));
      message(THREAD_PEAK_QUESTIONS, "Does the 14:00 cut-off apply to drop-ship orders as well?");
      message(THREAD_PEAK_QUESTIONS, "Is 14:00 the store's local time or the distribution centre's?");
    }

    private void message(String threadId, String body) {
      create(TgKinds.MESSAGES, null, threadId, obj().put("body", body).put("authorPartnerId", randomPartner()));
    }

    private String randomPartner() {
      return PARTNER_IDS.get(random.nextInt(PARTNER_IDS.size()));
    }

    private String accountOf(String partnerId) {
      return c.find(TgKinds.PARTNERS.collection, partnerId).orElseThrow().json.path("accountId").asText();
    }

    private void issues() {
      ObjectNode asn = issue("trading_issue", "high", "ASN rejected for carton-level SSCC codes",
          "Since 1 October, advance ship notices with carton-level SSCC codes are rejected by the DC receiving system.",
          PARTNER_DUNMORE, "asn");
      asn.putArray("attachments").add(DOCUMENT_ASN_AUDIO);
      create(TgKinds.ISSUES, ISSUE_RESOLVED_WITH_AUDIO, null, asn);
      update(TgKinds.ISSUES, ISSUE_RESOLVED_WITH_AUDIO, obj().put("status", "in_progress"));
      ObjectNode resolve = obj().put("status", "resolved").put("resolutionSummary", "EDI 856 mapping corrected; the ASN backlog was re-sent.");
      resolve.set("correctiveActions", array("Added a validation rule for carton-level SSCC codes.", "Re-sent 212 rejected ASNs."));
      resolve.putArray("links").addObject().put("rel", "audio_update").put("title", "Audio update: the ASN fix explained")
          .put("url", "https://open.spotify.com/episode/7hQ2mXcXbJq1kZpR8s3VtN");
      update(TgKinds.ISSUES, ISSUE_RESOLVED_WITH_AUDIO, resolve);

      String invoicePartner = PARTNER_IDS.get(11);
      create(TgKinds.ISSUES, ISSUE_RESOLVED_WITHOUT_AUDIO, null, issue("trading_issue", "medium",
          "Invoice totals off by rounding on multi-currency orders",
          "EDI 810 invoices in EUR for orders placed in GBP differ from the PO total by up to 0.02.", invoicePartner, "invoicing"));
      update(TgKinds.ISSUES, ISSUE_RESOLVED_WITHOUT_AUDIO, obj().put("status", "in_progress"));
      ObjectNode resolveInvoices = obj().put("status", "resolved")
          .put("resolutionSummary", "Line amounts are now rounded after currency conversion, as the PO does.");
      resolveInvoices.set("correctiveActions", array("Changed rounding to per-line after conversion.", "Credited the affected invoices."));
      update(TgKinds.ISSUES, ISSUE_RESOLVED_WITHOUT_AUDIO, resolveInvoices);

      create(TgKinds.ISSUES, ISSUE_OPEN, null, issue("trading_issue", "critical", "Duplicate EDI 850 purchase orders after gateway retry",
          "Some suppliers receive the same purchase order twice when the gateway retries after a timeout.", PARTNER_IDS.get(7), "purchase-orders"));
      create(TgKinds.ISSUES, ISSUE_IN_PROGRESS, null, issue("process_change", "medium", "Earlier Friday cut-off for EDI 856 during peak",
          "Move the Friday ASN cut-off from 16:00 to 14:00 between 23 November and 4 January.", null, "peak"));
      update(TgKinds.ISSUES, ISSUE_IN_PROGRESS, obj().put("status", "in_progress"));
      create(TgKinds.ISSUES, ISSUE_SUPPORT, null, issue("support", "low", "Supplier portal login loops for SSO users",
          "After signing in with single sign-on, some users are sent back to the login page.", PARTNER_IDS.get(22), "portal"));
      create(TgKinds.ISSUES, ISSUE_CLOSED, null, issue("feedback", "low", "Episode 42 too long for shop-floor listening",
          "Warehouse teams asked for a short version of episode 42.", PARTNER_IDS.get(14), "episode-42"));
      update(TgKinds.ISSUES, ISSUE_CLOSED, obj().put("status", "in_progress"));
      update(TgKinds.ISSUES, ISSUE_CLOSED, obj().put("status", "resolved").put("resolutionSummary", "A 5-minute cut was published."));
      update(TgKinds.ISSUES, ISSUE_CLOSED, obj().put("status", "closed"));
      create(TgKinds.ISSUE_COMMENTS, null, ISSUE_OPEN, obj().put("body", "Seen on 14 orders this week; sample PO numbers in the attachment to follow.")
          .put("authorPartnerId", PARTNER_IDS.get(7)));
    }

    private ObjectNode issue(String type, String severity, String title, String description, String partnerId, String topic) {
      ObjectNode issue = obj().put("type", type).put("severity", severity).put("title", title).put("description", description).put("topic", topic);
      if (partnerId != null) {
        ObjectNode partner = c.find(TgKinds.PARTNERS.collection, partnerId).orElseThrow().json;
        issue.put("partnerId", partnerId).put("region", partner.path("region").asText()).put("accountId", accountOf(partnerId));
      }
      return issue;
    }

    private void form() {
      ObjectNode form = obj().put("title", "Episode feedback: Cutting ASN errors in half")
          .put("description", "Two minutes, three questions. Your answers shape the next episodes.")
          .put("postId", POST_EPISODE_42);
      ArrayNode fields = form.putArray("fields");
      fields.addObject().put("key", "usefulness").put("label", "How useful was this episode?").put("type", "rating").put("required", true);
      ObjectNode topic = fields.addObject().put("key", "topic").put("label", "Which topic should we cover next?").put("type", "choice")
          .put("required", true);
      topic.set("choices", array("asn", "invoicing", "onboarding", "returns"));
      fields.addObject().put("key", "comment").put("label", "Anything else?").put("type", "text").put("required", false);
      create(TgKinds.FORMS, FORM_EPISODE_FEEDBACK, null, form);
      String[] topics = {"asn", "invoicing", "onboarding", "returns"};
      String[] comments = {"More examples please.", "Great pace.", "Too long for the floor.", "Please cover returns labels.",
          "Share the slides too.", "Clear and practical."};
      for (int i = 0; i < 12; i++) {
        ObjectNode answers = obj()
            .put("usefulness", Integer.toString(2 + random.nextInt(4)))
            .put("topic", topics[random.nextInt(topics.length)]);
        if (random.nextBoolean()) {
          answers.put("comment", comments[random.nextInt(comments.length)]);
        }
        ObjectNode submission = obj().put("partnerId", PARTNER_IDS.get((i * 3 + random.nextInt(3)) % PARTNER_IDS.size()));
        submission.set("answers", answers);
        create(TgKinds.SUBMISSIONS, null, FORM_EPISODE_FEEDBACK, submission);
      }
    }

    private void approval() {
      ObjectNode approval = obj().put("title", "Supply Chain Minutes 43: Returns without tears")
          .put("description", "Episode 43 of the supplier podcast, for release on 1 December.");
      approval.putObject("package")
          .put("scriptDocumentId", DOCUMENT_EP43_SCRIPT)
          .put("artworkDocumentId", DOCUMENT_EP43_ARTWORK)
          .put("releaseNotesDocumentId", DOCUMENT_EP43_RELEASE_NOTES)
          .put("audioDocumentId", DOCUMENT_EP43_AUDIO);
      approval.set("requiredRoles", array("legal", "compliance", "partner_operations"));
      create(TgKinds.APPROVALS, APPROVAL_IN_PROGRESS, null, approval);
      resources.appendAudit(c, APPROVAL_IN_PROGRESS, "content-team@halvorsen-pike.example", "submitted",
          "Submitted for review by legal, compliance, partner_operations");
      at(240);
      resources.decide(c, c.find(TgKinds.APPROVALS.collection, APPROVAL_IN_PROGRESS).orElseThrow(),
          obj().put("role", "legal").put("decision", "approve").put("comment", "Music licences and guest release checked.")
              .put("decidedBy", "m.okafor@halvorsen-pike.example"));
    }

    private void campaign() {
      ObjectNode campaign = obj().put("name", "Summer Sounds in Store")
          .put("brief", "A branded audio series for our stores: six short episodes on seasonal ranges, "
              + "with a companion playlist for in-store play.\n\n**Audience:** store teams and active suppliers.")
          .put("status", "active");
      campaign.set("approvalDocumentIds", array("d_summer_brief", "d_summer_key_visual"));
      ArrayNode milestones = campaign.putArray("milestones");
      milestones.addObject().put("id", "brief_signed_off").put("title", "Brief signed off").put("dueDate", "2026-10-01").put("status", "done");
      milestones.addObject().put("id", "trailer").put("title", "Trailer live on Spotify").put("dueDate", "2026-12-01").put("status", "planned");
      milestones.addObject().put("id", "launch").put("title", "Episode 1 and playlist launch").put("dueDate", "2027-05-03").put("status", "planned");
      milestones.addObject().put("id", "wrap_report").put("title", "Wrap-up report").put("dueDate", "2027-09-15").put("status", "planned");
      ArrayNode instructions = campaign.putArray("partnerInstructions");
      instructions.addObject().put("partnerId", PARTNER_IDS.get(11))
          .put("instructions", "Supply 30-second product stories for the beverages episode by 15 March.");
      instructions.addObject().put("partnerId", PARTNER_IDS.get(20))
          .put("instructions", "Record the roaster interview; our producer will call to schedule.");
      instructions.addObject().put("partnerId", PARTNER_IDS.get(15))
          .put("instructions", "Send hi-res garden range photos for episode artwork.");
      campaign.set("spotifyRefs", array("spotify:show:2Xw7dGq4cP0sVbN8kLmTzR"));
      create(TgKinds.CAMPAIGNS, CAMPAIGN_SUMMER_SOUNDS, null, campaign);
    }

    private void sponsorship() {
      document("d_cold_brew_brief", "cold-brew-sessions-brief.pdf", "application/pdf", pdf("Cold Brew Sessions: sponsorship brief"));
      document("d_cold_brew_disclosure", "cold-brew-sessions-disclosure.md", "text/markdown",
          ("# Sponsor disclosure\n\nEvery episode, post and playlist of Cold Brew Sessions says: "
              + "\"Sponsored by Umber Coffee Roasters.\"\n").getBytes(StandardCharsets.UTF_8));
      ObjectNode campaign = obj().put("name", "Cold Brew Sessions").put("type", "sponsorship").put("sponsor", SPONSOR_COLD_BREW)
          .put("brief", "Three short episodes on cold-chain coffee, from bean to chilled shelf, sponsored by "
              + "Umber Coffee Roasters.\n\n**Audience:** beverage suppliers and store teams.")
          .put("status", "active");
      campaign.set("approvalDocumentIds", array("d_cold_brew_brief", "d_cold_brew_disclosure"));
      ArrayNode milestones = campaign.putArray("milestones");
      milestones.addObject().put("id", "contract_signed").put("title", "Sponsorship contract signed").put("dueDate", "2026-11-02").put("status", "done");
      milestones.addObject().put("id", "episode_1").put("title", "Episode 1: bean to bag").put("dueDate", "2027-06-07").put("status", "planned");
      milestones.addObject().put("id", "episode_2").put("title", "Episode 2: the chilled shelf").put("dueDate", "2027-06-21").put("status", "planned");
      ArrayNode instructions = campaign.putArray("partnerInstructions");
      instructions.addObject().put("partnerId", PARTNER_IDS.get(11))
          .put("instructions", "Stock the cold brew range on the chilled shelf by 1 June and share shelf photos.");
      instructions.addObject().put("partnerId", PARTNER_IDS.get(13))
          .put("instructions", "Keep the cold chain at 2-4 °C from depot to store; log the readings for episode 2.");
      create(TgKinds.CAMPAIGNS, CAMPAIGN_COLD_BREW, null, campaign);
    }

    private void sites() {
      site("s_rotterdam_112", "H&P Store 112, Rotterdam", "EMEA", "Europe/Amsterdam", "live", "37i9dQZF1DX0SM0LYsmbMT", true);
      site("s_manchester_041", "H&P Store 41, Manchester", "EMEA", "Europe/London", "live", "37i9dQZF1DWWQRwui0ExPn", true);
      site("s_lyon_207", "H&P Store 207, Lyon", "EMEA", "Europe/Paris", "planned", null, false);
      site("s_toronto_015", "H&P Store 15, Toronto", "NA", "America/Toronto", "live", "37i9dQZF1DX4WYpdgoIcn6", true);
      site("s_austin_330", "H&P Store 330, Austin", "NA", "America/Chicago", "live", "37i9dQZF1DXcBWIGoYBM5M", true);
      site("s_denver_118", "H&P Store 118, Denver", "NA", "America/Denver", "planned", null, false);
      site("s_singapore_052", "H&P Store 52, Singapore", "APAC", "Asia/Singapore", "live", "37i9dQZF1DX2sUQwD7tbmL", true);
      site("s_melbourne_076", "H&P Store 76, Melbourne", "APAC", "Australia/Melbourne", "suspended", "37i9dQZF1DX5Ejj0EkURtP", true);
      site("s_sao_paulo_021", "H&P Store 21, São Paulo", "LATAM", "America/Sao_Paulo", "planned", null, false);
      site("s_mexico_city_064", "H&P Store 64, Mexico City", "LATAM", "America/Mexico_City", "live", "37i9dQZF1DX10zKzsJ2jva", false);
      create(TgKinds.SITE_REQUESTS, SITE_REQUEST_LYON, null, obj().put("siteId", SITE_LYON).put("type", "new_site")
          .put("details", "Open the Lyon store's music service for the 2 February opening; same programme as Rotterdam."));
      create(TgKinds.SITE_REQUESTS, "sr_austin_playlist", null, obj().put("siteId", "s_austin_330").put("type", "playlist_change")
          .put("details", "Swap the morning playlist for a calmer one between 07:00 and 10:00."));
      update(TgKinds.SITE_REQUESTS, "sr_austin_playlist", obj().put("status", "accepted"));
      at(90);
      resources.commentOnSiteRequest(c, c.find(TgKinds.SITE_REQUESTS.collection, "sr_austin_playlist").orElseThrow(),
          obj().put("author", "store330@halvorsen-pike.example").put("body", "Thanks. Could it start on Monday?"));
      create(TgKinds.SITE_REQUESTS, "sr_mexico_licence", null, obj().put("siteId", "s_mexico_city_064").put("type", "licence")
          .put("details", "The public-performance licence for Mexico City is missing; please upload it."));
      create(TgKinds.SITE_REQUESTS, "sr_melbourne_support", null, obj().put("siteId", "s_melbourne_076").put("type", "support")
          .put("details", "The in-store player shows 'account suspended' since Monday."));
      update(TgKinds.SITE_REQUESTS, "sr_melbourne_support", obj().put("status", "accepted"));
      update(TgKinds.SITE_REQUESTS, "sr_melbourne_support", obj().put("status", "done"));
    }

    private void site(String id, String name, String region, String timezone, String status, String playlist, boolean licensed) {
      ObjectNode site = obj().put("name", name).put("region", region).put("timezone", timezone).put("status", status)
          .put("rolloutDate", status.equals("planned") ? "2027-02-02" : "2026-06-01");
      if (playlist != null) {
        site.put("playlistUri", "spotify:playlist:" + playlist);
      }
      ArrayNode licences = site.putArray("licenceDocumentIds");
      if (licensed) {
        String docId = "d_licence_" + id.substring(2);
        document(docId, "music-licence-" + id.substring(2).replace('_', '-') + ".pdf", "application/pdf",
            pdf("Public performance licence, " + name));
        licences.add(docId);
      }
      site.put("partnerId", PARTNER_IDS.get(random.nextInt(PARTNER_IDS.size())));
      create(TgKinds.SITES, id, null, site);
    }

    private static void addTimes(List<String> list, String value, int times) {
      for (int i = 0; i < times; i++) {
        list.add(value);
      }
    }

    static String regionGroup(String region) {
      switch (region) {
        case "EMEA": return GROUP_EMEA;
        case "NA": return GROUP_NA;
        case "APAC": return GROUP_APAC;
        default: return GROUP_LATAM;
      }
    }

    static String stageGroup(String stage) {
      switch (stage) {
        case "onboarding": return GROUP_ONBOARDING;
        case "certified": return GROUP_CERTIFIED;
        case "active": return GROUP_ACTIVE;
        default: return null;
      }
    }
  }

  /** The stage group of an onboarding stage, or null for invited and suspended. */
  static String stageGroup(String stage) {
    return Seeder.stageGroup(stage);
  }

  /** The demo's partner group of {@code region}. */
  static String regionGroup(String region) {
    return Seeder.regionGroup(region);
  }
}
