package io.gridcast.bridge.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LinkPolicyTest {

  @Test
  void onlyHttpsWithAHostIsAccepted() {
    LinkPolicy any = LinkPolicy.anyHttps();
    assertThat(any.check("https://example.com/a?b=c#d")).hasValue("https://example.com/a?b=c#d");
    assertThat(any.check("HTTPS://example.com/")).hasValue("https://example.com/");
    for (String bad : new String[] {"http://example.com", "javascript:alert(1)", "data:text/html,x", "vbscript:x",
        "//example.com/x", "/relative", "https:///nohost", "https://exa mple.com", "https://example.com/\r\nx",
        "https://example.com\\@evil.example", "file:///etc/passwd", "", "   ", null}) {
      assertThat(any.check(bad)).as(String.valueOf(bad)).isEmpty();
    }
  }

  @Test
  void userInfoThatDisguisesTheRealHostIsRefused() {
    assertThat(LinkPolicy.anyHttps().check("https://open.spotify.com@evil.example/login")).isEmpty();
    assertThat(LinkPolicy.spotify().check("https://open.spotify.com:pw@evil.example/")).isEmpty();
  }

  @Test
  void spotifyLinksMustBeOnSpotifysHosts() {
    LinkPolicy spotify = LinkPolicy.spotify();
    assertThat(spotify.check("https://open.spotify.com/episode/1")).isPresent();
    assertThat(spotify.check("https://spotify.link/abc")).isPresent();
    assertThat(spotify.check("https://podcasters.spotify.com/x")).isPresent();
    assertThat(spotify.check("https://open.spotify.com.evil.example/episode/1")).isEmpty();
    assertThat(spotify.check("https://evilspotify.com/")).isEmpty();
  }

  @Test
  void charactersThatCouldEndAMarkdownLinkAreEncoded() {
    assertThat(LinkPolicy.anyHttps().check("https://example.com/a_(b)")).hasValue("https://example.com/a_%28b%29");
    assertThat(LinkPolicy.anyHttps().check("https://example.com/ü")).hasValue("https://example.com/%C3%BC");
  }

  @Test
  void noneAcceptsNothingAndHostsAcceptsTheirSubdomainsWhenAsked() {
    assertThat(LinkPolicy.none().check("https://example.com/")).isEmpty();
    LinkPolicy hosts = LinkPolicy.hosts("cdn.example.com", "*.images.example");
    assertThat(hosts.check("https://cdn.example.com/a")).isPresent();
    assertThat(hosts.check("https://x.cdn.example.com/a")).isEmpty();
    assertThat(hosts.check("https://a.b.images.example/a")).isPresent();
    assertThat(hosts.check("https://images.example/a")).isPresent();
    assertThatThrownBy(() -> LinkPolicy.hosts("bad host")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cdn.example.com");
    assertThatThrownBy(LinkPolicy::hosts).isInstanceOf(IllegalArgumentException.class);
  }
}
