package io.gridcast.bridge.flows;

import io.gridcast.bridge.RunContext;
import io.gridcast.bridge.Mapper;
import io.gridcast.bridge.text.PostMarkdown;
import io.gridcast.tradinggrid.model.Audience;
import io.gridcast.tradinggrid.model.Message;
import io.gridcast.tradinggrid.model.Partner;
import io.gridcast.tradinggrid.model.PostCreate;
import io.gridcast.tradinggrid.model.PostKind;
import io.gridcast.tradinggrid.model.Submission;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * The default summary of a {@link FeedbackSnapshot}: a {@link PostKind#REPORT} post with Markdown
 * tables of responses, average rating, low ratings and partners' thread messages by episode,
 * topic, region and account. Rows are sorted, and the post holds no timestamp, so the same
 * feedback always gives the same post (and the bridge leaves it unchanged). Pure and
 * thread-safe.
 */
final class FeedbackSummaryMapper implements Mapper<FeedbackSnapshot, PostCreate> {

  private final int lowRatingThreshold;
  private final Audience audience;
  private final List<String> tags;

  public FeedbackSummaryMapper(int lowRatingThreshold, Audience audience, List<String> tags) {
    this.lowRatingThreshold = lowRatingThreshold;
    this.audience = audience;
    this.tags = List.copyOf(tags);
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
    Tally total = new Tally();
    for (EpisodeFeedback f : snapshot.episodes()) {
      Tally episode = byEpisode.computeIfAbsent(f.episode().showName() + ": " + f.episode().episode().name(), k -> new Tally());
      for (Submission s : f.submissions()) {
        OptionalInt rating = rating(s);
        Optional<Partner> p = Optional.ofNullable(partners.get(s.partnerId()));
        String topic = s.answers().getOrDefault(FeedbackChannelMapper.TOPIC, "(none)");
        for (Tally t : List.of(total, episode, byTopic.computeIfAbsent(topic, k -> new Tally()),
            byRegion.computeIfAbsent(region(p), k -> new Tally()), byAccount.computeIfAbsent(account(p, s.partnerId()), k -> new Tally()))) {
          t.response(rating, lowRatingThreshold);
        }
      }
      for (Message m : f.messages()) {
        Optional<Partner> p = m.authorPartnerId().map(partners::get);
        for (Tally t : List.of(total, episode, byRegion.computeIfAbsent(region(p), k -> new Tally()),
            byAccount.computeIfAbsent(account(p, m.authorPartnerId().orElse("")), k -> new Tally()))) {
          t.messages++;
        }
      }
    }
    StringBuilder b = new StringBuilder(1024);
    b.append("Partner feedback on ").append(snapshot.episodes().size()).append(" episodes: ")
        .append(total.responses).append(" form responses (average rating ").append(total.average())
        .append(", ").append(total.low).append(" below ").append(lowRatingThreshold).append(") and ")
        .append(total.messages).append(" partner messages in the feedback threads.\n\n");
    table(b, "By episode", "Episode", byEpisode);
    table(b, "By topic", "Topic", byTopic);
    table(b, "By region", "Region", byRegion);
    table(b, "By account", "Account · partner", byAccount);
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put("scope", snapshot.scope());
    metadata.put("responses", Integer.toString(total.responses));
    metadata.put("messages", Integer.toString(total.messages));
    metadata.put("lowRatingThreshold", Integer.toString(lowRatingThreshold));
    return PostCreate.builder()
        .kind(PostKind.REPORT)
        .title("Partner feedback summary")
        .body(b.toString().strip())
        .metadata(metadata)
        .audience(audience)
        .tags(tags)
        .externalRef(key(snapshot.scope()))
        .build();
  }

  private static void table(StringBuilder b, String heading, String first, Map<String, Tally> rows) {
    b.append("### ").append(heading).append("\n\n");
    if (rows.isEmpty()) {
      b.append("No feedback yet.\n\n");
      return;
    }
    b.append("| ").append(first).append(" | Responses | Average rating | Low ratings | Thread messages |\n");
    b.append("|---|---:|---:|---:|---:|\n");
    rows.forEach((name, t) -> b.append("| ").append(cell(name)).append(" | ").append(t.responses).append(" | ")
        .append(t.average()).append(" | ").append(t.low).append(" | ").append(t.messages).append(" |\n"));
    b.append('\n');
  }

  static OptionalInt rating(Submission s) {
    String value = s.answers().get(FeedbackChannelMapper.RATING);
    if (value == null || !value.strip().matches("[1-5]")) {
      return OptionalInt.empty();
    }
    return OptionalInt.of(Integer.parseInt(value.strip()));
  }

  private static String region(Optional<Partner> p) {
    return p.map(Partner::region).orElse("(unknown)");
  }

  private static String account(Optional<Partner> p, String partnerId) {
    return p.map(x -> x.accountId() + " · " + x.name()).orElse("(unknown partner " + partnerId + ")");
  }

  private static String cell(String text) {
    return PostMarkdown.escape(text);
  }

  /** Counts for one row. */
  private static final class Tally {
    int responses;
    int rated;
    long ratingSum;
    int low;
    int messages;

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

    String average() {
      return rated == 0 ? "–" : String.format(Locale.ROOT, "%.2f", (double) ratingSum / rated);
    }
  }
}
