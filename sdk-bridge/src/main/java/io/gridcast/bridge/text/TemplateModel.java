package io.gridcast.bridge.text;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The values one post template is rendered with. Every value is typed by where it came from, so
 * that no template, Gridcast's or the host's, can print remote text unescaped:
 * <ul>
 *   <li>{@link #text} holds remote text (a title, a name, a message). It is escaped when the
 *       template prints it, whether with {@code {{name}}} or {@code {{{name}}}}: as Markdown in a
 *       body, as a clean single line in a title;
 *   <li>{@link #notes}, {@link #link} and {@link #code} render remote text through
 *       {@link PostMarkdown} at once (links kept only where a {@link LinkPolicy} accepts them);
 *   <li>{@link #number}, {@link #signedNumber}, {@link #decimal}, {@link #percent}, {@link #change}, {@link #date}, {@link #month},
 *       {@link #year}, {@link #instant} and {@link #duration} are formatted for the templates'
 *       locale and time zone;
 *   <li>{@link #markdown} is for Markdown Gridcast or the host wrote (never remote text);
 *   <li>{@link #flag}, {@link #list} and {@link #section} drive Mustache sections.
 * </ul>
 * An empty value is false in a section, so {@code {{#notes}}### Release notes{{/notes}}} writes
 * the heading only when there are notes. Keys are letters and digits, starting with a letter; a
 * key set twice keeps the last value. Create models with {@link PostTemplates#model()} and, for
 * the items of a list, {@link #child()}. Not thread-safe; a model is built and rendered by one
 * thread.
 */
public final class TemplateModel {

  private static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9]{0,63}");

  /** Remote text, escaped when printed. */
  record Untrusted(String text) {
    @Override
    public String toString() {
      return text;
    }
  }

  /** Markdown that is safe as it is: rendered by {@link PostMarkdown} or written by Gridcast or the host. */
  record Markup(String markdown) {
    @Override
    public String toString() {
      return markdown;
    }
  }

  private final TemplateFormats formats;
  private final Map<String, Object> values = new LinkedHashMap<>();

  TemplateModel(TemplateFormats formats) {
    this.formats = formats;
  }

  /** A new, empty model with the same locale and time zone, for the items of a {@link #list}. */
  public TemplateModel child() {
    return new TemplateModel(formats);
  }

  /** Remote text, escaped wherever the template prints it; {@code null} is empty. */
  public TemplateModel text(String key, String untrusted) {
    return put(key, untrusted == null || untrusted.isEmpty() ? "" : new Untrusted(untrusted));
  }

  /**
   * Remote multi-line text such as release notes, rendered with
   * {@link PostMarkdown#notes(String, LinkPolicy)}: paragraphs kept, links kept where
   * {@code links} accepts them, every remote image dropped. Surrounding white space is removed.
   */
  public TemplateModel notes(String key, String untrusted, LinkPolicy links) {
    return notes(key, untrusted, links, LinkPolicy.none());
  }

  /** As {@link #notes(String, String, LinkPolicy)}, keeping the remote images {@code images} allows. */
  public TemplateModel notes(String key, String untrusted, LinkPolicy links, LinkPolicy images) {
    Objects.requireNonNull(links, "links");
    if (untrusted == null || untrusted.isBlank()) {
      return put(key, "");
    }
    return markup(key, PostMarkdown.create(images).notes(untrusted, links).build());
  }

  /**
   * A link whose label and target came from a platform: {@code [label](url)} where
   * {@code policy} accepts the target, the escaped label alone where it does not.
   */
  public TemplateModel link(String key, String untrustedLabel, String url, LinkPolicy policy) {
    return markup(key, PostMarkdown.create().link(untrustedLabel, url, Objects.requireNonNull(policy, "policy")).build());
  }

  /** The target {@code policy} accepts, as it will be written, or empty where it refuses it. */
  public TemplateModel url(String key, String url, LinkPolicy policy) {
    return put(key, policy.check(url).<Object>map(Markup::new).orElse(""));
  }

  /** Remote text as an inline code span (for identifiers such as a snapshot id). */
  public TemplateModel code(String key, String untrusted) {
    return untrusted == null || untrusted.isEmpty() ? put(key, "") : markup(key, PostMarkdown.create().code(untrusted).build());
  }

  /** Markdown that Gridcast or the host wrote, printed as it is. Never pass remote text here. */
  public TemplateModel markdown(String key, String trustedMarkdown) {
    return trustedMarkdown == null || trustedMarkdown.isEmpty() ? put(key, "") : markup(key, trustedMarkdown);
  }

  /** A whole number in the locale's digits and grouping ({@code 12,345}; German {@code 12.345}). */
  public TemplateModel number(String key, long value) {
    return markup(key, formats.number(value));
  }

  /** A number with exactly {@code fractionDigits} decimals in the locale's format. */
  public TemplateModel decimal(String key, double value, int fractionDigits) {
    return markup(key, formats.decimal(value, fractionDigits));
  }

  /** A fraction as a percentage with {@code fractionDigits} decimals ({@code 0.125} is {@code 12.5%}). */
  public TemplateModel percent(String key, double fraction, int fractionDigits) {
    return markup(key, formats.percent(fraction, fractionDigits));
  }

  /** A whole number with its sign, as a change is written: {@code +1,234}, {@code -12}, {@code 0}. */
  public TemplateModel signedNumber(String key, long value) {
    return markup(key, (value > 0 ? "+" : "") + formats.number(value));
  }

  /**
   * A relative change as a signed percentage with {@code fractionDigits} decimals: {@code 0.12}
   * is {@code +12%}, {@code -0.5} is {@code -50%}.
   */
  public TemplateModel change(String key, double fraction, int fractionDigits) {
    String p = formats.percent(fraction, fractionDigits);
    return markup(key, (fraction > 0 && !p.startsWith("-") ? "+" : "") + p);
  }

  /** A day in the locale's long form ({@code Mar 5, 2026}; German {@code 5. März 2026}). */
  public TemplateModel date(String key, LocalDate date) {
    return markup(key, formats.date(Objects.requireNonNull(date, key)));
  }

  /** A month ({@code March 2026}; German {@code März 2026}). */
  public TemplateModel month(String key, YearMonth month) {
    return markup(key, formats.month(Objects.requireNonNull(month, key)));
  }

  /** A year. */
  public TemplateModel year(String key, Year year) {
    return markup(key, Integer.toString(year.getValue()));
  }

  /** An instant as date and time in the templates' time zone. */
  public TemplateModel instant(String key, Instant instant) {
    return markup(key, formats.instant(Objects.requireNonNull(instant, key)));
  }

  /** A duration in the locale's words ({@code 1 h 05 min}, {@code 24 min}, {@code 45 s}). */
  public TemplateModel duration(String key, Duration duration) {
    return markup(key, formats.duration(Objects.requireNonNull(duration, key)));
  }

  /** A switch for a section: {@code {{#explicit}}…{{/explicit}}}. */
  public TemplateModel flag(String key, boolean value) {
    return put(key, value);
  }

  /** Items for a repeated section; each is made with {@link #child()}. An empty list is false. */
  public TemplateModel list(String key, List<TemplateModel> items) {
    List<Map<String, Object>> maps = new ArrayList<>(items.size());
    for (TemplateModel item : items) {
      maps.add(item.values());
    }
    return put(key, Collections.unmodifiableList(maps));
  }

  /** A nested group of values, reached as {@code {{key.name}}} or inside {@code {{#key}}…{{/key}}}. */
  public TemplateModel section(String key, TemplateModel nested) {
    return put(key, nested.values());
  }

  Map<String, Object> values() {
    return values;
  }

  TemplateFormats formats() {
    return formats;
  }

  private TemplateModel markup(String key, String markdown) {
    return put(key, new Markup(markdown));
  }

  private TemplateModel put(String key, Object value) {
    if (key == null || !KEY.matcher(key).matches()) {
      throw new IllegalArgumentException("template key must be letters and digits starting with a letter, was '" + key + "'");
    }
    values.put(key, value);
    return this;
  }

  /** The keys set so far, for messages; never the values, which may be remote text. */
  @Override
  public String toString() {
    return "TemplateModel" + values.keySet();
  }
}
