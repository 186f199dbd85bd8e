package io.gridcast.spotify.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ReleaseDateTest {

  @Test
  void parsesAYear() {
    ReleaseDate date = ReleaseDate.parse("2019");

    assertThat(date.precision()).isEqualTo(ReleaseDatePrecision.YEAR);
    assertThat(date.year()).isEqualTo(2019);
    assertThat(date.month()).isEmpty();
    assertThat(date.day()).isEmpty();
    assertThat(date.firstDay()).isEqualTo(LocalDate.of(2019, 1, 1));
  }

  @Test
  void parsesAMonth() {
    ReleaseDate date = ReleaseDate.parse("2019-07");

    assertThat(date.precision()).isEqualTo(ReleaseDatePrecision.MONTH);
    assertThat(date.month()).hasValue(7);
    assertThat(date.day()).isEmpty();
  }

  @Test
  void parsesADay() {
    ReleaseDate date = ReleaseDate.parse("2019-07-04");

    assertThat(date.precision()).isEqualTo(ReleaseDatePrecision.DAY);
    assertThat(date.day()).hasValue(4);
    assertThat(date.firstDay()).isEqualTo(LocalDate.of(2019, 7, 4));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2019", "2019-07", "2019-07-04", "0000", "1981-12-15"})
  void printsTheOriginalForm(String value) {
    assertThat(ReleaseDate.parse(value)).hasToString(value);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "19", "2019-7", "2019-13", "2019-02-30", "2019/07/04", "2019-07-04T00:00"})
  void refusesAMalformedValueNamingIt(String value) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ReleaseDate.parse(value))
        .withMessageContaining("'" + value + "'");
  }

  @Test
  void refusesAFormThatContradictsTheStatedPrecision() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ReleaseDate.parse("2019-07", ReleaseDatePrecision.DAY))
        .withMessageContaining("2019-07")
        .withMessageContaining("day");
  }

  @Test
  void ordersChronologicallyAndLessPreciseFirst() {
    List<ReleaseDate> dates = new ArrayList<>(List.of(
        ReleaseDate.parse("2020"), ReleaseDate.parse("2019-01-01"), ReleaseDate.parse("2019-02"),
        ReleaseDate.parse("2019"), ReleaseDate.parse("2019-01")));
    Collections.shuffle(dates);

    Collections.sort(dates);

    assertThat(dates).extracting(ReleaseDate::toString)
        .containsExactly("2019", "2019-01", "2019-01-01", "2019-02", "2020");
  }

  @Test
  void equalDatesHaveEqualHashCodes() {
    assertThat(ReleaseDate.parse("2019-07")).isEqualTo(ReleaseDate.ofMonth(2019, 7))
        .hasSameHashCodeAs(ReleaseDate.ofMonth(2019, 7))
        .isNotEqualTo(ReleaseDate.ofYear(2019));
  }

  @Test
  void aMalformedReleaseDateFailsDecodingWithTheValue() {
    String json = "{\"name\":\"A\",\"release_date\":\"2019-13-01\",\"images\":[],\"artists\":[]}";

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> Fixtures.JSON.readValue(json, SimplifiedAlbum.class))
        .hasMessageContaining("2019-13-01");
  }
}
