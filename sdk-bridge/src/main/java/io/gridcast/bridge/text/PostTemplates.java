package io.gridcast.bridge.text;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import io.gridcast.bridge.text.TemplateModel.Markup;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The text of every post, comment and issue Gridcast writes, from Mustache templates (rendered
 * with JMustache): one template per post kind for the Markdown body ({@code announcement}) and
 * one for the title ({@code announcement.title}). Gridcast ships English and German; a host
 * changes the wording, or adds a language, with a folder or a classpath location of its own.
 *
 * <p><b>Where a template comes from.</b> For the locale {@code de-DE} and the template
 * {@code announcement}, the first of these that exists is used:
 * <ol>
 *   <li>{@code de-DE/announcement.mustache}, then {@code de/announcement.mustache}, then
 *       {@code announcement.mustache} (the folder's own default language);
 *   <li>each of them looked for in the {@linkplain Builder#folder(Path) folder}, then the
 *       {@linkplain Builder#classpath(ClassLoader, String) classpath location}, then Gridcast's
 *       built-in templates (under {@value #BUILT_IN} in {@code sdk-bridge}, English at the top,
 *       German in {@code de/}).
 * </ol>
 * So overriding one template means writing one file; a second language is a folder. Templates
 * may include each other ({@code {{> announcement}}}), found the same way. {@code
 * formats.properties} beside the templates says how dates and durations are written (see the
 * built-in ones); numbers follow the locale.
 *
 * <p><b>Safety.</b> Templates are the host's and Gridcast's own text. The values they print come
 * from a {@link TemplateModel}, where remote text is typed as such and escaped whenever it is
 * printed, so neither {@code {{title}}} nor {@code {{{title}}}} can carry raw HTML, a link or
 * Markdown syntax from a platform into a post. Titles are rendered as one clean line
 * ({@link PostMarkdown#plain}).
 *
 * <p><b>Errors.</b> {@link Builder#build()} compiles every template Gridcast uses and throws
 * {@link TemplateException} naming the file for one that does not compile, and {@link
 * IllegalArgumentException} for a folder that does not exist. A template that names a value its
 * model does not have fails at {@link #render} with {@link TemplateException}, which fails that
 * one item.
 *
 * <p>Instances are immutable and thread-safe; build one per locale and share it.
 *
 * <pre>{@code
 * PostTemplates german = PostTemplates.builder()
 *     .locale(Locale.GERMAN)
 *     .zone(ZoneId.of("Europe/Berlin"))
 *     .folder(Path.of("/etc/acme/gridcast-templates"))   // optional overrides
 *     .build();
 * }</pre>
 */
public final class PostTemplates {

  /** The classpath location of Gridcast's own templates. */
  public static final String BUILT_IN = "io/gridcast/bridge/templates";

  /** The templates Gridcast renders; each has a {@code .title} twin where its kind has a title. */
  static final List<String> NAMES = List.of(
      "announcement", "announcement.title",
      "training", "training.title",
      "audio-update", "audio-update.title", "audio-update.comment", "audio-update-link.title", "audio-update-no-audio",
      "audio-update-script", "audio-update-script.title",
      "campaign-milestone", "campaign-milestone.title", "campaign-sponsor", "campaign-kit", "campaign-kit.title",
      "campaign-calendar", "campaign-calendar.title", "campaign-calendar.event",
      "feedback-thread.title", "feedback-form", "feedback-form.title",
      "feedback-summary", "feedback-summary.title",
      "feedback-issue", "feedback-issue.title", "feedback-problem", "feedback-problem.title", "feedback-link.title",
      "site-notice", "site-notice.title", "site-live", "site-live.title", "site-paused", "site-paused.title",
      "site-resumed", "site-resumed.title", "site-request-refused",
      "performance-report", "performance-report.title", "performance-follow-up", "performance-follow-up.title",
      "performance-follow-up.line",
      "approval-objection", "approval-review.title",
      "link-listen.title", "link-episode.title", "link-playlist.title", "link-message.title");

  private static final Pattern NAME = Pattern.compile("[a-z0-9]+(?:[-.][a-z0-9]+)*");
  private static final String EXTENSION = ".mustache";

  private final Locale locale;
  private final List<Source> sources;
  private final List<String> localeFolders;
  private final TemplateFormats formats;
  private final Mustache.Compiler markdown;
  private final Mustache.Compiler plain;
  private final Map<String, Template> markdownTemplates = new ConcurrentHashMap<>();
  private final Map<String, Template> plainTemplates = new ConcurrentHashMap<>();

  private PostTemplates(Builder b) {
    this.locale = b.locale;
    this.sources = List.copyOf(b.sources());
    this.localeFolders = localeFolders(b.locale);
    Found f = find("formats.properties");
    Properties p = new Properties();
    try {
      p.load(new StringReader(f.text()));
    } catch (IOException | IllegalArgumentException e) {
      throw new TemplateException("formats", f.where() + " is not a properties file: " + e.getMessage(), e);
    }
    this.formats = new TemplateFormats(b.locale, b.zone, p, f.where());
    Mustache.TemplateLoader loader = name -> new StringReader(find(checkName(name) + EXTENSION).text());
    this.markdown = Mustache.compiler().escapeHTML(false).emptyStringIsFalse(true).withLoader(loader)
        .withFormatter(v -> v instanceof Markup m ? m.markdown() : PostMarkdown.escape(String.valueOf(v)));
    this.plain = Mustache.compiler().escapeHTML(false).emptyStringIsFalse(true).withLoader(loader)
        .withFormatter(String::valueOf);
    for (String name : NAMES) {
      template(name);
    }
  }

  /** Gridcast's English templates, in UTC. */
  public static PostTemplates english() {
    return English.INSTANCE;
  }

  /** Built on first use, so that a class-loading problem surfaces where the templates are used. */
  private static final class English {
    static final PostTemplates INSTANCE = builder().build();
  }

  /** A builder: English, UTC, Gridcast's built-in templates only. */
  public static Builder builder() {
    return new Builder();
  }

  /** The locale dates and numbers are written in, and whose templates are looked for first. */
  public Locale locale() {
    return locale;
  }

  /** The time zone instants are written in. */
  public ZoneId zone() {
    return formats.zone();
  }

  /** A new, empty model for one rendering, formatting for this locale and zone. */
  public TemplateModel model() {
    return new TemplateModel(formats);
  }

  /**
   * The Markdown body from template {@code name} with {@code model}'s values, without leading or
   * trailing white space.
   *
   * @throws TemplateException when the template names a value the model does not hold
   * @throws IllegalArgumentException when the model was made by another {@code PostTemplates}
   */
  public String render(String name, TemplateModel model) {
    return execute(name, markdownTemplates, markdown, model).strip();
  }

  /**
   * A title from template {@code name} (by convention {@code <kind>.title}) as one clean line
   * of at most {@code maxChars} characters ({@link PostMarkdown#plain}), or {@code fallback} when
   * nothing printable remains.
   *
   * @throws TemplateException when the template names a value the model does not hold
   */
  public String title(String name, TemplateModel model, int maxChars, String fallback) {
    return PostMarkdown.plain(execute(name, plainTemplates, plain, model), maxChars, fallback);
  }

  /**
   * A fixed line of text from template {@code name}, which takes no values, such as a link's
   * title ({@code link-listen.title}: "Listen on Spotify"); one clean line of at most 300
   * characters.
   *
   * @throws TemplateException when the template names a value
   */
  public String line(String name) {
    return title(name, model(), 300, name);
  }

  @Override
  public String toString() {
    return "PostTemplates{locale=" + locale.toLanguageTag() + ", zone=" + formats.zone() + ", sources=" + sources + "}";
  }

  private String execute(String name, Map<String, Template> cache, Mustache.Compiler compiler, TemplateModel model) {
    if (model.formats() != formats) {
      throw new IllegalArgumentException("the model for template " + name + " was made by other PostTemplates; make it with this one's model()");
    }
    Template t = cache.computeIfAbsent(checkName(name), n -> compile(n, compiler));
    try {
      return t.execute(model.values());
    } catch (MustacheException e) {
      throw new TemplateException(name, "template " + name + " (" + find(name + EXTENSION).where() + ") failed: "
          + e.getMessage() + "; its model has " + model.values().keySet(), e);
    }
  }

  private void template(String name) {
    // both compilers see the same text; a title template is compiled for titles only
    if (name.endsWith(".title")) {
      plainTemplates.computeIfAbsent(name, n -> compile(n, plain));
    } else {
      markdownTemplates.computeIfAbsent(name, n -> compile(n, markdown));
    }
  }

  private Template compile(String name, Mustache.Compiler compiler) {
    Found f = find(name + EXTENSION);
    try {
      return compiler.compile(f.text());
    } catch (MustacheException e) {
      throw new TemplateException(name, f.where() + " does not compile: " + e.getMessage(), e);
    }
  }

  private Found find(String file) {
    for (String folder : localeFolders) {
      for (Source s : sources) {
        Optional<Found> f = s.find(folder + file);
        if (f.isPresent()) {
          return f.get();
        }
      }
    }
    throw new TemplateException(file, "no template " + file + " for " + locale.toLanguageTag() + " in " + sources, null);
  }

  private static String checkName(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new TemplateException(String.valueOf(name), "template names are lower-case letters, digits, '-' and '.', such as"
          + " announcement.title; was '" + name + "'", null);
    }
    return name;
  }

  /** {@code de-DE/}, {@code de/}, then the top; only letters, digits and '-' reach a path. */
  private static List<String> localeFolders(Locale locale) {
    List<String> folders = new ArrayList<>(3);
    String language = locale.getLanguage();
    if (language.matches("[a-z]{2,8}")) {
      String country = locale.getCountry();
      if (country.matches("[A-Z]{2}|[0-9]{3}")) {
        folders.add(language + "-" + country + "/");
      }
      folders.add(language + "/");
    }
    folders.add("");
    return List.copyOf(folders);
  }

  private record Found(String text, String where) {}

  /** One place templates are looked for. */
  private interface Source {
    Optional<Found> find(String path);
  }

  private record FolderSource(Path root) implements Source {
    @Override
    public Optional<Found> find(String path) {
      Path file = root.resolve(path).normalize();
      if (!file.startsWith(root) || !Files.isRegularFile(file)) {
        return Optional.empty();
      }
      try {
        return Optional.of(new Found(Files.readString(file, StandardCharsets.UTF_8), "folder " + file));
      } catch (IOException e) {
        throw new TemplateException(path, "cannot read " + file + ": " + e.getMessage(), new UncheckedIOException(e));
      }
    }

    @Override
    public String toString() {
      return "folder " + root;
    }
  }

  private record ClasspathSource(ClassLoader loader, String prefix, String label) implements Source {
    @Override
    public Optional<Found> find(String path) {
      String resource = prefix + "/" + path;
      try (InputStream in = loader.getResourceAsStream(resource)) {
        if (in == null) {
          return Optional.empty();
        }
        return Optional.of(new Found(new String(in.readAllBytes(), StandardCharsets.UTF_8), label + " " + resource));
      } catch (IOException e) {
        throw new TemplateException(path, "cannot read classpath:" + resource + ": " + e.getMessage(), new UncheckedIOException(e));
      }
    }

    @Override
    public String toString() {
      return label + " " + prefix;
    }
  }

  /**
   * Builds {@link PostTemplates}. Defaults: {@link Locale#ENGLISH}, UTC, no folder, no classpath
   * location (Gridcast's built-in templates only). Not thread-safe.
   */
  public static final class Builder {
    private Locale locale = Locale.ENGLISH;
    private ZoneId zone = ZoneOffset.UTC;
    private Path folder;
    private ClassLoader classLoader;
    private String classpathPrefix;

    private Builder() {}

    /** The language of the templates looked for first, and of dates and numbers; default English. */
    public Builder locale(Locale locale) {
      this.locale = Objects.requireNonNull(locale, "locale");
      return this;
    }

    /** The time zone instants are written in; default UTC. */
    public Builder zone(ZoneId zone) {
      this.zone = Objects.requireNonNull(zone, "zone");
      return this;
    }

    /**
     * A folder whose templates override the built-in ones, laid out as they are ({@code
     * announcement.mustache} for the default language, {@code de/announcement.mustache} for
     * German). It must exist.
     */
    public Builder folder(Path folder) {
      Objects.requireNonNull(folder, "folder");
      if (!Files.isDirectory(folder)) {
        throw new IllegalArgumentException("template folder " + folder.toAbsolutePath() + " does not exist or is not a folder");
      }
      this.folder = folder.toAbsolutePath().normalize();
      return this;
    }

    /**
     * A classpath location whose templates override the built-in ones (after the {@link
     * #folder}), such as {@code com/acme/gridcast-templates} in the host's own jar.
     */
    public Builder classpath(ClassLoader loader, String location) {
      Objects.requireNonNull(loader, "loader");
      String l = Objects.requireNonNull(location, "location").replaceAll("^/+|/+$", "");
      if (l.isEmpty() || l.contains("..")) {
        throw new IllegalArgumentException("classpath location must name a package folder such as com/acme/templates, was '" + location + "'");
      }
      this.classLoader = loader;
      this.classpathPrefix = l;
      return this;
    }

    /**
     * The templates, every one Gridcast uses compiled now.
     *
     * @throws TemplateException when a template or {@code formats.properties} is missing or does not compile
     */
    public PostTemplates build() {
      return new PostTemplates(this);
    }

    private List<Source> sources() {
      List<Source> s = new ArrayList<>(3);
      if (folder != null) {
        s.add(new FolderSource(folder));
      }
      if (classLoader != null) {
        s.add(new ClasspathSource(classLoader, classpathPrefix, "classpath"));
      }
      s.add(new ClasspathSource(PostTemplates.class.getClassLoader(), BUILT_IN, "built-in"));
      return s;
    }
  }
}
