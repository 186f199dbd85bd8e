package io.gridcast.bridge.flows;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds configured words in partners' thread messages: case-insensitive, whole words only (a
 * keyword {@code asn} matches "ASN rejects" and "the ASN." but not "asnfile"); a keyword of
 * several words matches them in that order with the same spacing. Immutable and thread-safe.
 */
final class MessageWords {

  private static final int MAX_KEYWORD_CHARS = 100;
  private static final Pattern KEYWORD = Pattern.compile("[\\p{L}\\p{N}](?:[\\p{L}\\p{N}' _-]*[\\p{L}\\p{N}])?");

  private final Optional<Pattern> pattern;

  private MessageWords(List<String> keywords) {
    if (keywords.isEmpty()) {
      pattern = Optional.empty();
      return;
    }
    List<String> quoted = new ArrayList<>();
    keywords.forEach(k -> quoted.add(Pattern.quote(k.toLowerCase(Locale.ROOT))));
    pattern = Optional.of(Pattern.compile("(?<![\\p{L}\\p{N}_])(?:" + String.join("|", quoted) + ")(?![\\p{L}\\p{N}_])",
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
  }

  /**
   * Words to look for, checked as {@link #check} does.
   *
   * @param setting the configuration setting they come from, named in errors
   */
  static MessageWords of(String setting, List<String> keywords) {
    check(setting, keywords);
    return new MessageWords(keywords);
  }

  /** Whether {@code text} holds one of the words as a whole word. */
  boolean foundIn(String text) {
    return pattern.isPresent() && pattern.get().matcher(text).find();
  }

  /**
   * Refuses a keyword that is blank, longer than {@value #MAX_KEYWORD_CHARS} characters, does not
   * begin and end with a letter or digit, holds other characters than letters, digits, spaces,
   * {@code ' _ -}, or repeats (ignoring case).
   *
   * @throws IllegalArgumentException naming {@code setting} and the keyword
   */
  static void check(String setting, List<String> keywords) {
    Set<String> seen = new HashSet<>();
    for (String k : keywords) {
      if (k == null || k.isBlank() || k.length() > MAX_KEYWORD_CHARS || !KEYWORD.matcher(k).matches()) {
        throw new IllegalArgumentException(setting + ": keyword '" + k + "' must be 1-" + MAX_KEYWORD_CHARS
            + " characters of letters, digits, spaces, ''', '_' or '-', beginning and ending with a letter or digit");
      }
      if (!seen.add(k.toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException(setting + ": keyword '" + k + "' is given twice; give each keyword once");
      }
    }
  }

  /**
   * Refuses topic keywords for a topic that is not one of {@code topics}, or keywords {@link #check}
   * refuses.
   *
   * @throws IllegalArgumentException saying what to change
   */
  static void checkTopics(List<String> topics, Map<String, List<String>> topicKeywords) {
    topicKeywords.forEach((topic, keywords) -> {
      if (!topics.contains(topic)) {
        throw new IllegalArgumentException("topicKeywords: '" + topic + "' is not one of the topics " + topics
            + ": add it to topics(...) or remove its keywords");
      }
      check("topicKeywords of '" + topic + "'", keywords);
    });
  }
}
