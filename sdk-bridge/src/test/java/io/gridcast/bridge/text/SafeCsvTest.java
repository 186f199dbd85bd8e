package io.gridcast.bridge.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SafeCsvTest {

  @Test
  void cellsThatASpreadsheetWouldEvaluateArePrefixedWithAQuote() {
    for (String formula : new String[] {"=1+1", "+1+cmd", "-2+3", "@SUM(A1:A2)", "\t=1", "\r=1"}) {
      assertThat(SafeCsv.neutralise(formula)).as(formula).isEqualTo("'" + formula);
    }
    assertThat(SafeCsv.neutralise("Episode 1 = good")).isEqualTo("Episode 1 = good");
    assertThat(SafeCsv.neutralise("")).isEmpty();
  }

  @Test
  void numbersStayNumbersAndTextIsQuotedAsRfc4180Says() {
    byte[] csv = SafeCsv.withHeader("name", "value").row("=HYPERLINK(\"https://evil.example\",\"x\")", -5L).row(null, 7).toBytes();

    assertThat(new String(csv, StandardCharsets.UTF_8).lines())
        .containsExactly("name,value", "\"'=HYPERLINK(\"\"https://evil.example\"\",\"\"x\"\")\",-5", ",7");
  }

  @Test
  void aRowMustHaveAsManyCellsAsTheHeader() {
    assertThatThrownBy(() -> SafeCsv.withHeader("a", "b").row("only one")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs 2 cells");
  }
}
