package io.gridcast.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridcast.core.http.BaseUrls;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.StringLength;
import okhttp3.HttpUrl;

/**
 * {@link BaseUrls} lets through only https URLs, or plain http to a loopback host, never with
 * user info, and refuses everything else with an {@link IllegalArgumentException} naming the
 * setting.
 */
class BaseUrlsPropertiesTest {

  @Provide
  Arbitrary<String> urlLike() {
    Arbitrary<String> shaped = Combinators.combine(
            Arbitraries.of("https://", "http://", "HTTPS://", "ftp://", "//", ""),
            Arbitraries.of("", "", "", "user:pw@", "@"),
            Arbitraries.of("localhost", "127.0.0.1", "127.1", "[::1]", "[::ffff:127.0.0.1]", "0x7f000001", "2130706433",
                "10.0.0.1", "api.example.com", "a.localhost", "localhost.evil.example", "127.0.0.1.nip.io", "[2001:db8::1]",
                "xn--80ak6aa92e.com", "exa mple.com", ""),
            Arbitraries.of("", "", ":8080", ":0", ":99999"),
            Arbitraries.of("", "/", "/v1", "/v1/", "/%2e%2e/", "/../", "?q=1", "#frag", "\\x", " ", "\r\n"))
        .as((scheme, userInfo, host, port, rest) -> scheme + userInfo + host + port + rest);
    Arbitrary<String> pieces = Arbitraries.oneOf(
            Arbitraries.of("http://", "https://", "file:", "localhost", "127.0.0.1", "[::1]", ".localhost", "user:pw@", "@",
                ":8080", "/", "?", "#", "%2e", "..", "\\", " ", "\t", "\r\n", "\u0000", "\u0130"),
            Arbitraries.strings().alpha().numeric().ofMaxLength(6))
        .list().ofMinSize(1).ofMaxSize(7).map(parts -> String.join("", parts));
    return Arbitraries.oneOf(shaped, pieces);
  }

  @Property(tries = 1000)
  void urlLikeInputIsEitherSafeOrRefusedNamingTheSetting(@ForAll("urlLike") String url) {
    Statistics.label("outcome").collect(assertSafeOrRefused(url) ? "accepted" : "refused");
    Statistics.label("outcome").coverage(c -> c.check("accepted").count(n -> n > 0)); // not vacuous
  }

  @Property(tries = 500)
  void arbitraryInputIsEitherSafeOrRefusedNamingTheSetting(@ForAll @StringLength(max = 80) String url) {
    assertSafeOrRefused(url);
  }

  /** Returns whether the URL was accepted. */
  private static boolean assertSafeOrRefused(String url) {
    HttpUrl parsed;
    try {
      parsed = BaseUrls.require("baseUrl", url);
    } catch (IllegalArgumentException refused) {
      assertThat(refused).hasMessageStartingWith("baseUrl ");
      return false;
    }
    assertThat(parsed.isHttps() || BaseUrls.isLoopback(parsed.host())).as(url).isTrue();
    assertThat(parsed.username()).isEmpty();
    assertThat(parsed.password()).isEmpty();
    assertThat(parsed.encodedPath()).endsWith("/");
    return true;
  }
}
