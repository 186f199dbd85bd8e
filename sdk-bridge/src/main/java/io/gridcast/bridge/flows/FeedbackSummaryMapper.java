package io.gridcast.bridge.flows;

import io.gridcast.bridge.RunContext;
import io.gridcast.bridge.Mapper;
import io.gridcast.bridge.text.PostTemplates;
import io.gridcast.bridge.text.TemplateModel;
import io.gridcast.tradinggrid.model.Audience;
import io.gridcast.tradinggrid.model.Message;
import io.gridcast.tradinggrid.model.Partner;
import io.gridcast.tradinggrid.model.PostCreate;
import io.gridcast.tradinggrid.model.PostKind;
import io.gridcast.tradinggrid.model.Submission;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * The default summary of a {@link FeedbackSnapshot} from the {@code feedback-summary} templates: a {@link PostKind#REPORT} post with Markdown
 * tables of responses, average rating, low ratings and partners' thread messages by episode,
 * topic, region and account (a form response counts under the topic it chose, a thread message
 * under the topics its tags or the configured keywords give it). Rows are sorted, and the post holds no timestamp, so the same
 * feedback always gives the same post (and the bridge leaves it unchanged). Pure and
 * thread-safe.
 */
public final class FeedbackSummaryMapper implements Mapper<FeedbackSnapshot, PostCreate> {

  private final int lowRatingThreshold;
  private final Audience audience;
  private final List<String> tags;
  private final PostTemplates templates;
  private final MessageTopics messageTopics;

  /**
   * A mapper that counts each thread message under the topics its tags name (any tag is a topic).
   *
   * @param lowRatingThreshold ratings below it count as low
   * @param audience the summary post's audience
   * @param tags the summary post's tags
   * @param templates where the post's text comes from
   */
  public FeedbackSummaryMapper(int lowRatingThreshold, Audience audience, List<String> tags, PostTemplates templates) {
    this(lowRatingThreshold, audience, tags, templates, MessageTopics.tagsOnly());
  }

  /**
   * A mapper that counts each thread message under the {@code topics} its tags name or, without
   * such tags, whose {@code topicKeywords} it holds as whole words (see
   * {@link PartnerFeedbackConfig#topicKeywords()}); a message of no topic counts in the
   * {@code (none)} row.
   *
   * @throws IllegalArgumentException if a keyword's topic is not one of {@code topics}, or a keyword is malformed
   */
  public FeedbackSummaryMapper(int lowRatingThreshold, Audience audience, List<String> tags, PostTemplates templates,
      List<String> topics, Map<String, List<String>> topicKeywords) {
    this(lowRatingThreshold, audience, tags, templates, MessageTopics.of(topics, topicKeywords));
  }

  private FeedbackSummaryMapper(int lowRatingThreshold, Audience audience, List<String> tags, PostTemplates templates,
      MessageTopics messageTopics) {
    this.templates = templates;
    this.lowRatingThreshold = lowRatingThreshold;
    this.audience = audience;
    this.tags = List.copyOf(tags);
    this.messageTopics = messageTopics;
  }

  /** The summary post's source key and {@code externalRef} for a scope. */
  public static String key(String scope) {
    return "gridcast:partner-feedback:summary:" + scope;
  }

  @Override
  public PostCreate map(FeedbackSnapshot snapshot, RunContext run) {
    Map<String, Partner> partners = new LinkedHashMap<>();
    snapshot.partners().partners().forEach(p -> partners.put(p.id(), p));
    Map<String, Tally> byEpisode = new LinkedHashMap<>();
    Map<String, Tally> byTopic = new TreeMap<>();
    Map<String, Tally> byRegion = new TreeMap<>();
    Map<String, Tally> byAccount = new TreeMap<>();
    Tally total = new Tally("", "");
    for (EpisodeFeedback f : snapshot.episodes()) {
      String name = f.episode().showName() + ": " + f.episode().episode().name();
      Tally episode = byEpisode.computeIfAbsent(name, k -> new Tally(name, ""));
      for (Submission s : f.submissions()) {
        OptionalInt rating = rating(s);
        Optional<Partner> p = Optional.ofNullable(partners.get(s.partnerId()));
        String topic = s.answers().getOrDefault(FeedbackChannelMapper.TOPIC, "");
        for (Tally t : List.of(total, episode, byTopic.computeIfAbsent(topic, k -> new Tally(topic, "")),
            region(byRegion, p), account(byAccount, p, s.partnerId()))) {
          t.response(rating, lowRatingThreshold);
        }
      }
      for (Message m : f.messages()) {
        Optional<Partner> p = m.authorPartnerId().map(partners::get);
        for (Tally t : List.of(total, episode, region(byRegion, p), account(byAccount, p, m.authorPartnerId().orElse("")))) {
          t.messages++;
        }
        List<String> topics = messageTopics.of(m);
        for (String topic : topics.isEmpty() ? List.of("") : topics) {
          byTopic.computeIfAbsent(topic, k -> new Tally(topic, "")).messages++;
        }
      }
    }
    TemplateModel model = total.into(templates.model()).number("episodes", snapshot.episodes().size())
        .number("threshold", lowRatingThreshold);
    table(model, "byEpisode", byEpisode);
    table(model, "byTopic", byTopic);
    table(model, "byRegion", byRegion);
    table(model, "byAccount", byAccount);
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put("scope", snapshot.scope());
    metadata.put("responses", Integer.toString(total.responses));
    metadata.put("messages", Integer.toString(total.messages));
    metadata.put("lowRatingThreshold", Integer.toString(lowRatingThreshold));
    return PostCreate.builder()
        .kind(PostKind.REPORT)
        .title(templates.title("feedback-summary.title", model, EpisodeAnnouncementMapper.MAX_TITLE_CHARS, "Partner feedback summary"))
        .body(templates.render("feedback-summary", model))
        .metadata(metadata)
        .audience(audience)
        .tags(tags)
        .externalRef(key(snapshot.scope()))
        .build();
  }

  private static void table(TemplateModel model, String key, Map<String, Tally> rows) {
    List<TemplateModel> items = new ArrayList<>(rows.size());
    rows.values().forEach(t -> items.add(t.into(model.child())));
    model.section(key, model.child().flag("hasRows", !items.isEmpty()).list("rows", items));
  }

  static OptionalInt rating(Submission s) {
    String value = s.answers().get(FeedbackChannelMapper.RATING);
    if (value == null || !value.strip().matches("[1-5]")) {
      return OptionalInt.empty();
    }
    return OptionalInt.of(Integer.parseInt(value.strip()));
  }

  /** The row of a partner's region; partners no longer in the community share the unnamed row. */
  private static Tally region(Map<String, Tally> byRegion, Optional<Partner> p) {
    String region = p.map(Partner::region).orElse("");
    return byRegion.computeIfAbsent(region, k -> new Tally(region, ""));
  }

  /** The row of a partner's account, named by account id and partner; unknown partners by their id. */
  private static Tally account(Map<String, Tally> byAccount, Optional<Partner> p, String partnerId) {
    String name = p.map(x -> x.accountId() + " · " + x.name()).orElse("");
    return byAccount.computeIfAbsent(name + "\u0000" + partnerId, k -> new Tally(name, partnerId));
  }

  /** Counts for one row. */
  private static final class Tally {
    final String name;
    final String partnerId;
    int responses;
    int rated;
    long ratingSum;
    int low;
    int messages;

    Tally(String name, String partnerId) {
      this.name = name;
      this.partnerId = partnerId;
    }

    /** {@code name}, {@code partnerId}, {@code responses}, {@code rated}, {@code average}, {@code low}, {@code messages}. */
    TemplateModel into(TemplateModel m) {
      m.text("name", name).text("partnerId", partnerId).number("responses", responses).flag("rated", rated > 0)
          .number("low", low).number("messages", messages);
      return rated == 0 ? m.text("average", "") : m.decimal("average", (double) ratingSum / rated, 2);
    }

    void response(OptionalInt rating, int threshold) {
      responses++;
      if (rating.isPresent()) {
        rated++;
        ratingSum += rating.getAsInt();
        if (rating.getAsInt() < threshold) {
          low++;
        }
      }
    }
  }
}
