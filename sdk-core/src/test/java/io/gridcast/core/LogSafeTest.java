package io.gridcast.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LogSafeTest {

  @Test
  void lineBreaksCannotStartANewLogLine() {
    String forged = "cover.png\r\n2026-12-03 08:00:00 INFO io.gridcast.bridge.FlowRun - approval released";

    assertThat(LogSafe.text(forged))
        .isEqualTo("cover.png\\r\\n2026-12-03 08:00:00 INFO io.gridcast.bridge.FlowRun - approval released")
        .doesNotContain("\r", "\n");
  }

  @Test
  void everyControlSeparatorAndBidiOverrideIsEscaped() {
    assertThat(LogSafe.text("a\u0000b\u0007c\u001bd\u007fe\u0085f\u2028g\u2029h\u202Ei\u2066j\ufeffk\tl"))
        .isEqualTo("a\\u0000b\\u0007c\\u001bd\\u007fe\\u0085f\\u2028g\\u2029h\\u202ei\\u2066j\\ufeffk\\tl");
  }

  @Test
  void loneSurrogatesAreEscapedAndPairsKept() {
    assertThat(LogSafe.text("x\uD800y\uDC00z \uD83C\uDF99")).isEqualTo("x\\ud800y\\udc00z \uD83C\uDF99");
  }

  @Test
  void ordinaryTextIsReturnedAsItIs() {
    String text = "Résumé: Lieferkette – 配送 \\ path";
    assertThat(LogSafe.text(text)).isSameAs(text);
    assertThat(LogSafe.isClean(text)).isTrue();
    assertThat(LogSafe.isClean("a\nb")).isFalse();
  }

  @Test
  void escapingTwiceReadsTheSameAsOnce() {
    String once = LogSafe.text("a\r\nb\\c\u0000");
    assertThat(LogSafe.text(once)).isEqualTo(once);
  }

  @Test
  void longTextIsClippedSayingHowMuchWasCut() {
    assertThat(LogSafe.text("x".repeat(600))).isEqualTo("x".repeat(500) + "… (100 more characters)");
    assertThat(LogSafe.text("abcdef", 3)).isEqualTo("abc… (3 more characters)");
    assertThat(LogSafe.text("ab\uD83C\uDF99", 3)).isEqualTo("ab… (2 more characters)");
    assertThatThrownBy(() -> LogSafe.text("a", 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void quotedShowsWhereTheValueStartsAndEnds() {
    assertThat(LogSafe.quoted("say \"hi\"\n")).isEqualTo("\"say \\\"hi\\\"\\n\"");
    assertThat(LogSafe.quoted(null)).isEqualTo("null");
    assertThat(LogSafe.text(null)).isEqualTo("null");
  }
}
