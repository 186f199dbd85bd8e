package io.gridcast.bridge.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostTemplatesTest {

  @TempDir Path dir;

  private static TemplateModel announcement(PostTemplates t, String notes) {
    return t.model().text("show", "Partner <b>Hour</b>").text("episode", "EDI *basics*")
        .date("released", LocalDate.of(2026, 3, 5)).duration("duration", Duration.ofSeconds(3725)).flag("explicit", false)
        .notes("releaseNotes", notes, LinkPolicy.anyHttps()).url("episodeUrl", "https://open.spotify.com/episode/abc", LinkPolicy.spotify());
  }

  @Test
  void rendersTheBuiltInEnglishAnnouncementWithRemoteTextEscaped() {
    PostTemplates t = PostTemplates.english();
    assertThat(t.render("announcement", announcement(t, "Read [the guide](https://example.com/g) <script>x</script>")))
        .isEqualTo("**Partner &lt;b&gt;Hour&lt;/b&gt;** · Mar 5, 2026 · 1 h 02 min\n\n### Release notes\n\n"
            + "Read [the guide](https://example.com/g) &lt;script&gt;x&lt;/script&gt;\n\n"
            + "[Listen on Spotify](https://open.spotify.com/episode/abc)");
    assertThat(t.title("announcement.title", announcement(t, ""), 300, "x")).isEqualTo("Partner <b>Hour</b>: EDI *basics*");
  }

  @Test
  void leavesOutTheReleaseNotesSectionWhenThereAreNone() {
    PostTemplates t = PostTemplates.english();
    assertThat(t.render("announcement", announcement(t, "  ")))
        .isEqualTo("**Partner &lt;b&gt;Hour&lt;/b&gt;** · Mar 5, 2026 · 1 h 02 min\n\n[Listen on Spotify](https://open.spotify.com/episode/abc)");
  }

  @Test
  void germanIsAFolderOfTheSameTemplatesWithGermanDatesAndNumbers() {
    PostTemplates de = PostTemplates.builder().locale(Locale.GERMANY).zone(ZoneId.of("Europe/Berlin")).build();
    assertThat(de.render("announcement", announcement(de, "")))
        .isEqualTo("**Partner &lt;b&gt;Hour&lt;/b&gt;** · 5. März 2026 · 1 Std. 02 Min.\n\n[Auf Spotify anhören](https://open.spotify.com/episode/abc)");
    TemplateModel m = de.model().number("n", 1234567).decimal("d", 3.14159, 2).percent("p", 0.125, 1)
        .month("m", YearMonth.of(2026, 3)).instant("i", Instant.parse("2026-03-05T12:00:00Z"));
    assertThat(m.values().toString()).contains("n=1.234.567", "d=3,14", "p=12,5\u00a0%", "m=März 2026", "i=5. März 2026, 13:00 MEZ");
  }

  @Test
  void tripleMustachesCannotPrintRemoteTextUnescaped() throws IOException {
    Files.writeString(dir.resolve("announcement.title.mustache"), "{{{show}}} / {{&episode}}");
    Files.writeString(dir.resolve("announcement.mustache"), "{{{show}}} {{&episode}}");
    PostTemplates t = PostTemplates.builder().folder(dir).build();
    assertThat(t.render("announcement", announcement(t, ""))).isEqualTo("Partner &lt;b&gt;Hour&lt;/b&gt; EDI \\*basics\\*");
  }

  @Test
  void aFolderOverridesOneTemplateAndTheRestStayBuiltIn() throws IOException {
    Files.writeString(dir.resolve("announcement.title.mustache"), "New on {{show}} — {{episode}}\n");
    PostTemplates t = PostTemplates.builder().folder(dir).build();
    assertThat(t.title("announcement.title", announcement(t, ""), 300, "x")).isEqualTo("New on Partner <b>Hour</b> — EDI *basics*");
    assertThat(t.render("announcement", announcement(t, ""))).endsWith("[Listen on Spotify](https://open.spotify.com/episode/abc)");
  }

  @Test
  void aLocaleFolderWinsOverTheFoldersDefaultAndTheBuiltInLanguage() throws IOException {
    Files.createDirectories(dir.resolve("de"));
    Files.writeString(dir.resolve("announcement.title.mustache"), "EN {{episode}}");
    Files.writeString(dir.resolve("de/announcement.title.mustache"), "DE {{episode}}");
    PostTemplates de = PostTemplates.builder().locale(Locale.GERMAN).folder(dir).build();
    PostTemplates en = PostTemplates.builder().folder(dir).build();
    assertThat(de.title("announcement.title", announcement(de, ""), 300, "x")).isEqualTo("DE EDI *basics*");
    assertThat(en.title("announcement.title", announcement(en, ""), 300, "x")).isEqualTo("EN EDI *basics*");
  }

  @Test
  void aClasspathLocationOverridesTheBuiltInTemplates() throws IOException {
    Path pkg = Files.createDirectories(dir.resolve("com/acme/tpl"));
    Files.writeString(pkg.resolve("announcement.title.mustache"), "Acme: {{episode}}");
    try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
      PostTemplates t = PostTemplates.builder().classpath(loader, "/com/acme/tpl/").build();
      assertThat(t.title("announcement.title", announcement(t, ""), 300, "x")).isEqualTo("Acme: EDI *basics*");
    }
  }

  @Test
  void aTemplateThatDoesNotCompileIsRefusedAtBuildNamingTheFile() throws IOException {
    Files.writeString(dir.resolve("site-notice.mustache"), "{{#site}} never closed");
    assertThatThrownBy(() -> PostTemplates.builder().folder(dir).build())
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("site-notice.mustache").hasMessageContaining("does not compile");
  }

  @Test
  void aValueTheModelDoesNotHoldFailsTheRenderingWithTheKeysItHas() throws IOException {
    Files.writeString(dir.resolve("announcement.title.mustache"), "{{show}}: {{episodeName}}");
    PostTemplates t = PostTemplates.builder().folder(dir).build();
    assertThatThrownBy(() -> t.title("announcement.title", announcement(t, ""), 300, "x"))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("announcement.title").hasMessageContaining("episodeName").hasMessageContaining("[show, episode");
  }

  @Test
  void aMissingFolderAndBadNamesAreRefusedWithWhatToFix() {
    assertThatThrownBy(() -> PostTemplates.builder().folder(dir.resolve("nope")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not exist");
    PostTemplates t = PostTemplates.english();
    assertThatThrownBy(() -> t.render("../etc/passwd", t.model())).isInstanceOf(TemplateException.class)
        .hasMessageContaining("template names");
    assertThatThrownBy(() -> t.model().text("no spaces", "x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> t.render("announcement", PostTemplates.builder().locale(Locale.GERMAN).build().model()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("model()");
  }

  @Test
  void listsRepeatAndEmptyListsAreFalse() {
    PostTemplates t = PostTemplates.english();
    TemplateModel m = announcement(t, "").flag("hasFaqs", true)
        .list("faqs", List.of(t.model().text("question", "Why *EDI*?").markdown("answer", "Because **speed**.")));
    assertThat(t.render("training", m)).endsWith("### FAQ\n\n**Why \\*EDI\\*?**\n\nBecause **speed**.");
    assertThat(t.render("training", announcement(t, "").flag("hasFaqs", false).list("faqs", List.of())))
        .doesNotContain("FAQ");
  }

  @Test
  void everyBuiltInTemplateHasAGermanTwinThatAsksForNothingTheEnglishOneDoesNotAlsoGet() throws IOException {
    for (String name : PostTemplates.NAMES) {
      java.util.Set<String> english = names(PostTemplates.BUILT_IN + "/" + name + ".mustache");
      java.util.Set<String> german = names(PostTemplates.BUILT_IN + "/de/" + name + ".mustache");
      assertThat(english).as(name).containsAll(german);
    }
  }

  /** The values, sections and includes a template names. */
  private static java.util.Set<String> names(String resource) throws IOException {
    try (java.io.InputStream in = PostTemplates.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource + " exists").isNotNull();
      java.util.Set<String> names = new java.util.TreeSet<>();
      com.samskivert.mustache.Mustache.compiler().compile(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
          .visit(new com.samskivert.mustache.Mustache.Visitor() {
            @Override public void visitText(String text) {}
            @Override public void visitVariable(String name) { names.add(name); }
            @Override public boolean visitInclude(String name) { names.add(">" + name); return false; }
            @Override public boolean visitSection(String name) { names.add(name); return true; }
            @Override public boolean visitInvertedSection(String name) { names.add(name); return true; }
          });
      return names;
    }
  }
}
