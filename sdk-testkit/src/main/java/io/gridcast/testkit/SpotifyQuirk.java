package io.gridcast.testkit;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * A way in which real Spotify responses break Spotify's own OpenAPI document (version 2026.5.31),
 * which a {@link SpotifySandbox} reproduces only when asked.
 *
 * <p>By default the sandbox is strict: every response it sends is one the document accepts.
 * Clients must nevertheless survive what the live API really sends, so each deviation seen in
 * real payloads can be switched on by name, or all at once with {@link #REAL_WORLD}:
 *
 * <pre>{@code
 * SpotifySandbox.builder().quirks(SpotifyQuirk.REAL_WORLD).build();
 * SpotifySandbox.builder().quirks(SpotifyQuirk.NULL_UNAVAILABLE_ITEMS, SpotifyQuirk.NULL_ADDED_BY).build();
 * }</pre>
 *
 * <p>On the command line: {@code SpotifySandboxMain --quirks real-world}, or a comma-separated
 * list such as {@code --quirks null-unavailable-items,null-added-by} (see {@link #parse}).
 */
public enum SpotifyQuirk {

  /**
   * Deprecated fields without a value are left out: real episodes often lack {@code
   * audio_preview_url} (the document requires it, {@code null} when there is no preview) and
   * shows without market restrictions lack {@code available_markets}.
   */
  DEPRECATED_FIELDS_OMITTED,

  /**
   * Older payloads lack newer required fields: shows and episodes published before Spotify added
   * them come without {@code html_description}, and such shows without {@code total_episodes}.
   */
  OLDER_PAYLOADS,

  /**
   * A playlist item whose track or episode is no longer available carries {@code "item": null}
   * and {@code "track": null}; the document allows only an object there.
   */
  NULL_UNAVAILABLE_ITEMS,

  /**
   * Items of editorial and very old playlists carry {@code "added_by": null}; the document allows
   * only a user object.
   */
  NULL_ADDED_BY,

  /**
   * Editorial playlists carry {@code "public": null}, and playlists without a description carry
   * {@code "description": null} in lists and search results; the document allows neither.
   */
  NULL_PLAYLIST_FIELDS,

  /**
   * Search answers {@code null} in place of playlists that its index still holds but that were
   * deleted, and counts them in {@code total}; the document allows only playlist objects.
   */
  NULL_SEARCH_RESULTS,

  /**
   * Search pages link to their neighbours ({@code href}, {@code next}, {@code previous}) with a
   * {@code query=} parameter where the document's parameter is {@code q}; the live API takes both.
   */
  QUERY_IN_SEARCH_LINKS,

  /**
   * A local file comes as a track object with {@code null} {@code id} and {@code href}, an album
   * whose {@code album_type}, {@code href}, {@code id}, release date and {@code uri} are {@code
   * null} and which has no {@code total_tracks}, and artists with {@code null} {@code href},
   * {@code id} and {@code uri}.
   */
  NULL_LOCAL_FILE_FIELDS;

  /** No quirk: answers as the OpenAPI document says. The sandbox's default. */
  public static final Set<SpotifyQuirk> NONE = Collections.unmodifiableSet(EnumSet.noneOf(SpotifyQuirk.class));

  /** Every quirk: answers as the live API was seen to. */
  public static final Set<SpotifyQuirk> REAL_WORLD = Collections.unmodifiableSet(EnumSet.allOf(SpotifyQuirk.class));

  /** The name on the command line, e.g. {@code null-added-by}. */
  public String optionName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * Reads a command-line value: {@code real-world}, {@code none} or {@code strict}, or a
   * comma-separated list of {@linkplain #optionName() quirk names} (enum constant names are
   * accepted too, in any case).
   *
   * @throws IllegalArgumentException naming the unknown quirk and the known ones
   */
  public static Set<SpotifyQuirk> parse(String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    if (v.equals("real-world") || v.equals("real_world") || v.equals("all")) {
      return REAL_WORLD;
    }
    if (v.equals("none") || v.equals("strict") || v.isEmpty()) {
      return NONE;
    }
    Set<SpotifyQuirk> quirks = new LinkedHashSet<>();
    for (String part : v.split(",")) {
      String name = part.trim().replace('_', '-');
      if (name.isEmpty()) {
        continue;
      }
      SpotifyQuirk found = null;
      for (SpotifyQuirk q : values()) {
        if (q.optionName().equals(name)) {
          found = q;
        }
      }
      if (found == null) {
        StringBuilder known = new StringBuilder("real-world, none");
        for (SpotifyQuirk q : values()) {
          known.append(", ").append(q.optionName());
        }
        throw new IllegalArgumentException("unknown Spotify quirk '" + part.trim() + "'; known: " + known);
      }
      quirks.add(found);
    }
    return quirks.isEmpty() ? NONE : Collections.unmodifiableSet(EnumSet.copyOf(quirks));
  }
}
