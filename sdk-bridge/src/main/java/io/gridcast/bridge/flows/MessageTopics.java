package io.gridcast.bridge.flows;

import io.gridcast.tradinggrid.model.Message;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The topics of a partner's thread message: the topics its tags name when it has such tags,
 * otherwise every topic whose configured keywords it holds as whole words (case-insensitive), in
 * the order the topics are configured; none when neither says. Immutable and thread-safe.
 */
final class MessageTopics {

  /** The configured topics; null when any tag counts as a topic (no topic list was given). */
  private final List<String> topics;
  private final Map<String, MessageWords> keywords = new LinkedHashMap<>();

  private MessageTopics(List<String> topics, Map<String, List<String>> topicKeywords) {
    this.topics = topics == null ? null : List.copyOf(topics);
    if (topics != null) {
      MessageWords.checkTopics(topics, topicKeywords);
      for (String t : topics) {
        List<String> words = topicKeywords.get(t);
        if (words != null && !words.isEmpty()) {
          keywords.put(t, MessageWords.of("topicKeywords of '" + t + "'", words));
        }
      }
    }
  }

  /**
   * Classifies by {@code topics}: tags that name one of them, else their {@code topicKeywords}.
   *
   * @throws IllegalArgumentException if a keyword's topic is not one of {@code topics}, or a keyword is malformed
   */
  static MessageTopics of(List<String> topics, Map<String, List<String>> topicKeywords) {
    return new MessageTopics(topics, topicKeywords);
  }

  /** Classifies by tags alone, each tag a topic. */
  static MessageTopics tagsOnly() {
    return new MessageTopics(null, Map.of());
  }

  /** The topics of {@code message}, each once; empty when it has none. */
  List<String> of(Message message) {
    List<String> tagged = new ArrayList<>();
    if (topics == null) {
      message.tags().stream().distinct().forEach(tagged::add);
      return tagged;
    }
    for (String t : topics) {
      if (message.tags().contains(t)) {
        tagged.add(t);
      }
    }
    if (!tagged.isEmpty()) {
      return tagged;
    }
    keywords.forEach((topic, words) -> {
      if (words.foundIn(message.body())) {
        tagged.add(topic);
      }
    });
    return tagged;
  }
}
