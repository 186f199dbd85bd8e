package io.gridcast.spotify;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridcast.core.testing.JsonDamage;
import io.gridcast.core.GridcastJson;
import io.gridcast.core.errors.UnparseableResponseException;
import io.gridcast.core.http.GridcastHttp;
import io.gridcast.core.http.TransportConfig;
import io.gridcast.core.resilience.ResilienceConfig;
import io.gridcast.spotify.internal.SpotifyErrorBodyParser;
import io.gridcast.spotify.internal.SpotifyService;
import io.gridcast.spotify.model.Playlist;
import io.gridcast.spotify.model.Show;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.statistics.Statistics;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Whatever bytes answer a Spotify call — random ones, or real payloads with values swapped for
 * nulls, wrong types, huge numbers and unknown enum values, fields dropped, text truncated — the
 * client's decoding path ends in a model whose lists are never null or in an
 * {@link UnparseableResponseException}, and nothing else.
 *
 * <p>The bodies are served by an in-memory interceptor behind Gridcast's real OkHttp stack and
 * call adapter, so a thousand tries take no network round trips.
 */
class SpotifyDecodingPropertiesTest {

  private static final String SHOW_ID = "O3TrIIEy1ONnaFblwySw0I";
  private static final String PLAYLIST_ID = "3cEYpjA9oz9GiPac4AsH4n";
  private static final String SHOW = wire("show-old-payload.json");
  private static final String PLAYLIST = wire("playlist-new-shape.json");

  private final AtomicReference<byte[]> body = new AtomicReference<>(new byte[0]);
  private final SpotifyService spotify = serviceAnswering(body);

  @Provide
  Arbitrary<byte[]> damagedShows() {
    return JsonDamage.steps().map(steps -> JsonDamage.apply(SHOW, steps));
  }

  @Provide
  Arbitrary<byte[]> damagedPlaylists() {
    return JsonDamage.steps().map(steps -> JsonDamage.apply(PLAYLIST, steps));
  }

  @Property(tries = 500)
  void randomBytesAreUnparseableNeverAnythingElse(@ForAll @Size(max = 512) byte[] bytes) {
    body.set(bytes);
    decodesOrIsUnparseable(() -> spotify.show(SHOW_ID, null));
  }

  @Property(tries = 1000)
  void aDamagedShowDecodesWithoutNullListsOrIsUnparseable(@ForAll("damagedShows") byte[] damaged) {
    body.set(damaged);
    Show show = decodesOrIsUnparseable(() -> spotify.show(SHOW_ID, null));
    if (show != null) {
      assertThat(show.images()).isNotNull().doesNotContainNull();
      assertThat(show.languages()).isNotNull().doesNotContainNull();
      assertThat(show.copyrights()).isNotNull().doesNotContainNull();
      assertThat(show.episodes().items()).isNotNull().doesNotContainNull()
          .allSatisfy(e -> assertThat(e.releaseDate().toString()).isNotEmpty());
    }
    bothOutcomesOccur();
  }

  /** Damage that never decodes, or never fails, would test nothing. */
  private static void bothOutcomesOccur() {
    Statistics.label("outcome").coverage(c -> {
      c.check("decoded").count(n -> n > 0);
      c.check("unparseable").count(n -> n > 0);
    });
  }

  @Property(tries = 1000)
  void aDamagedPlaylistDecodesWithoutNullListsOrIsUnparseable(@ForAll("damagedPlaylists") byte[] damaged) {
    body.set(damaged);
    Playlist playlist = decodesOrIsUnparseable(() -> spotify.playlist(PLAYLIST_ID, null, "track,episode"));
    if (playlist != null) {
      assertThat(playlist.images()).isNotNull().doesNotContainNull();
      playlist.itemsPage().ifPresent(page -> assertThat(page.items()).isNotNull().doesNotContainNull());
    }
    bothOutcomesOccur();
  }

  /** Returns the decoded model, or null when the body was refused as unparseable. */
  private static <T> T decodesOrIsUnparseable(Supplier<T> call) {
    try {
      T decoded = call.get();
      assertThat(decoded).as("a decode never returns null").isNotNull();
      Statistics.label("outcome").collect("decoded");
      return decoded;
    } catch (UnparseableResponseException refused) {
      assertThat(refused.status()).isEqualTo(200);
      Statistics.label("outcome").collect("unparseable");
      return null;
    }
  }

  static SpotifyService serviceAnswering(AtomicReference<byte[]> body) {
    OkHttpClient http = GridcastHttp.newOkHttpClient(TransportConfig.builder().build(), ResilienceConfig.disabled(), null)
        .newBuilder()
        .addInterceptor(chain -> new Response.Builder().request(chain.request()).protocol(Protocol.HTTP_1_1)
            .code(200).message("OK").body(ResponseBody.create(body.get(), MediaType.get("application/json"))).build())
        .build();
    return GridcastHttp.newRetrofit(HttpUrl.get("https://api.spotify.test/v1/"), http, GridcastJson.newObjectMapper(),
        new SpotifyErrorBodyParser(), Clock.systemUTC()).create(SpotifyService.class);
  }

  private static String wire(String resource) {
    try (InputStream in = SpotifyDecodingPropertiesTest.class.getResourceAsStream("/wire/" + resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
