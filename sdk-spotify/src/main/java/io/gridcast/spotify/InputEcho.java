package io.gridcast.spotify;

/** Quotes caller input in error messages safely: bounded length, control characters escaped. */
final class InputEcho {

  static final int MAX_LENGTH = 60;

  private InputEcho() {}

  static String quote(String input) {
    if (input == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder(Math.min(input.length(), MAX_LENGTH) + 8).append('\'');
    int shown = Math.min(input.length(), MAX_LENGTH);
    for (int i = 0; i < shown; i++) {
      char c = input.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    out.append('\'');
    if (input.length() > MAX_LENGTH) {
      out.append(" (truncated, ").append(input.length()).append(" characters)");
    }
    return out.toString();
  }
}
