package io.gridcast.spotify;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A validated reference to a Spotify object, written {@code spotify:<type>:<id>}.
 *
 * <p>{@link #parse(String)} accepts the URI form and {@code open.spotify.com} links as users copy
 * them from the Spotify apps:
 *
 * <pre>{@code
 * SpotifyUri.parse("spotify:episode:512ojhOuo1ktJprKbVcKyQ");
 * SpotifyUri.parse("https://open.spotify.com/intl-de/episode/512ojhOuo1ktJprKbVcKyQ?si=a1b2c3");
 * SpotifyUri.parse("https://open.spotify.com/user/smedjan/playlist/3cEYpjA9oz9GiPac4AsH4n");
 * }</pre>
 *
 * <p>Catalog ids (show, episode, track, playlist, album, artist) must be exactly 22 base-62
 * characters; user ids are 1 to 64 characters of letters, digits, {@code .}, {@code _} and
 * {@code -}, never {@code .} or containing {@code ..}. Everything else is refused, so the id of a
 * {@code SpotifyUri} is always safe to put into a URL path. Instances are immutable and
 * thread-safe; {@link #toString()} returns the URI form.
 */
public final class SpotifyUri {

  /** The kinds of Spotify object a {@link SpotifyUri} can name. */
  public enum Type {
    /** A podcast show. */
    SHOW,
    /** A podcast episode. */
    EPISODE,
    /** A music track. */
    TRACK,
    /** A playlist. */
    PLAYLIST,
    /** An album. */
    ALBUM,
    /** An artist. */
    ARTIST,
    /** A user; user ids are not base-62. */
    USER;

    /** Returns the lower-case name used in URIs and links, such as {@code episode}. */
    public String pathName() {
      return name().toLowerCase(Locale.ROOT);
    }

    static Optional<Type> fromPathName(String name) {
      return Arrays.stream(values()).filter(t -> t.pathName().equals(name)).findFirst();
    }
  }

  /** The host of Spotify's web links. */
  public static final String LINK_HOST = "open.spotify.com";

  private static final int MAX_USER_ID_LENGTH = 64;
  private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final Pattern LOCALE_SEGMENT =
      Pattern.compile("intl-[a-z]{2}(?:-[a-z0-9]{2,4})?", Pattern.CASE_INSENSITIVE);
  private static final String ACCEPTED =
      "Accepted: spotify:<type>:<id> or https://open.spotify.com/<type>/<id> (optionally with a"
          + " /intl-xx/ locale and a ?si= parameter), where type is show, episode, track,"
          + " playlist, album, artist or user, and id is 22 characters of 0-9, a-z, A-Z (user"
          + " ids: up to 64 of letters, digits, '.', '_', '-')";

  private final Type type;
  private final String id;

  private SpotifyUri(Type type, String id) {
    this.type = type;
    this.id = id;
  }

  /**
   * The URI of a catalog object.
   *
   * @throws IllegalArgumentException if {@code type} is {@link Type#USER}; use {@link
   *     #user(String)}
   * @throws NullPointerException if an argument is null
   */
  public static SpotifyUri of(Type type, SpotifyId id) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(id, "id");
    if (type == Type.USER) {
      throw new IllegalArgumentException(
          "user ids are not catalog ids: call SpotifyUri.user(String) for users");
    }
    return new SpotifyUri(type, id.value());
  }

  /**
   * The URI of a user, {@code spotify:user:<userId>}.
   *
   * @throws IllegalArgumentException if {@code userId} is not 1 to 64 letters, digits, {@code
   *     .}, {@code _} or {@code -}, or is {@code .} or contains {@code ..}
   */
  public static SpotifyUri user(String userId) {
    if (!isValidUserId(userId)) {
      throw new IllegalArgumentException(
          "Not a Spotify user id: "
              + InputEcho.quote(userId)
              + ". User ids are 1 to 64 characters of letters, digits, '.', '_' and '-'");
    }
    return new SpotifyUri(Type.USER, userId);
  }

  /**
   * Parses a Spotify URI or an {@code open.spotify.com} link. Surrounding whitespace is ignored;
   * a link's query ({@code ?si=...}) and fragment are dropped; a locale segment ({@code
   * /intl-de/}) and an {@code /embed/} segment are skipped; the legacy playlist forms {@code
   * spotify:user:<user>:playlist:<id>} and {@code /user/<user>/playlist/<id>} yield the playlist.
   *
   * @throws IllegalArgumentException for anything else; the message quotes the (truncated) input
   *     and says what is accepted
   */
  public static SpotifyUri parse(String input) {
    if (input == null || input.isBlank()) {
      throw refused("it is empty", input);
    }
    String text = input.strip();
    if (text.regionMatches(true, 0, "spotify:", 0, "spotify:".length())) {
      return fromSegments(List.of(text.substring("spotify:".length()).split(":", -1)), input);
    }
    return parseLink(text, input);
  }

  private static SpotifyUri parseLink(String text, String input) {
    String rest = text;
    for (String scheme : new String[] {"https://", "http://"}) {
      if (rest.regionMatches(true, 0, scheme, 0, scheme.length())) {
        rest = rest.substring(scheme.length());
        break;
      }
    }
    int end = indexOfAny(rest, '?', '#');
    if (end >= 0) {
      rest = rest.substring(0, end);
    }
    int slash = rest.indexOf('/');
    String host = slash < 0 ? rest : rest.substring(0, slash);
    if (!host.equalsIgnoreCase(LINK_HOST)) {
      throw refused("it is neither a spotify: URI nor an open.spotify.com link", input);
    }
    String path = slash < 0 ? "" : rest.substring(slash + 1);
    if (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    List<String> segments = List.of(path.split("/", -1));
    int from = 0;
    if (from < segments.size() && LOCALE_SEGMENT.matcher(segments.get(from)).matches()) {
      from++;
    }
    if (from < segments.size() && segments.get(from).equals("embed")) {
      from++;
    }
    return fromSegments(segments.subList(from, segments.size()), input);
  }

  private static SpotifyUri fromSegments(List<String> segments, String input) {
    if (segments.size() == 4
        && segments.get(0).equals("user")
        && segments.get(2).equals("playlist")
        && isValidUserId(segments.get(1))) {
      return fromSegments(segments.subList(2, 4), input);
    }
    if (segments.size() != 2) {
      throw refused("expected a type and an id", input);
    }
    Type type =
        Type.fromPathName(segments.get(0))
            .orElseThrow(() -> refused("the type is not supported", input));
    String id = segments.get(1);
    boolean valid = type == Type.USER ? isValidUserId(id) : SpotifyId.isValid(id);
    if (!valid) {
      throw refused("the " + type.pathName() + " id is not valid", input);
    }
    return new SpotifyUri(type, id);
  }

  private static int indexOfAny(String s, char a, char b) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == a || s.charAt(i) == b) {
        return i;
      }
    }
    return -1;
  }

  static boolean isValidUserId(String id) {
    return id != null
        && id.length() <= MAX_USER_ID_LENGTH
        && USER_ID.matcher(id).matches()
        && !id.equals(".")
        && !id.contains("..");
  }

  private static IllegalArgumentException refused(String reason, String input) {
    return new IllegalArgumentException(
        "Not a Spotify URI or link (" + reason + "): " + InputEcho.quote(input) + ". " + ACCEPTED);
  }

  /** Returns the type of the object. */
  public Type type() {
    return type;
  }

  /** Returns the id: 22 base-62 characters, or a user id for {@link Type#USER}. */
  public String id() {
    return id;
  }

  /** Returns the catalog id; empty for users, whose ids are not base-62. */
  public Optional<SpotifyId> spotifyId() {
    return type == Type.USER ? Optional.empty() : Optional.of(SpotifyId.of(id));
  }

  /** Returns the web link, {@code https://open.spotify.com/<type>/<id>}. */
  public String toLink() {
    return "https://" + LINK_HOST + "/" + type.pathName() + "/" + id;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SpotifyUri && ((SpotifyUri) o).type == type && ((SpotifyUri) o).id.equals(id);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, id);
  }

  /** Returns the URI form, {@code spotify:<type>:<id>}. */
  @Override
  public String toString() {
    return "spotify:" + type.pathName() + ":" + id;
  }
}
