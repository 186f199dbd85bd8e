package io.gridcast.bridge.state;

import io.gridcast.core.LogSafe;

/**
 * What text a state store can hold faithfully, the same on every store. PostgreSQL refuses a
 * NUL character outright, and its JDBC driver turns half of a surrogate pair into {@code ?}
 * (so two different strings would be stored as one); H2 and memory would keep both. Stores
 * therefore refuse such text where it identifies something, and escape it where it is only
 * shown (a dead letter's reason and payload reference).
 */
final class StorableText {

  private StorableText() {}

  /** What makes {@code text} unstorable (e.g. "a NUL character at index 4"), or {@code null} when nothing does. */
  static String problemWith(CharSequence text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\u0000') {
        return "a NUL character (U+0000) at index " + i;
      }
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return String.format("an unpaired surrogate (U+%04X) at index %d", (int) c, i);
      }
    }
    return null;
  }

  /**
   * {@code text} itself when a store can hold it, else the whole text escaped through
   * {@link LogSafe} (not clipped), so that recording it never fails; {@code null} stays null.
   */
  static String escapedIfUnstorable(String text) {
    if (text == null || problemWith(text) == null) {
      return text;
    }
    return LogSafe.text(text, text.length());
  }

  /**
   * {@code entry} when a store can hold every text in it.
   *
   * @throws InvalidSourceKeyException if its source key breaks {@link SourceKeys}' rule
   * @throws IllegalArgumentException if its target id, fingerprint or attributes hold a NUL
   *     character or an unpaired surrogate
   */
  static LedgerEntry requireStorable(LedgerEntry entry) {
    SourceKeys.requireStorable("sourceKey", entry.sourceKey());
    requireStorable("targetId", entry.targetId(), "the sink returned an id the state store cannot record");
    requireStorable("fingerprint", entry.fingerprint(), "fix the flow's fingerprint function");
    requireStorable("attributes", entry.attributes().orElse(null), "fix the attributes the sink returns");
    return entry;
  }

  /**
   * {@code value} when a store can hold it.
   *
   * @throws IllegalArgumentException naming {@code name} and the problem, with the value
   *     escaped, when it cannot
   */
  static String requireStorable(String name, String value, String fix) {
    String problem = value == null ? null : problemWith(value);
    if (problem != null) {
      throw new IllegalArgumentException(
          name + " " + LogSafe.quoted(value) + " holds " + problem + ", which a state store cannot hold: " + fix);
    }
    return value;
  }
}
