package io.gridcast.spotify;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

class SpotifyUriPropertiesTest {

  private static final String BASE62 =
      "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

  @Provide
  Arbitrary<String> ids() {
    return Arbitraries.strings().withChars(BASE62.toCharArray()).ofLength(22);
  }

  @Provide
  Arbitrary<SpotifyUri.Type> catalogTypes() {
    return Arbitraries.of(SpotifyUri.Type.class).filter(t -> t != SpotifyUri.Type.USER);
  }

  @Provide
  Arbitrary<String> userIds() {
    return Arbitraries.strings()
        .withChars((BASE62 + "._-").toCharArray())
        .ofMinLength(1)
        .ofMaxLength(64)
        .filter(SpotifyUri::isValidUserId);
  }

  @Provide
  Arbitrary<String> hostile() {
    Arbitrary<String> pieces =
        Arbitraries.oneOf(
            Arbitraries.of("spotify:", "show", "episode", "user", "playlist", ":", "/", "?", "#",
                "%", "..", ".", "%2F", "%2e", "open.spotify.com", "https://", "intl-de", "si=",
                "\\", " ", "\u0000", "embed", "38bS44xjbVVZ3No3ByF1dJ"),
            Arbitraries.strings().ofMinLength(1).ofMaxLength(6));
    return pieces.list().ofMinSize(1).ofMaxSize(8).map(list -> String.join("", list));
  }

  @Property
  void validIdsRoundTripThroughTheUriForm(
      @ForAll("catalogTypes") SpotifyUri.Type type, @ForAll("ids") String id) {
    SpotifyUri uri = SpotifyUri.of(type, SpotifyId.of(id));

    assertThat(SpotifyUri.parse(uri.toString())).isEqualTo(uri);
  }

  @Property
  void validIdsRoundTripThroughTheLinkForm(
      @ForAll("catalogTypes") SpotifyUri.Type type,
      @ForAll("ids") String id,
      @ForAll @StringLength(max = 24) String siValue) {
    SpotifyUri uri = SpotifyUri.of(type, SpotifyId.of(id));
    String shared = uri.toLink().replace("open.spotify.com/", "open.spotify.com/intl-fr/")
        + "?si=" + java.net.URLEncoder.encode(siValue, java.nio.charset.StandardCharsets.UTF_8);

    assertThat(SpotifyUri.parse(uri.toLink())).isEqualTo(uri);
    assertThat(SpotifyUri.parse(shared)).isEqualTo(uri);
  }

  @Property
  void userIdsRoundTripThroughBothForms(@ForAll("userIds") String id) {
    SpotifyUri user = SpotifyUri.user(id);

    assertThat(SpotifyUri.parse(user.toString())).isEqualTo(user);
    assertThat(SpotifyUri.parse(user.toLink())).isEqualTo(user);
  }

  @Property(tries = 3000)
  void randomInputEitherParsesToASafeIdOrIsRefused(@ForAll("hostile") String input) {
    assertSafeOrRefused(input);
  }

  @Property(tries = 2000)
  void arbitraryStringsEitherParseToASafeIdOrAreRefused(@ForAll String input) {
    assertSafeOrRefused(input);
  }

  private static void assertSafeOrRefused(String input) {
    SpotifyUri uri;
    try {
      uri = SpotifyUri.parse(input);
    } catch (IllegalArgumentException refused) {
      assertThat(refused.getMessage()).startsWith("Not a Spotify URI or link");
      return;
    }
    String id = uri.id();
    if (uri.type() == SpotifyUri.Type.USER) {
      assertThat(id).matches("[A-Za-z0-9._-]{1,64}");
    } else {
      assertThat(id).matches("[0-9A-Za-z]{22}");
    }
    assertThat(id).doesNotContain("/", "?", "#", "%", "..", ":");
    assertThat(uri.toLink()).doesNotContain("..", "%", "?", "#");
  }
}
