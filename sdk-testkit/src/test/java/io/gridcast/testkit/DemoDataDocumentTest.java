package io.gridcast.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridcast.testkit.SpotifyCatalog.Episode;
import io.gridcast.testkit.SpotifyCatalog.Playlist;
import io.gridcast.testkit.SpotifyCatalog.Show;
import io.gridcast.testkit.SpotifyCatalog.Track;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code sdk-testkit/DEMO-DATA.md} is written from the sandboxes as they start, so it cannot drift
 * from {@link SpotifyDemoData} and {@link TradingGridDemoData}. After changing the demo data,
 * rewrite it with {@code mvn -pl sdk-testkit test -Dtest=DemoDataDocumentTest -Dgridcast.demoData.write=true}.
 */
class DemoDataDocumentTest {

  private static final Path FILE = Path.of(System.getProperty("basedir", "."), "DEMO-DATA.md");

  @Test
  void demoDataMdDescribesExactlyWhatTheSandboxesHoldWhenTheyStart() throws IOException {
    String expected = document();
    if (Boolean.getBoolean("gridcast.demoData.write")) {
      Files.writeString(FILE, expected, StandardCharsets.UTF_8);
    }

    assertThat(Files.readString(FILE, StandardCharsets.UTF_8))
        .as("%s is out of date; rewrite it with mvn -pl sdk-testkit test -Dtest=DemoDataDocumentTest"
            + " -Dgridcast.demoData.write=true and review the difference", FILE.toAbsolutePath().normalize())
        .isEqualTo(expected);
  }

  static String document() {
    StringBuilder md = new StringBuilder();
    md.append("# Demo data of the Gridcast sandboxes\n\n")
        .append("What a `SpotifySandbox` and a `TradingGridSandbox` hold when they start, and again after `reset()`: the ids a\n")
        .append("test can name, and what each shows. The constants are in `SpotifyDemoData` and `TradingGridDemoData`.\n")
        .append("Both web views show the same live, at `/` of each sandbox.\n\n")
        .append("This file is written from the sandboxes by `DemoDataDocumentTest`, which fails when it is out of date;\n")
        .append("rewrite it with `mvn -pl sdk-testkit test -Dtest=DemoDataDocumentTest -Dgridcast.demoData.write=true`.\n\n");
    try (SpotifySandbox spotify = SpotifySandbox.builder().build()) {
      spotify(md, spotify);
    }
    try (TradingGridSandbox tg = TradingGridSandbox.builder().start()) {
      tradingGrid(md, tg);
    }
    return md.toString();
  }

  // ---- Spotify ------------------------------------------------------------------------------

  private static void spotify(StringBuilder md, SpotifySandbox sandbox) {
    Map<String, String> constants = constants(SpotifyDemoData.class);
    SpotifyCatalog c = catalogOf(sandbox);
    synchronized (c) {
      SpotifyCatalog.User user = c.currentUser();
      md.append("## Spotify sandbox\n\n")
          .append("The data is the same under every seed. How its rough edges look on the wire depends on the sandbox's\n")
          .append("quirks: strict by default (every answer one that Spotify's OpenAPI document accepts), as the live API\n")
          .append("answers with `SpotifyQuirk.REAL_WORLD`.\n\n");
      table(md, List.of("What", "Value"), List.of(
          List.of("App client id / secret", code(sandbox.clientId()) + " / " + code(sandbox.clientSecret())),
          List.of("User of user tokens", code(user.id()) + ", \"" + user.displayName() + "\", " + user.product() + ", " + user.country()),
          List.of("Other user", code(SpotifyDemoData.EDITORIAL_USER_ID) + " (owns the editorial playlist)")));

      md.append("### Shows\n\n");
      List<List<String>> shows = new ArrayList<>();
      for (Show s : c.shows.values()) {
        List<Episode> episodes = c.episodesByShow.get(s.id());
        shows.add(List.of(constant(constants, s.id()), code(s.id()), s.name(), Integer.toString(episodes.size()),
            String.join(", ", s.languages()), showNotes(s, episodes)));
      }
      table(md, List.of("Constant", "Id", "Name", "Episodes", "Languages", "Notes"), shows);
      md.append("Episode `n` of a show (0 = oldest) has the id `SpotifyDemoData.episodeId(showId, n)`; a show's episodes are\n")
          .append("listed newest first.\n\n");
      List<List<String>> ends = new ArrayList<>();
      for (Show s : c.shows.values()) {
        List<Episode> episodes = c.episodesByShow.get(s.id());
        Episode newest = episodes.get(0);
        Episode oldest = episodes.get(episodes.size() - 1);
        ends.add(List.of(s.name(), code(oldest.id()) + " " + oldest.name() + " (" + oldest.releaseDate() + ")",
            code(newest.id()) + " " + newest.name() + " (" + newest.releaseDate() + ")"));
      }
      table(md, List.of("Show", "Oldest episode (n = 0)", "Newest episode"), ends);

      md.append("### Playlists\n\n");
      List<List<String>> playlists = new ArrayList<>();
      for (Playlist p : c.playlists.values()) {
        playlists.add(List.of(constant(constants, p.id), code(p.id), p.name, p.ownerId, Integer.toString(p.entries.size()),
            p.isPublic == null ? "not stated" : p.isPublic ? "public" : "private", Integer.toString(p.followers),
            c.userPlaylistIds.contains(p.id) ? "yes" : "no"));
      }
      table(md, List.of("Constant", "Id", "Name", "Owner", "Items", "Visibility", "Followers", "In the user's list"), playlists);
      md.append("Deleted playlists, kept so that search can answer as the live API does: ")
          .append(c.removedPlaylistNames.stream().map(n -> "\"" + n + "\"").collect(Collectors.joining(", "))).append(".\n\n");
      Playlist mix = c.playlists.get(SpotifyDemoData.PLAYLIST_DEMO_MIX);
      md.append("Items of \"").append(mix.name).append("\":\n\n");
      List<List<String>> items = new ArrayList<>();
      for (int i = 0; i < mix.entries.size(); i++) {
        String uri = mix.entries.get(i).uri();
        items.add(List.of(Integer.toString(i), code(uri), describe(c, uri)));
      }
      table(md, List.of("Position", "URI", "What it is"), items);

      md.append("### Tracks\n\n`SpotifyDemoData.trackId(n)` for `n` from 0 to ").append(c.tracks.size() - 1).append(":\n\n");
      List<List<String>> tracks = new ArrayList<>();
      int n = 0;
      for (Track t : c.tracks.values()) {
        tracks.add(List.of(Integer.toString(n++), code(t.id()), t.name(), artists(t), t.album().name(), t.explicit() ? "explicit" : ""));
      }
      table(md, List.of("n", "Id", "Name", "Artists", "Album", ""), tracks);

      md.append("### Library of ").append(user.id()).append("\n\n");
      List<List<String>> saved = new ArrayList<>();
      c.savedShows.forEach(s -> saved.add(List.of("show", code(s.id()), c.shows.get(s.id()).name(), s.addedAt().toString())));
      c.savedEpisodes.forEach(s -> saved.add(List.of("episode", code(s.id()), c.episodes.get(s.id()).name(), s.addedAt().toString())));
      table(md, List.of("Saved", "Id", "Name", "Added"), saved);
    }
  }

  private static SpotifyCatalog catalogOf(SpotifySandbox sandbox) {
    try {
      Field f = SpotifySandbox.class.getDeclaredField("catalog");
      f.setAccessible(true);
      return (SpotifyCatalog) f.get(sandbox);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String showNotes(Show s, List<Episode> episodes) {
    List<String> notes = new ArrayList<>();
    notes.add(s.publisher());
    if (s.explicit()) {
      notes.add("explicit show");
    }
    long explicit = episodes.stream().filter(Episode::explicit).count();
    if (explicit > 0) {
      notes.add(explicit + " explicit episodes");
    }
    if (s.htmlDescription() == null) {
      notes.add("no HTML description");
    }
    if (s.availableMarkets() == null) {
      notes.add("no market list");
    } else if (s.availableMarkets().size() < 11) {
      notes.add("markets " + String.join(", ", s.availableMarkets()));
    }
    List<String> precisions = episodes.stream().map(Episode::releaseDatePrecision).distinct().sorted().toList();
    if (!precisions.equals(List.of("day"))) {
      notes.add("release dates by " + String.join(" and ", precisions));
    }
    if (episodes.stream().allMatch(e -> e.language() == null)) {
      notes.add("no `language` on episodes");
    }
    if (episodes.stream().allMatch(e -> e.audioPreviewUrl() == null)) {
      notes.add("no previews");
    }
    return String.join("; ", notes);
  }

  private static String describe(SpotifyCatalog c, String uri) {
    String[] parts = uri.split(":", 3);
    switch (parts[1]) {
      case "track": {
        Track t = c.tracks.get(parts[2]);
        return t == null ? "unavailable track" : "track \"" + t.name() + "\" by " + artists(t);
      }
      case "episode": {
        Episode e = c.episodes.get(parts[2]);
        return e == null ? "unavailable episode" : "episode \"" + e.name() + "\" of " + c.shows.get(e.showId()).name();
      }
      default:
        return "local file";
    }
  }

  private static String artists(Track t) {
    return t.artists().stream().map(SpotifyCatalog.Artist::name).collect(Collectors.joining(", "));
  }

  // ---- Trading Grid -------------------------------------------------------------------------

  private static void tradingGrid(StringBuilder md, TradingGridSandbox tg) {
    Map<String, String> constants = constants(TradingGridDemoData.class);
    JsonNode community = tg.community();
    md.append("## Trading Grid sandbox\n\n")
        .append("Shown under seed 0 (the default). The seed decides which partner is in which region, stage and grocery\n")
        .append("group, their account ids and the answers of the form submissions; every id, name and everything else stays.\n")
        .append("The demo data is stamped with fixed times from 2026-09-07T08:00Z; seeding emits no events.\n\n");
    table(md, List.of("What", "Value"), List.of(
        List.of("Tenant", code(TradingGridSandbox.DEFAULT_TENANT_ID)),
        List.of("Community", code(community.path("id").asText()) + " \"" + community.path("name").asText() + "\""),
        List.of("Client id / secret", code(TradingGridSandbox.DEFAULT_CLIENT_ID) + " / " + code(TradingGridSandbox.DEFAULT_CLIENT_SECRET)),
        List.of("User / password (password grant)", code(TradingGridSandbox.DEFAULT_USERNAME) + " / "
            + code(TradingGridSandbox.DEFAULT_PASSWORD))));

    Map<String, String> partnerNames = names(tg, TradingGridResource.PARTNERS, "name");
    Map<String, String> groupNames = names(tg, TradingGridResource.PARTNER_GROUPS, "name");
    md.append("### Partner groups\n\n");
    Map<String, Long> members = new HashMap<>();
    tg.resources(TradingGridResource.PARTNERS).forEach(p -> p.path("groupIds").forEach(g -> members.merge(g.asText(), 1L, Long::sum)));
    table(md, List.of("Constant", "Id", "Name", "Members"), rows(tg, TradingGridResource.PARTNER_GROUPS, g -> List.of(
        constant(constants, id(g)), code(id(g)), g.path("name").asText(), Long.toString(members.getOrDefault(id(g), 0L)))));

    md.append("### Partners\n\n`TradingGridDemoData.PARTNER_IDS`, in creation order:\n\n");
    table(md, List.of("Id", "Name", "Region", "Stage", "Account", "Groups"), rows(tg, TradingGridResource.PARTNERS, p -> List.of(
        code(id(p)) + (constants.containsKey(id(p)) ? " (" + code(constants.get(id(p))) + ")" : ""), p.path("name").asText(),
        p.path("region").asText(), p.path("onboardingStage").asText(), code(p.path("accountId").asText()),
        texts(p.path("groupIds"), g -> g))));

    md.append("### Documents\n\n");
    table(md, List.of("Constant", "Id", "File", "Type", "Bytes"), rows(tg, TradingGridResource.DOCUMENTS, d -> List.of(
        constant(constants, id(d)), code(id(d)), d.path("fileName").asText(), d.path("contentType").asText(),
        d.path("size").asText())));

    md.append("### Posts\n\n");
    table(md, List.of("Constant", "Id", "Kind", "Title", "Audience", "Attachments"), rows(tg, TradingGridResource.POSTS, p -> List.of(
        constant(constants, id(p)), code(id(p)), p.path("kind").asText(), p.path("title").asText(),
        texts(p.path("audience").path("groupIds"), g -> groupNames.getOrDefault(g, g)), texts(p.path("attachments"), a -> a))));

    md.append("### Assignments\n\n");
    table(md, List.of("Id", "Post", "Target", "Due", "Status"), rows(tg, TradingGridResource.ASSIGNMENTS, a -> List.of(
        code(id(a)), code(a.path("postId").asText()), a.path("target").path("type").asText() + " " + code(a.path("target").path("id").asText()),
        a.path("dueDate").asText(""), a.path("status").asText())));

    md.append("### Threads\n\n");
    table(md, List.of("Constant", "Id", "Title", "On post", "Messages"), rows(tg, TradingGridResource.THREADS, t -> List.of(
        constant(constants, id(t)), code(id(t)), t.path("title").asText(), code(t.path("postId").asText()),
        Integer.toString(tg.threadMessages(id(t)).size()))));

    md.append("### Issues\n\n");
    table(md, List.of("Constant", "Id", "Type", "Severity", "Status", "Title", "Reported by", "Attachments", "Comments"),
        rows(tg, TradingGridResource.ISSUES, i -> List.of(constant(constants, id(i)), code(id(i)), i.path("type").asText(),
            i.path("severity").asText(), i.path("status").asText(), i.path("title").asText(),
            i.has("partnerId") ? partnerNames.get(i.path("partnerId").asText()) : "", texts(i.path("attachments"), a -> a),
            Integer.toString(tg.issueComments(id(i)).size()))));

    md.append("### Forms\n\n");
    table(md, List.of("Constant", "Id", "Title", "Fields", "Submissions"), rows(tg, TradingGridResource.FORMS, f -> List.of(
        constant(constants, id(f)), code(id(f)), f.path("title").asText(), texts(f.path("fields"), null),
        Integer.toString(tg.formSubmissions(id(f)).size()))));

    md.append("### Approvals\n\n");
    table(md, List.of("Constant", "Id", "Title", "Status", "Required roles", "Decisions", "Audit entries"),
        rows(tg, TradingGridResource.APPROVALS, a -> List.of(constant(constants, id(a)), code(id(a)), a.path("title").asText(),
            a.path("status").asText(), texts(a.path("requiredRoles"), r -> r), decisions(a.path("decisions")),
            Integer.toString(tg.auditTrail(id(a)).size()))));

    md.append("### Campaigns\n\n");
    table(md, List.of("Constant", "Id", "Name", "Type", "Sponsor", "Status", "Approval documents", "Milestones", "Partner instructions"),
        rows(tg, TradingGridResource.CAMPAIGNS, c -> List.of(constant(constants, id(c)), code(id(c)), c.path("name").asText(),
            c.path("type").asText(), c.path("sponsor").asText(""), c.path("status").asText(),
            texts(c.path("approvalDocumentIds"), d -> d), Integer.toString(c.path("milestones").size()),
            Integer.toString(c.path("partnerInstructions").size()))));

    md.append("### Sites\n\n`TradingGridDemoData.SITE_IDS`:\n\n");
    table(md, List.of("Id", "Name", "Region", "Status", "Rollout", "Playlist", "Licences"), rows(tg, TradingGridResource.SITES, s -> List.of(
        code(id(s)) + (constants.containsKey(id(s)) ? " (" + code(constants.get(id(s))) + ")" : ""), s.path("name").asText(),
        s.path("region").asText(), s.path("status").asText(), s.path("rolloutDate").asText(""),
        s.has("playlistUri") ? code(s.path("playlistUri").asText()) : "", texts(s.path("licenceDocumentIds"), d -> d))));

    md.append("### Site requests\n\n");
    table(md, List.of("Constant", "Id", "Site", "Type", "Status", "Comments"), rows(tg, TradingGridResource.SITE_REQUESTS, r -> List.of(
        constant(constants, id(r)), code(id(r)), code(r.path("siteId").asText()), r.path("type").asText(), r.path("status").asText(),
        Integer.toString(r.path("comments").size()))));
  }

  private static Map<String, String> names(TradingGridSandbox tg, TradingGridResource type, String field) {
    Map<String, String> out = new HashMap<>();
    tg.resources(type).forEach(r -> out.put(id(r), r.path(field).asText()));
    return out;
  }

  private static List<List<String>> rows(TradingGridSandbox tg, TradingGridResource type, Function<JsonNode, List<String>> row) {
    return tg.resources(type).stream().map(row).toList();
  }

  private static String decisions(JsonNode decisions) {
    List<String> out = new ArrayList<>();
    decisions.forEach(d -> out.add(d.path("role").asText() + ": " + d.path("decision").asText()));
    return out.isEmpty() ? "none" : String.join(", ", out);
  }

  private static String id(JsonNode resource) {
    return resource.path("id").asText();
  }

  /** The values of a JSON array, each through {@code name} (or, for objects, their {@code key}), joined by commas. */
  private static String texts(JsonNode array, Function<String, String> name) {
    List<String> out = new ArrayList<>();
    array.forEach(v -> out.add(v.isObject() ? code(v.path("key").asText()) : name.apply(v.asText())));
    return String.join(", ", out);
  }

  // ---- Markdown -----------------------------------------------------------------------------

  /** Public string constants of a demo-data class, by value. */
  private static Map<String, String> constants(Class<?> type) {
    Map<String, String> out = new HashMap<>();
    for (Field f : type.getFields()) {
      if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
        try {
          out.putIfAbsent((String) f.get(null), f.getName());
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return out;
  }

  private static String constant(Map<String, String> constants, String id) {
    return constants.containsKey(id) ? code(constants.get(id)) : "";
  }

  private static String code(String text) {
    return "`" + text + "`";
  }

  private static void table(StringBuilder md, List<String> headers, List<List<String>> rows) {
    md.append("| ").append(String.join(" | ", headers)).append(" |\n|");
    headers.forEach(h -> md.append("---|"));
    md.append('\n');
    for (List<String> row : rows) {
      md.append("| ").append(row.stream().map(cell -> cell.replace("|", "\\|")).collect(Collectors.joining(" | "))).append(" |\n");
    }
    md.append('\n');
  }
}
