package io.gridcast.spotify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpotifyUriTest {

  private static final String EPISODE = "512ojhOuo1ktJprKbVcKyQ";

  @Test
  void parsesTheUriForm() {
    SpotifyUri uri = SpotifyUri.parse("spotify:episode:" + EPISODE);

    assertThat(uri.type()).isEqualTo(SpotifyUri.Type.EPISODE);
    assertThat(uri.id()).isEqualTo(EPISODE);
    assertThat(uri.spotifyId()).contains(SpotifyId.of(EPISODE));
    assertThat(uri).hasToString("spotify:episode:" + EPISODE);
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "https://open.spotify.com/episode/512ojhOuo1ktJprKbVcKyQ",
    "https://open.spotify.com/episode/512ojhOuo1ktJprKbVcKyQ?si=4d5a1f7e2c9b4a10",
    "https://open.spotify.com/intl-de/episode/512ojhOuo1ktJprKbVcKyQ?si=abc&utm_source=copy-link",
    "https://open.spotify.com/intl-pt/episode/512ojhOuo1ktJprKbVcKyQ/",
    "http://open.spotify.com/episode/512ojhOuo1ktJprKbVcKyQ#t=30",
    "open.spotify.com/embed/episode/512ojhOuo1ktJprKbVcKyQ",
    "  spotify:episode:512ojhOuo1ktJprKbVcKyQ \n"
  })
  void parsesLinksAsUsersCopyThem(String input) {
    assertThat(SpotifyUri.parse(input)).isEqualTo(SpotifyUri.parse("spotify:episode:" + EPISODE));
  }

  @Test
  void parsesLegacyPlaylistFormsAsThePlaylist() {
    SpotifyUri expected = SpotifyUri.parse("spotify:playlist:3cEYpjA9oz9GiPac4AsH4n");

    assertThat(SpotifyUri.parse("spotify:user:smedjan:playlist:3cEYpjA9oz9GiPac4AsH4n"))
        .isEqualTo(expected);
    assertThat(SpotifyUri.parse("https://open.spotify.com/user/smedjan/playlist/3cEYpjA9oz9GiPac4AsH4n"))
        .isEqualTo(expected);
  }

  @Test
  void acceptsUserIdsThatAreNotBase62() {
    SpotifyUri user = SpotifyUri.parse("https://open.spotify.com/user/northwind.partners-nl_1");

    assertThat(user.type()).isEqualTo(SpotifyUri.Type.USER);
    assertThat(user.id()).isEqualTo("northwind.partners-nl_1");
    assertThat(user.spotifyId()).isEmpty();
    assertThat(user.toLink()).isEqualTo("https://open.spotify.com/user/northwind.partners-nl_1");
  }

  @Test
  void writesTheLink() {
    assertThat(SpotifyUri.parse("spotify:show:38bS44xjbVVZ3No3ByF1dJ").toLink())
        .isEqualTo("https://open.spotify.com/show/38bS44xjbVVZ3No3ByF1dJ");
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "spotify:episode:512ojhOuo1ktJprKbVcKy",
    "spotify:episode:512ojhOuo1ktJprKbVcKyQQ",
    "spotify:episode:512ojhOuo1ktJprKbVcK-Q",
    "spotify:podcast:512ojhOuo1ktJprKbVcKyQ",
    "spotify:episode",
    "spotify:episode:512ojhOuo1ktJprKbVcKyQ:extra",
    "https://evil.example.com/episode/512ojhOuo1ktJprKbVcKyQ",
    "https://open.spotify.com.evil.example/episode/512ojhOuo1ktJprKbVcKyQ",
    "https://open.spotify.com/episode/512ojhOuo1ktJprKbVcKyQ/../../admin",
    "https://open.spotify.com/episode/..%2F..%2Fadmin",
    "https://open.spotify.com/user/..",
    "https://open.spotify.com/user/a..b",
    "https://open.spotify.com/user/%2e%2e",
    "spotify:user:a/b",
    "https://open.spotify.com/",
    "512ojhOuo1ktJprKbVcKyQ",
    ""
  })
  void refusesEverythingElse(String input) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> SpotifyUri.parse(input))
        .withMessageContaining("Not a Spotify URI or link")
        .withMessageContaining("Accepted: spotify:<type>:<id>");
  }

  @Test
  void quotesTheBadInputTruncatedInTheMessage() {
    String longInput = "spotify:episode:" + "x".repeat(500);

    assertThatIllegalArgumentException()
        .isThrownBy(() -> SpotifyUri.parse(longInput))
        .withMessageContaining("'spotify:episode:xxxx")
        .withMessageContaining("truncated, 516 characters")
        .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(700));
  }

  @Test
  void escapesControlCharactersInTheMessage() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> SpotifyUri.parse("spotify:show:\u001b[31mred"))
        .withMessageContaining("\\u001b")
        .withMessageNotContaining("\u001b");
  }

  @Test
  void refusesAUserIdAsACatalogUri() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> SpotifyUri.of(SpotifyUri.Type.USER, SpotifyId.of(EPISODE)))
        .withMessageContaining("SpotifyUri.user");
  }

  @Test
  void refusesAnInvalidIdNamingIt() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> SpotifyId.of("not-an-id"))
        .withMessageContaining("'not-an-id'")
        .withMessageContaining("22 characters");
  }
}
