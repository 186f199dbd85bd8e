package io.gridcast.testkit;

import io.gridcast.testkit.SpotifyCatalog.Album;
import io.gridcast.testkit.SpotifyCatalog.Artist;
import io.gridcast.testkit.SpotifyCatalog.Entry;
import io.gridcast.testkit.SpotifyCatalog.Episode;
import io.gridcast.testkit.SpotifyCatalog.Image;
import io.gridcast.testkit.SpotifyCatalog.Playlist;
import io.gridcast.testkit.SpotifyCatalog.Saved;
import io.gridcast.testkit.SpotifyCatalog.Show;
import io.gridcast.testkit.SpotifyCatalog.Track;
import io.gridcast.testkit.SpotifyCatalog.User;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo data every {@link SpotifySandbox} starts with, and the ids tests can rely on.
 *
 * <p>The data is fixed (it does not depend on the sandbox seed): five shows with 134 episodes in
 * English, German, Spanish, French and Japanese; 24 tracks; four playlists mixing tracks,
 * episodes, a local file and unavailable items; a current user who saved some shows and episodes.
 * Deliberate rough edges match real payloads: an archive show whose episodes have {@code year} or
 * {@code month} release-date precision, no HTML description and no market list; a German show
 * without the deprecated {@code language} and without previews; explicit Spanish episodes; an
 * editorial playlist whose {@code public} status is not relevant and whose items nobody added;
 * three deleted playlists that search still finds.
 *
 * <p>How the rough edges look on the wire depends on the sandbox's {@linkplain SpotifyQuirk
 * quirks}. Strict (the default), every response is one Spotify's OpenAPI document accepts: the
 * archive show gets an {@code html_description} made from its description, its {@code
 * total_episodes} and every market, episodes without a preview carry {@code "audio_preview_url":
 * null}, and fields without a value the document does not let be {@code null} are left out
 * (an unavailable item's {@code item}, {@code added_by}, the editorial playlist's {@code public},
 * a local file's {@code id} and album); search leaves the deleted playlists out. With {@link
 * SpotifyQuirk#REAL_WORLD} they come as the live API sends them: missing or {@code null}.
 */
public final class SpotifyDemoData {

  /** "Trading Grid Weekly": 60 English episodes, one a week. */
  public static final String SHOW_TRADING_GRID_WEEKLY = "5THq5Er5bWp62qwOg6niTM";
  /** "Lieferkette Live": 30 German episodes without the deprecated {@code language} field. */
  public static final String SHOW_LIEFERKETTE_LIVE = "JILkwJp9tOcHrx6BxHSJCb";
  /** "Cadena de Suministro al Día": 20 Spanish episodes, every third explicit. */
  public static final String SHOW_CADENA_AL_DIA = "PE0MkQIf6q50M7hcIV28a7";
  /** "Archive Sessions": 14 older episodes with year/month precision and no HTML description; no market list. */
  public static final String SHOW_ARCHIVE_SESSIONS = "O3TrIIEy1ONnaFblwySw0I";
  /** "Partner Onboarding Academy": 10 English/Japanese training episodes; markets DE, GB, JP, US. */
  public static final String SHOW_PARTNER_ACADEMY = "NfIfOyGVqjCbPlx6Ed0aA1";

  /** All demo shows, in catalog order. */
  public static final List<String> SHOWS = List.of(
      SHOW_TRADING_GRID_WEEKLY, SHOW_LIEFERKETTE_LIVE, SHOW_CADENA_AL_DIA, SHOW_ARCHIVE_SESSIONS, SHOW_PARTNER_ACADEMY);

  /** Episode counts of {@link #SHOWS}, in the same order. */
  public static final List<Integer> EPISODE_COUNTS = List.of(60, 30, 20, 14, 10);

  /** "Gridcast Demo Mix": 12 items: tracks, episodes, one local file (position 3), two unavailable (positions 5 and 11). */
  public static final String PLAYLIST_DEMO_MIX = "Bv8s83BetdTO5oXBCT3oH5";
  /** "Partner Training Queue": private, the 10 academy episodes. */
  public static final String PLAYLIST_TRAINING_QUEUE = "v1il2mYG5zO0yhhCmW2ypM";
  /** "Store Ambience – Berlin Mitte": 30 tracks, for paging. */
  public static final String PLAYLIST_STORE_BERLIN = "Upv8ekxEOYx4mBYTDhIiIj";
  /** "Gridcast Editorial Picks": owned by user {@code spotify}, followed; {@code public} not relevant, no description. */
  public static final String PLAYLIST_EDITORIAL = "r1AiNNBtPjrXKMNpC8tphu";

  /** The user that user tokens act as. */
  public static final String CURRENT_USER_ID = "gridcastdemo";
  /** Owner of the editorial playlist; the current user cannot modify it. */
  public static final String EDITORIAL_USER_ID = "spotify";

  /** Default client id of the sandbox app (32 hex characters like Spotify's). */
  public static final String CLIENT_ID = "7c3d577f7498926998a161d3324ef210";
  /** Default client secret of the sandbox app; a test credential, not a secret. */
  public static final String CLIENT_SECRET = "d284b83d8aad316210e2eb443e2d9b8a";

  private static final List<String> MARKETS = List.of("AT", "BR", "CA", "CH", "DE", "ES", "FR", "GB", "JP", "MX", "US");

  private SpotifyDemoData() {}

  /** The id of the {@code n}-th episode (0 = oldest) of a demo show. */
  public static String episodeId(String showId, int n) {
    return SpotifyIds.base62("episode:" + showId + ":" + n);
  }

  /** The id of the {@code n}-th demo track (0–23). */
  public static String trackId(int n) {
    return SpotifyIds.base62("track:" + n);
  }

  static void seed(SpotifyCatalog c) {
    c.users.put(CURRENT_USER_ID, new User(CURRENT_USER_ID, "Gridcast Demo", "demo@gridcast.example", "DE", "premium", 12));
    c.users.put(EDITORIAL_USER_ID, new User(EDITORIAL_USER_ID, "Spotify", null, null, null, 0));
    c.currentUserId = CURRENT_USER_ID;
    seedShows(c);
    seedTracks(c);
    seedPlaylists(c);
    seedLibrary(c);
  }

  static List<Image> images(String key) {
    String hex = SpotifyIds.hex(key, 24);
    return List.of(
        new Image("https://i.scdn.co/image/ab6765630000ba8a" + hex, 640, 640),
        new Image("https://i.scdn.co/image/ab67656300005f1f" + hex, 300, 300),
        new Image("https://i.scdn.co/image/ab6765630000f68d" + hex, 64, 64));
  }

  private static void seedShows(SpotifyCatalog c) {
    c.addShow(new Show(SHOW_TRADING_GRID_WEEKLY, "Trading Grid Weekly", "Gridcast Demo Media",
        "Weekly news for trading partners on the B2B network: onboarding, EDI changes and partner stories.",
        "<p>Weekly news for trading partners on the B2B network: <b>onboarding</b>, EDI changes and partner stories.</p>",
        false, List.of("en"), MARKETS, images("show:" + SHOW_TRADING_GRID_WEEKLY), "© 2025 Gridcast Demo Media", true));
    String[] en = {"Onboarding a new supplier", "EDI 856 changes explained", "When invoices bounce", "Partner spotlight: Rotterdam",
        "Carrier integrations", "Forecast sharing", "Quarter-end checklist", "Trading issue post-mortem",
        "Compliance corner", "API-first partners", "Peak season readiness", "Ask the architects"};
    LocalDate first = LocalDate.of(2024, 11, 14);
    for (int i = 0; i < 60; i++) {
      String title = "Episode " + (i + 1) + ": " + en[i % en.length];
      String text = "In episode " + (i + 1) + " of Trading Grid Weekly we talk about " + en[i % en.length].toLowerCase() + " with guests from the partner network.";
      c.addEpisode(episode(SHOW_TRADING_GRID_WEEKLY, i, title, text, "<p>" + text + "</p>", 900_000 + pick(SHOW_TRADING_GRID_WEEKLY, i, 2_400_000),
          false, "en", List.of("en"), first.plusWeeks(i).toString(), "day", true));
    }

    c.addShow(new Show(SHOW_LIEFERKETTE_LIVE, "Lieferkette Live", "Gridcast Demo Media DACH",
        "Der Podcast über Lieferketten, Größenordnungen und Geschäftspartner im DACH-Raum.",
        "<p>Der Podcast über Lieferketten, Größenordnungen und Geschäftspartner im <i>DACH-Raum</i>.</p>",
        false, List.of("de"), MARKETS, images("show:" + SHOW_LIEFERKETTE_LIVE), "© 2025 Gridcast Demo Media DACH", true));
    String[] de = {"Rechnungsprüfung ohne Ärger", "Lieferavis richtig übertragen", "Zölle und Präferenzen", "Partnerstimmen aus Köln",
        "Fehlerkultur in der Logistik", "Stammdaten-Qualität"};
    LocalDate deFirst = LocalDate.of(2024, 12, 2);
    for (int i = 0; i < 30; i++) {
      String title = "Folge " + (i + 1) + ": " + de[i % de.length];
      String text = "Folge " + (i + 1) + " – heute geht es um „" + de[i % de.length] + "“. Mit Grüßen an alle Hörerinnen und Hörer.";
      c.addEpisode(episode(SHOW_LIEFERKETTE_LIVE, i, title, text, "<p>" + text + "</p>", 1_200_000 + pick(SHOW_LIEFERKETTE_LIVE, i, 1_800_000),
          false, null, List.of("de"), deFirst.plusWeeks(2L * i).toString(), "day", false));
    }

    c.addShow(new Show(SHOW_CADENA_AL_DIA, "Cadena de Suministro al Día", "Gridcast Demo Media LatAm",
        "Noticias y debates sin censura sobre la cadena de suministro en América Latina y España.",
        "<p>Noticias y debates <em>sin censura</em> sobre la cadena de suministro en América Latina y España.</p>",
        true, List.of("es"), MARKETS, images("show:" + SHOW_CADENA_AL_DIA), "© 2025 Gridcast Demo Media LatAm", true));
    String[] es = {"Aduanas en Veracruz", "Facturación electrónica", "Socios en Bogotá", "Huelga portuaria: qué hacer", "Inventario y pronósticos"};
    LocalDate esFirst = LocalDate.of(2025, 3, 5);
    for (int i = 0; i < 20; i++) {
      String title = "Capítulo " + (i + 1) + ": " + es[i % es.length];
      String text = "En el capítulo " + (i + 1) + " hablamos de " + es[i % es.length].toLowerCase() + ". Contiene lenguaje explícito.";
      c.addEpisode(episode(SHOW_CADENA_AL_DIA, i, title, text, "<p>" + text + "</p>", 1_500_000 + pick(SHOW_CADENA_AL_DIA, i, 1_200_000),
          i % 3 == 0, "es", List.of("es", "es-MX"), esFirst.plusDays(10L * i).toString(), "day", true));
    }

    // An older payload: no html_description and no total_episodes on the show, no market list.
    c.addShow(new Show(SHOW_ARCHIVE_SESSIONS, "Archive Sessions / Sessions d'archives", "Gridcast Archive",
        "Recordings from the partner conference archive, in English and French.", null,
        false, List.of("en", "fr"), null, images("show:" + SHOW_ARCHIVE_SESSIONS), null, false));
    for (int i = 0; i < 14; i++) {
      boolean yearOnly = i < 7;
      String date = yearOnly ? Integer.toString(2012 + i) : LocalDate.of(2019, 1, 1).plusMonths(3L * (i - 7)).toString().substring(0, 7);
      String title = (i % 2 == 0 ? "Keynote " : "Séance plénière ") + (i + 1);
      String text = i % 2 == 0 ? "Archive recording of keynote " + (i + 1) + "." : "Enregistrement d'archive de la séance " + (i + 1) + ".";
      c.addEpisode(episode(SHOW_ARCHIVE_SESSIONS, i, title, text, null, 2_400_000 + pick(SHOW_ARCHIVE_SESSIONS, i, 1_200_000),
          false, i % 2 == 0 ? "en" : "fr", List.of(i % 2 == 0 ? "en" : "fr"), date, yearOnly ? "year" : "month", false));
    }

    c.addShow(new Show(SHOW_PARTNER_ACADEMY, "Partner Onboarding Academy", "Gridcast Demo Media",
        "Training series for new trading partners. トレーディングパートナー向けの研修シリーズ。",
        "<p>Training series for new trading partners.<br/>トレーディングパートナー向けの研修シリーズ。</p>",
        false, List.of("en", "ja"), List.of("DE", "GB", "JP", "US"), images("show:" + SHOW_PARTNER_ACADEMY), "© 2025 Gridcast Demo Media", true));
    String[] modules = {"Welcome to the network", "Your first purchase order", "ASN basics", "Invoices that pass", "Handling disputes",
        "モジュール 6: 請求書の確認", "モジュール 7: 出荷通知", "Service levels", "Security and access", "Graduation"};
    LocalDate acFirst = LocalDate.of(2025, 6, 2);
    for (int i = 0; i < 10; i++) {
      String title = i < 5 || i > 6 ? "Module " + (i + 1) + ": " + modules[i] : modules[i];
      String text = i == 5 || i == 6 ? "研修モジュール " + (i + 1) + "。" : "Training module " + (i + 1) + " of the partner onboarding academy.";
      c.addEpisode(episode(SHOW_PARTNER_ACADEMY, i, title, text, "<p>" + text + "</p>", 600_000 + pick(SHOW_PARTNER_ACADEMY, i, 600_000),
          false, i == 5 || i == 6 ? "ja" : "en", List.of(i == 5 || i == 6 ? "ja" : "en"), acFirst.plusWeeks(i).toString(), "day", true));
    }
  }

  private static Episode episode(String showId, int n, String name, String description, String html, long durationMs,
      boolean explicit, String language, List<String> languages, String date, String precision, boolean preview) {
    String id = episodeId(showId, n);
    return new Episode(id, showId, name, description, html, durationMs, explicit, language, languages, date, precision,
        preview ? "https://p.scdn.co/mp3-preview/" + SpotifyIds.hex("preview:" + id, 40) : null,
        images("episode:" + id), null, null);
  }

  private static long pick(String showId, int n, int bound) {
    return SpotifyIds.pick(showId + ":" + n, bound);
  }

  private static void seedTracks(SpotifyCatalog c) {
    Artist[] artists = {
        new Artist(SpotifyIds.base62("artist:0"), "Nordlicht Ensemble"),
        new Artist(SpotifyIds.base62("artist:1"), "Los Contenedores"),
        new Artist(SpotifyIds.base62("artist:2"), "Café Logística"),
        new Artist(SpotifyIds.base62("artist:3"), "Kōhī Beats"),
        new Artist(SpotifyIds.base62("artist:4"), "The Pallet Jacks"),
        new Artist(SpotifyIds.base62("artist:5"), "Sølvtråd"),
    };
    String[][] albums = {{"Hafenlichter", "2021-04-16"}, {"Ruta Nocturna", "2022-09-02"}, {"Warehouse Dawn", "2023-01-27"},
        {"珈琲と雨", "2020-11-11"}, {"Forklift Love Songs", "2019-06-07"}, {"Nordisk Ro", "2024-02-23"}};
    String[] names = {"Kranlied", "Nebel über Altona", "Letzte Schicht", "Vamos al Puerto", "Contenedor Azul", "Medianoche",
        "Latte Freight", "Loading Bay Lullaby", "Dockside", "雨の日", "朝の配送", "Slow Drip", "Pallet Town", "Reach Truck",
        "Pick & Pack", "Stille Vann", "Nordlys", "Fjordvind", "Brücke im Regen", "Sin Prisa", "Ventana", "Last Mile",
        "Cross-Dock Shuffle", "Bølger"};
    for (int i = 0; i < 24; i++) {
      int a = i / 4 % 6;
      Album album = new Album(SpotifyIds.base62("album:" + a), albums[a][0], albums[a][1], 4, images("album:" + a), List.of(artists[a]));
      List<Artist> performers = i % 5 == 4 ? List.of(artists[a], artists[(a + 1) % 6]) : List.of(artists[a]);
      c.tracks.put(trackId(i), new Track(trackId(i), names[i], performers, album, 150_000 + SpotifyIds.pick("track-len:" + i, 120_000),
          i == 12, 20 + SpotifyIds.pick("pop:" + i, 70), "QZDA" + (2019 + a) + String.format("%05d", 100 + i), i % 4 + 1));
    }
  }

  private static void seedPlaylists(SpotifyCatalog c) {
    Instant added = Instant.parse("2025-09-01T08:00:00Z");
    Playlist mix = new Playlist(PLAYLIST_DEMO_MIX, "Gridcast Demo Mix", "Tracks, episodes and a few rough edges.", true, false, CURRENT_USER_ID);
    List<String> mixUris = List.of(
        "spotify:track:" + trackId(0),
        "spotify:episode:" + episodeId(SHOW_TRADING_GRID_WEEKLY, 59),
        "spotify:track:" + trackId(7),
        "spotify:local:Nordlicht+Ensemble:Demo+Tapes:Warehouse+Dawn+%28Rough+Mix%29:241",
        "spotify:track:" + trackId(9),
        "spotify:track:" + SpotifyIds.base62("withdrawn-track:1"),
        "spotify:episode:" + episodeId(SHOW_CADENA_AL_DIA, 19),
        "spotify:track:" + trackId(15),
        "spotify:track:" + trackId(20),
        "spotify:episode:" + episodeId(SHOW_PARTNER_ACADEMY, 0),
        "spotify:track:" + trackId(3),
        "spotify:episode:" + SpotifyIds.base62("withdrawn-episode:1"));
    addAll(mix, mixUris, added, CURRENT_USER_ID);
    mix.followers = 3;
    put(c, mix, true);

    Playlist training = new Playlist(PLAYLIST_TRAINING_QUEUE, "Partner Training Queue", "Episodes to assign to new partners.", false, false, CURRENT_USER_ID);
    List<String> trainingUris = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      trainingUris.add("spotify:episode:" + episodeId(SHOW_PARTNER_ACADEMY, i));
    }
    addAll(training, trainingUris, added.plusSeconds(86_400), CURRENT_USER_ID);
    put(c, training, true);

    Playlist berlin = new Playlist(PLAYLIST_STORE_BERLIN, "Store Ambience – Berlin Mitte", "Background music for the Berlin Mitte site.", true, false, CURRENT_USER_ID);
    List<String> berlinUris = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      berlinUris.add("spotify:track:" + trackId(i % 24));
    }
    addAll(berlin, berlinUris, added.plusSeconds(2 * 86_400), CURRENT_USER_ID);
    berlin.followers = 1;
    put(c, berlin, true);

    Playlist editorial = new Playlist(PLAYLIST_EDITORIAL, "Gridcast Editorial Picks", null, null, false, EDITORIAL_USER_ID);
    List<String> editorialUris = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      editorialUris.add("spotify:track:" + trackId(i * 3));
    }
    editorialUris.add("spotify:episode:" + episodeId(SHOW_TRADING_GRID_WEEKLY, 58));
    editorialUris.add("spotify:episode:" + episodeId(SHOW_LIEFERKETTE_LIVE, 29));
    addAll(editorial, editorialUris, added.minusSeconds(30L * 86_400), null);
    editorial.followers = 48_213;
    put(c, editorial, true);

    c.removedPlaylistNames.add("Trading Grid Classics");
    c.removedPlaylistNames.add("Lieferkette Live – Best of");
    c.removedPlaylistNames.add("Store Ambience – Old Town (retired)");
  }

  private static void addAll(Playlist p, List<String> uris, Instant start, String addedBy) {
    for (int i = 0; i < uris.size(); i++) {
      p.entries.add(new Entry(uris.get(i), start.plusSeconds(60L * i), addedBy));
    }
  }

  private static void put(SpotifyCatalog c, Playlist p, boolean listedForUser) {
    p.version = 1;
    p.snapshotId = SpotifyIds.snapshot(p.id, 1, 0);
    c.playlists.put(p.id, p);
    if (listedForUser) {
      c.userPlaylistIds.add(p.id);
    }
  }

  private static void seedLibrary(SpotifyCatalog c) {
    c.savedShows.add(new Saved(SHOW_TRADING_GRID_WEEKLY, Instant.parse("2025-01-10T09:30:00Z")));
    c.savedShows.add(new Saved(SHOW_LIEFERKETTE_LIVE, Instant.parse("2025-02-03T17:05:00Z")));
    c.savedShows.add(new Saved(SHOW_PARTNER_ACADEMY, Instant.parse("2025-06-03T07:45:00Z")));
    c.savedEpisodes.add(new Saved(episodeId(SHOW_TRADING_GRID_WEEKLY, 57), Instant.parse("2025-10-10T06:00:00Z")));
    c.savedEpisodes.add(new Saved(episodeId(SHOW_TRADING_GRID_WEEKLY, 55), Instant.parse("2025-09-26T06:00:00Z")));
    c.savedEpisodes.add(new Saved(episodeId(SHOW_CADENA_AL_DIA, 12), Instant.parse("2025-07-20T19:12:00Z")));
    c.savedEpisodes.add(new Saved(episodeId(SHOW_ARCHIVE_SESSIONS, 3), Instant.parse("2024-12-24T12:00:00Z")));
  }
}
