package io.gridcast.provingground.secrets;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds secrets in captured text, line by line.
 *
 * <p>A line gives a secret away when it holds the whole value, its URL-encoded or Base64 form
 * (a {@code Basic} value is harvested whole), or — for random values such as tokens, codes and
 * secrets — any {@value #WINDOW} consecutive characters of it: about 90 bits of a Base64 token,
 * which no innocent text shares by chance, and enough to catch a token cut short by a truncated
 * body. Sandbox tokens are also recognised by their shape, in case one was never harvested.
 * Immutable once built; scanning is thread-safe.
 */
final class SecretScanner {

  /** Consecutive characters of a random secret that count as giving it away. */
  static final int WINDOW = 16;
  /** What a secret in a reported line is replaced with. */
  static final String REDACTED = "[redacted]";

  private static final Map<Pattern, SecretKind> SHAPES = Map.of(
      Pattern.compile("tgs_[A-Za-z0-9_-]{20,}"), SecretKind.TOKEN_SHAPED,  // Trading Grid sandbox access tokens
      Pattern.compile("BQ[A-Za-z0-9_-]{100,}"), SecretKind.TOKEN_SHAPED);  // Spotify sandbox access tokens

  private final Map<String, SecretKind> wholeForms = new LinkedHashMap<>();
  private final Map<String, SecretKind> windows = new HashMap<>();
  /** The characters windowed secrets are made of: a window is only looked up where all its characters are. */
  private final BitSet alphabet = new BitSet(128);
  private boolean otherCharsInWindows;

  SecretScanner(Map<SecretKind, Set<String>> secrets) {
    secrets.forEach((kind, values) -> values.forEach(value -> add(kind, value)));
  }

  private void add(SecretKind kind, String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    for (String form : new LinkedHashSet<>(List.of(value, URLEncoder.encode(value, StandardCharsets.UTF_8),
        Base64.getEncoder().encodeToString(bytes), Base64.getUrlEncoder().withoutPadding().encodeToString(bytes)))) {
      if (!kind.windowed() || form.length() < WINDOW) {
        wholeForms.putIfAbsent(form, kind);
        continue;
      }
      // every occurrence of the whole form contains its windows, so they alone are looked up
      for (int i = 0; i + WINDOW <= form.length(); i++) {
        windows.putIfAbsent(form.substring(i, i + WINDOW), kind);
      }
      form.chars().forEach(c -> {
        if (c < 128) {
          alphabet.set(c);
        } else {
          otherCharsInWindows = true;
        }
      });
    }
  }

  /** How many distinct forms and windows are looked for. */
  int needles() {
    return wholeForms.size() + windows.size();
  }

  /** The lines of {@code text} that give a secret away, each reported with its secrets redacted. */
  List<Leak> scan(String source, String text) {
    List<Leak> leaks = new ArrayList<>();
    int start = 0;
    while (start <= text.length()) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        end = text.length();
      }
      Leak leak = scanLine(source, text.substring(start, end));
      if (leak != null) {
        leaks.add(leak);
      }
      start = end + 1;
    }
    return leaks;
  }

  /** The number of lines {@link #scan} looks at in {@code text}. */
  static int lines(String text) {
    int n = 1;
    for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
      n++;
    }
    return n;
  }

  private Leak scanLine(String source, String line) {
    Set<SecretKind> kinds = EnumSet.noneOf(SecretKind.class);
    BitSet found = find(line, kinds);
    return kinds.isEmpty() ? null : new Leak(source, kinds, excerpt(redact(line, found)));
  }

  /** {@code text} with every secret on every line replaced by {@value #REDACTED}, for a failure message. */
  String redacted(String text) {
    StringBuilder sb = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      sb.append(redact(line, find(line, EnumSet.noneOf(SecretKind.class)))).append('\n');
    }
    return sb.toString();
  }

  /** The ranges of {@code line} that give a secret away; their kinds are added to {@code kinds}. */
  private BitSet find(String line, Set<SecretKind> kinds) {
    BitSet found = new BitSet(line.length());
    wholeForms.forEach((form, kind) -> {
      for (int at = line.indexOf(form); at >= 0; at = line.indexOf(form, at + 1)) {
        found.set(at, at + form.length());
        kinds.add(kind);
      }
    });
    int run = 0; // characters of the alphabet ending at i
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      run = otherCharsInWindows || (c < 128 && alphabet.get(c)) ? run + 1 : 0;
      if (run >= WINDOW) {
        SecretKind kind = windows.get(line.substring(i + 1 - WINDOW, i + 1));
        if (kind != null) {
          found.set(i + 1 - WINDOW, i + 1);
          kinds.add(kind);
        }
      }
    }
    SHAPES.forEach((shape, kind) -> {
      Matcher m = shape.matcher(line);
      while (m.find()) {
        found.set(m.start(), m.end());
        kinds.add(kind);
      }
    });
    return found;
  }

  /** The line with every found range replaced by {@value #REDACTED}. */
  private static String redact(String line, BitSet found) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < line.length(); i++) {
      if (found.get(i)) {
        sb.append(REDACTED);
        i = found.nextClearBit(i) - 1;
      } else {
        sb.append(line.charAt(i));
      }
    }
    return sb.toString();
  }

  /** A redacted line cut to a readable length around its first redaction. */
  private static String excerpt(String redacted) {
    int first = redacted.indexOf(REDACTED);
    int from = Math.max(0, first - 200);
    int to = Math.min(redacted.length(), first + 200);
    return (from > 0 ? "…" : "") + redacted.substring(from, to) + (to < redacted.length() ? "…" : "");
  }

  /**
   * A line that gave a secret away.
   *
   * @param source where the line was captured, e.g. {@code log} or {@code toString}
   * @param kinds what it gave away
   * @param redactedLine the line with every secret replaced by {@value #REDACTED}
   */
  record Leak(String source, Set<SecretKind> kinds, String redactedLine) {
    @Override
    public String toString() {
      return kinds + " in " + source + ": " + redactedLine;
    }
  }
}
