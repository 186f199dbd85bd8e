package io.gridcast.spotify.analytics;

import io.gridcast.core.GridcastStyle;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import org.immutables.value.Value;

/**
 * The header names and formats of a podcast performance CSV export, one row per episode and day.
 *
 * <p>The defaults follow the headers of the episode performance export of Spotify's creator
 * tools:
 *
 * <table>
 *   <caption>Defaults</caption>
 *   <tr><th>attribute</th><th>default header</th><th>required</th></tr>
 *   <tr><td>{@link #date()}</td><td>{@code Date}</td><td>yes</td></tr>
 *   <tr><td>{@link #episodeId()}</td><td>{@code Episode ID}</td><td rowspan="2">at least one of
 *       the two</td></tr>
 *   <tr><td>{@link #episodeName()}</td><td>{@code Episode}</td></tr>
 *   <tr><td>{@link #starts()}</td><td>{@code Starts}</td><td>yes</td></tr>
 *   <tr><td>{@link #streams()}</td><td>{@code Streams}</td><td>yes</td></tr>
 *   <tr><td>{@link #listeners()}</td><td>{@code Listeners}</td><td>yes</td></tr>
 *   <tr><td>{@link #followers()}</td><td>{@code Followers}</td><td>no</td></tr>
 *   <tr><td>{@link #completionRate()}</td><td>{@code Completion Rate}</td><td>no</td></tr>
 *   <tr><td>{@link #consumptionHours()}</td><td>{@code Consumption Hours}</td><td>no</td></tr>
 * </table>
 *
 * <p>Also: {@link #datePattern()} {@code yyyy-MM-dd}, {@link #separator()} {@code ','}. Header
 * names match ignoring case and surrounding whitespace. Change only what differs:
 *
 * <pre>{@code
 * AnalyticsCsvColumns columns = AnalyticsCsvColumns.builder().streams("Plays").build();
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe; building throws {@link IllegalArgumentException}
 * for a blank header name or an invalid date pattern.
 */
@Value.Immutable
@GridcastStyle
abstract class AbstractAnalyticsCsvColumns {

  /** The column holding the day. Default {@code Date}. */
  @Value.Default
  public String date() {
    return "Date";
  }

  /** The column holding the episode's Spotify id. Default {@code Episode ID}. */
  @Value.Default
  public String episodeId() {
    return "Episode ID";
  }

  /** The column holding the episode's name. Default {@code Episode}. */
  @Value.Default
  public String episodeName() {
    return "Episode";
  }

  /** The column holding starts (plays begun). Default {@code Starts}. */
  @Value.Default
  public String starts() {
    return "Starts";
  }

  /** The column holding streams (plays of at least 60 seconds). Default {@code Streams}. */
  @Value.Default
  public String streams() {
    return "Streams";
  }

  /** The column holding unique listeners. Default {@code Listeners}. */
  @Value.Default
  public String listeners() {
    return "Listeners";
  }

  /** The optional column holding the show's followers. Default {@code Followers}. */
  @Value.Default
  public String followers() {
    return "Followers";
  }

  /**
   * The optional column holding the share of starts played to the end: a percentage ({@code 62%},
   * {@code 62.5 %}) or a fraction ({@code 0.625}). Default {@code Completion Rate}.
   */
  @Value.Default
  public String completionRate() {
    return "Completion Rate";
  }

  /** The optional column holding hours listened (a decimal number). Default {@code Consumption Hours}. */
  @Value.Default
  public String consumptionHours() {
    return "Consumption Hours";
  }

  /** The {@link java.time.format.DateTimeFormatter} pattern of the date column. Default {@code yyyy-MM-dd}. */
  @Value.Default
  public String datePattern() {
    return "yyyy-MM-dd";
  }

  /** The field separator. Default {@code ','}. */
  @Value.Default
  public char separator() {
    return ',';
  }

  /**
   * Returns a strict formatter for {@link #datePattern()}.
   *
   * @throws IllegalArgumentException if the pattern is invalid (refused when building)
   */
  public DateTimeFormatter dateFormatter() {
    return DateTimeFormatter.ofPattern(datePattern().replace("yyyy", "uuuu"))
        .withResolverStyle(ResolverStyle.STRICT);
  }

  /**
   * Validates the configuration.
   *
   * @throws IllegalArgumentException naming a blank header or an invalid date pattern
   */
  @Value.Check
  void check() {
    String[][] names = {
      {"date", date()}, {"episodeId", episodeId()}, {"episodeName", episodeName()},
      {"starts", starts()}, {"streams", streams()}, {"listeners", listeners()},
      {"followers", followers()}, {"completionRate", completionRate()}, {"consumptionHours", consumptionHours()}
    };
    for (String[] name : names) {
      if (name[1].isBlank()) {
        throw new IllegalArgumentException("column name for " + name[0] + " must not be blank");
      }
    }
    try {
      dateFormatter();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "datePattern '" + datePattern() + "' is not a valid date pattern: " + e.getMessage(), e);
    }
  }
}
