package io.gridcast.bridge.flows;

import io.gridcast.spotify.SpotifyUri;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One instruction of a playlist-change site request, written one per line in the request's
 * details:
 *
 * <pre>
 * add spotify:track:4uLU6hMCjMI75M1A2tKUQC
 * remove spotify:track:7ouMYWpwJ422jRcDASZB7P
 * move spotify:track:4uLU6hMCjMI75M1A2tKUQC to 1
 * rename Calm mornings, Store 330
 * </pre>
 *
 * Links ({@code https://open.spotify.com/track/…}) work as well as URIs; positions count from 1;
 * lines that start with none of the four words are free text and ignored. Immutable.
 *
 * @param action what to do
 * @param item the track or episode URI ({@code null} for a rename)
 * @param position the 1-based target position of a move (0 otherwise)
 * @param name the new playlist name of a rename ({@code null} otherwise)
 */
record PlaylistChange(Action action, String item, int position, String name) {

  /** The four kinds of instruction. */
  public enum Action {
    ADD,
    REMOVE,
    MOVE,
    RENAME
  }

  private static final Pattern LINE = Pattern.compile("(?i)^\\s*(add|remove|move|rename)\\b\\s*(.*?)\\s*$");
  private static final Pattern MOVE = Pattern.compile("(?i)^(\\S+)\\s+to\\s+(\\d{1,4})$");

  /**
   * The instructions in a request's details, in order.
   *
   * @throws IllegalArgumentException naming the line when an instruction is malformed
   */
  public static List<PlaylistChange> parse(String details) {
    List<PlaylistChange> out = new ArrayList<>();
    String[] lines = details.split("\\R");
    for (int i = 0; i < lines.length; i++) {
      Matcher m = LINE.matcher(lines[i]);
      if (!m.matches()) {
        continue;
      }
      Action action = Action.valueOf(m.group(1).toUpperCase(Locale.ROOT));
      String rest = m.group(2);
      String where = "line " + (i + 1) + " (\"" + lines[i].strip() + "\")";
      switch (action) {
        case RENAME:
          if (rest.isEmpty() || rest.length() > 100) {
            throw new IllegalArgumentException(where + ": rename needs a new name of 1-100 characters");
          }
          out.add(new PlaylistChange(action, null, 0, rest));
          break;
        case MOVE:
          Matcher mv = MOVE.matcher(rest);
          if (!mv.matches() || Integer.parseInt(mv.group(2)) < 1) {
            throw new IllegalArgumentException(where + ": write a move as \"move spotify:track:… to 1\"");
          }
          out.add(new PlaylistChange(action, item(mv.group(1), where), Integer.parseInt(mv.group(2)), null));
          break;
        default:
          out.add(new PlaylistChange(action, item(rest, where), 0, null));
      }
    }
    return out;
  }

  /** Applies this instruction to a playlist's items (distinct URIs, in order). */
  void applyTo(List<String> items) {
    switch (action) {
      case ADD:
        if (!items.contains(item)) {
          items.add(item);
        }
        break;
      case REMOVE:
        items.remove(item);
        break;
      case MOVE:
        if (items.remove(item)) {
          items.add(Math.min(position - 1, items.size()), item);
        }
        break;
      default:
        break; // a rename changes the name, not the items
    }
  }

  private static String item(String text, String where) {
    SpotifyUri uri;
    try {
      uri = SpotifyUri.parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + ": " + (text.isEmpty() ? "no item given" : text + " is not a Spotify URI or link"));
    }
    if (uri.type() != SpotifyUri.Type.TRACK && uri.type() != SpotifyUri.Type.EPISODE) {
      throw new IllegalArgumentException(where + ": only tracks and episodes can be playlist items, got " + uri);
    }
    return uri.toString();
  }
}
