package io.gridcast.bridge.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The one rule for source keys that every store and the bridge apply. */
class SourceKeysTest {

  @Test
  void acceptsOrdinaryKeysInAnyScript() {
    for (String key : new String[] {"spotify:episode:4rOoJ6Egrf8K2IrywzwOMk", "épisode 🎧 第1回", "a\r\nb"}) {
      assertThat(SourceKeys.requireStorable(key)).isEqualTo(key);
    }
  }

  @Test
  void refusesANulCharacterNamingWhereItIsAndShowingTheKeyEscaped() {
    assertThatThrownBy(() -> SourceKeys.requireStorable("ep\u0000\r\nINFO forged"))
        .isInstanceOf(InvalidSourceKeyException.class)
        .hasMessageContaining("NUL character (U+0000) at index 2")
        .hasMessageContaining("\"ep\\u0000\\r\\nINFO forged\"")
        .hasMessageNotContaining("\n");
  }

  @Test
  void refusesALoneHighOrLowSurrogateButNotAPair() {
    assertThatThrownBy(() -> SourceKeys.requireStorable("ep\uD83C")).hasMessageContaining("unpaired surrogate (U+D83C)");
    assertThatThrownBy(() -> SourceKeys.requireStorable("\uDFA7ep")).hasMessageContaining("unpaired surrogate (U+DFA7)");
    assertThat(SourceKeys.requireStorable("ep\uD83C\uDFA7")).isEqualTo("ep🎧");
  }

  @Test
  void refusesMissingAndBlankKeys() {
    assertThatThrownBy(() -> SourceKeys.requireStorable(null)).isInstanceOf(InvalidSourceKeyException.class);
    assertThatThrownBy(() -> SourceKeys.requireStorable(" ")).isInstanceOf(InvalidSourceKeyException.class);
  }

  @Test
  void refusesKeysLongerThanTheLimitCountedInUtf8Bytes() {
    String atLimit = "é".repeat(SourceKeys.MAX_BYTES / 2);

    assertThat(SourceKeys.requireStorable(atLimit)).isSameAs(atLimit);
    assertThatThrownBy(() -> SourceKeys.requireStorable(atLimit + "x"))
        .isInstanceOf(InvalidSourceKeyException.class)
        .hasMessageContaining((SourceKeys.MAX_BYTES + 1) + " UTF-8 bytes");
  }

  @Test
  void keepsKeysUpToTheIndexedLimitAsTheyAre() {
    String ascii = "k".repeat(SourceKeys.MAX_INDEXED_BYTES);
    String threeByteChars = "第".repeat(SourceKeys.MAX_INDEXED_BYTES / 3);

    assertThat(SourceKeys.storedForm(ascii)).isSameAs(ascii);
    assertThat(SourceKeys.storedForm(threeByteChars)).isSameAs(threeByteChars);
  }

  @Test
  void storesLongerKeysByAStableDigestOfTheirUtf8Bytes() {
    String ascii = "k".repeat(SourceKeys.MAX_INDEXED_BYTES + 1);
    String multiByte = "第".repeat(SourceKeys.MAX_INDEXED_BYTES / 3 + 1); // 171 chars, 513 bytes

    assertThat(SourceKeys.storedForm(ascii))
        .isEqualTo(SourceKeys.storedForm(new String(ascii)))
        .matches("gridcast:sha256:[0-9a-f]{64}");
    assertThat(SourceKeys.storedForm(multiByte)).startsWith(SourceKeys.DIGEST_PREFIX).isNotEqualTo(SourceKeys.storedForm(ascii));
  }

  @Test
  void aShortKeyThatStartsLikeADigestIsDigestedSoItCannotPassForAnother() {
    String digest = SourceKeys.storedForm("k".repeat(600));

    assertThat(SourceKeys.storedForm(digest)).startsWith(SourceKeys.DIGEST_PREFIX).isNotEqualTo(digest);
    assertThat(SourceKeys.storedForm(SourceKeys.DIGEST_PREFIX)).isNotEqualTo(SourceKeys.DIGEST_PREFIX);
  }

  @Test
  void countsUtf8BytesAsTheEncoderDoes() {
    String text = "aé第🎧";

    assertThat(SourceKeys.utf8Length(text)).isEqualTo(text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
  }
}
