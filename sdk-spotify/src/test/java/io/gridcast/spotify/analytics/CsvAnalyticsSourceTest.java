package io.gridcast.spotify.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvAnalyticsSourceTest {

  private static final String HEADER = "Date,Episode ID,Episode,Starts,Streams,Listeners,Followers\n";

  @TempDir Path dir;

  private static List<EpisodeDailyStats> readAll(String csv) throws IOException {
    try (Stream<EpisodeDailyStats> rows =
        CsvAnalyticsSource.fromReader(new StringReader(csv)).episodeDailyStats()) {
      return rows.collect(Collectors.toList());
    }
  }

  @Test
  void readsTypedRowsWithTheDefaultColumns() throws IOException {
    List<EpisodeDailyStats> rows = readAll(HEADER
        + "2026-03-02,jilKWjP9ToChRX6bXhsjcB,\"Resolved: ASN mismatch, Rotterdam\",\"1,204\",987,812,340\n"
        + "2026-03-03,jilKWjP9ToChRX6bXhsjcB,\"Resolved: ASN mismatch, Rotterdam\",311,250,201,\n");

    assertThat(rows).hasSize(2);
    EpisodeDailyStats first = rows.get(0);
    assertThat(first.date()).isEqualTo(LocalDate.of(2026, 3, 2));
    assertThat(first.episodeId()).contains("jilKWjP9ToChRX6bXhsjcB");
    assertThat(first.episodeName()).contains("Resolved: ASN mismatch, Rotterdam");
    assertThat(first.starts()).isEqualTo(1204);
    assertThat(first.streams()).isEqualTo(987);
    assertThat(first.listeners()).isEqualTo(812);
    assertThat(first.followers()).contains(340L);
    assertThat(first.lineNumber()).isEqualTo(2);
    assertThat(rows.get(1).followers()).isEmpty();
  }

  @Test
  void readsAFileWithABomAndConfiguredColumns() throws IOException {
    Path file = dir.resolve("export.csv");
    Files.writeString(file,
        "\uFEFFday;title;plays;streams;listeners\n02/03/2026;Partner onboarding;10;8;7\n",
        StandardCharsets.UTF_8);
    AnalyticsCsvColumns columns = AnalyticsCsvColumns.builder()
        .date("Day").episodeName("Title").starts("Plays").datePattern("dd/MM/yyyy")
        .separator(';').build();

    try (Stream<EpisodeDailyStats> rows =
        CsvAnalyticsSource.fromPath(file, columns).episodeDailyStats()) {
      assertThat(rows).singleElement().satisfies(row -> {
        assertThat(row.date()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(row.episodeName()).contains("Partner onboarding");
        assertThat(row.episodeId()).isEmpty();
        assertThat(row.starts()).isEqualTo(10);
      });
    }
  }

  @Test
  void readsCompletionAsAPercentageOrAFractionAndConsumptionHours() throws IOException {
    List<EpisodeDailyStats> rows = readAll("Date,Episode ID,Starts,Streams,Listeners,Completion Rate,Consumption Hours\n"
        + "2026-03-02,id1,10,8,7,62.5%,\"1,204.25\"\n"
        + "2026-03-03,id1,10,8,7,0.4,3\n"
        + "2026-03-04,id1,10,8,7,,\n");

    assertThat(rows).extracting(EpisodeDailyStats::completionRate)
        .containsExactly(Optional.of(0.625), Optional.of(0.4), Optional.empty());
    assertThat(rows).extracting(EpisodeDailyStats::consumptionHours)
        .containsExactly(Optional.of(1204.25), Optional.of(3.0), Optional.empty());
  }

  @Test
  void aCompletionRateAboveAllFailsSayingHowToWriteIt() {
    String csv = "Date,Episode ID,Starts,Streams,Listeners,Completion Rate\n2026-03-02,id1,10,8,7,62\n";

    assertThatThrownBy(() -> readAll(csv))
        .isInstanceOf(AnalyticsFormatException.class)
        .hasMessageContaining("Completion Rate").hasMessageContaining("line 2").hasMessageContaining("62%");
  }

  @Test
  void readsLazily() throws IOException {
    String csv = HEADER + "2026-03-02,id1,,1,1,1,\n" + "2026-03-03,id1,,x,1,1,\n";

    try (Stream<EpisodeDailyStats> rows =
        CsvAnalyticsSource.fromReader(new StringReader(csv)).episodeDailyStats()) {
      Iterator<EpisodeDailyStats> it = rows.iterator();
      assertThat(it.next().date()).isEqualTo(LocalDate.of(2026, 3, 2));
      assertThatThrownBy(it::next).isInstanceOf(AnalyticsFormatException.class);
    }
  }

  @Test
  void aNonNumberFailsWithLineAndColumn() {
    String csv = HEADER + "2026-03-02,id1,,1,1,1,\n\n2026-03-03,id1,,7,lots,1,\n";

    assertThatThrownBy(() -> readAll(csv))
        .isInstanceOfSatisfying(AnalyticsFormatException.class, e -> {
          assertThat(e.lineNumber()).isEqualTo(4);
          assertThat(e.column()).isEqualTo("Streams");
        })
        .hasMessageContaining("line 4")
        .hasMessageContaining("'Streams'")
        .hasMessageContaining("'lots'");
  }

  @Test
  void aMultiLineFieldDoesNotShiftLaterLineNumbers() {
    String csv = HEADER + "2026-03-02,id1,\"two\nlines\",1,1,1,\n2026-03-03,id1,,1,1,-3,\n";

    assertThatThrownBy(() -> readAll(csv))
        .isInstanceOfSatisfying(AnalyticsFormatException.class, e -> {
          assertThat(e.lineNumber()).isEqualTo(4);
          assertThat(e.column()).isEqualTo("Listeners");
        });
  }

  @Test
  void aMissingRequiredValueFailsWithLineAndColumn() {
    String csv = HEADER + "2026-03-02,id1,,1,,1,\n";

    assertThatThrownBy(() -> readAll(csv))
        .isInstanceOf(AnalyticsFormatException.class)
        .hasMessageContaining("line 2, column 'Streams': missing value");
  }

  @Test
  void aBadDateFailsWithLineAndColumn() {
    String csv = HEADER + "2026-02-30,id1,,1,1,1,\n";

    assertThatThrownBy(() -> readAll(csv))
        .isInstanceOfSatisfying(AnalyticsFormatException.class,
            e -> assertThat(e.column()).isEqualTo("Date"))
        .hasMessageContaining("'2026-02-30'")
        .hasMessageContaining("yyyy-MM-dd");
  }

  @Test
  void aRowWithoutEpisodeFails() {
    String csv = HEADER + "2026-03-02,,,1,1,1,\n";

    assertThatThrownBy(() -> readAll(csv))
        .isInstanceOf(AnalyticsFormatException.class)
        .hasMessageContaining("line 2")
        .hasMessageContaining("names no episode");
  }

  @Test
  void aMissingHeaderColumnFailsUpFrontNamingTheConfiguredName() {
    AnalyticsCsvColumns columns = AnalyticsCsvColumns.builder().streams("Plays").build();
    CsvAnalyticsSource source =
        CsvAnalyticsSource.fromReader(new StringReader(HEADER + "2026-03-02,id,,1,1,1,\n"), columns);

    assertThatThrownBy(source::episodeDailyStats)
        .isInstanceOfSatisfying(AnalyticsFormatException.class, e -> {
          assertThat(e.lineNumber()).isEqualTo(1);
          assertThat(e.column()).isEqualTo("Plays");
        })
        .hasMessageContaining("no column for streams (configured name: 'Plays')");
  }

  @Test
  void aHeaderWithoutAnyEpisodeColumnFailsUpFront() {
    CsvAnalyticsSource source = CsvAnalyticsSource.fromReader(
        new StringReader("Date,Starts,Streams,Listeners\n2026-03-02,1,1,1\n"));

    assertThatThrownBy(source::episodeDailyStats)
        .isInstanceOf(AnalyticsFormatException.class)
        .hasMessageContaining("'Episode ID'")
        .hasMessageContaining("'Episode'");
  }

  @Test
  void aReaderSourceCanBeReadOnlyOnce() throws IOException {
    CsvAnalyticsSource source = CsvAnalyticsSource.fromReader(new StringReader(HEADER));
    source.episodeDailyStats().close();

    assertThatThrownBy(source::episodeDailyStats).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aPathSourceCanBeReadAgain() throws IOException {
    Path file = dir.resolve("export.csv");
    Files.writeString(file, HEADER + "2026-03-02,id1,,1,2,3,\n");
    CsvAnalyticsSource source = CsvAnalyticsSource.fromPath(file);

    for (int i = 0; i < 2; i++) {
      try (Stream<EpisodeDailyStats> rows = source.episodeDailyStats()) {
        assertThat(rows.mapToLong(EpisodeDailyStats::listeners).sum()).isEqualTo(3);
      }
    }
  }

  @Test
  void refusesABlankColumnNameOrBadPattern() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> AnalyticsCsvColumns.builder().starts(" ").build())
        .withMessageContaining("starts");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> AnalyticsCsvColumns.builder().datePattern("yyyy-MM-dd{{").build())
        .withMessageContaining("datePattern");
  }
}
