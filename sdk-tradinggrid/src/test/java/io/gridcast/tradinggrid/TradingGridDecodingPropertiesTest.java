package io.gridcast.tradinggrid;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridcast.core.testing.JsonDamage;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridcast.core.GridcastJson;
import io.gridcast.core.errors.UnparseableResponseException;
import io.gridcast.core.http.GridcastHttp;
import io.gridcast.core.http.TransportConfig;
import io.gridcast.core.resilience.ResilienceConfig;
import io.gridcast.tradinggrid.internal.ActiveCommunityErrorBodyParser;
import io.gridcast.tradinggrid.internal.ActiveCommunityService;
import io.gridcast.tradinggrid.model.CursorPage;
import io.gridcast.tradinggrid.model.Event;
import io.gridcast.tradinggrid.model.EventType;
import io.gridcast.tradinggrid.model.IssueSeverity;
import io.gridcast.tradinggrid.model.IssueStatus;
import io.gridcast.tradinggrid.model.OnboardingStage;
import io.gridcast.tradinggrid.model.Post;
import io.gridcast.tradinggrid.model.PostKind;
import java.lang.reflect.Method;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.statistics.Statistics;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Whatever bytes answer an Active Community call — random ones, or contract payloads with values
 * swapped for nulls, wrong types, huge numbers and unknown enum values, fields dropped, text
 * truncated — the client's decoding path ends in a model whose lists are never null or in an
 * {@link UnparseableResponseException}, and nothing else; and every enumeration maps any wire
 * string to a constant, never failing.
 *
 * <p>The bodies are served by an in-memory interceptor behind Gridcast's real OkHttp stack and
 * call adapter, so a thousand tries take no network round trips.
 */
class TradingGridDecodingPropertiesTest {

  private static final String POST = "{\"id\":\"post_1\",\"kind\":\"announcement\",\"title\":\"Episode 44\",\"body\":\"Out now\","
      + "\"links\":[{\"rel\":\"episode\",\"url\":\"https://open.spotify.com/episode/5Xt5DXGzch68nYYamXrNxZ\",\"title\":\"Listen\"}],"
      + "\"metadata\":{\"show\":\"Weekly\"},\"audience\":{\"groupIds\":[\"g_active\"],\"partnerIds\":[\"p_1\"]},"
      + "\"attachments\":[\"d_1\"],\"tags\":[\"episode\"],\"externalRef\":\"spotify:episode:5Xt5DXGzch68nYYamXrNxZ\","
      + "\"version\":1,\"createdAt\":\"2026-10-05T08:00:00Z\",\"updatedAt\":\"2026-10-05T08:00:00Z\"}";
  private static final String EVENTS = "{\"items\":[{\"id\":\"ev_1\",\"type\":\"issue.resolved\",\"occurredAt\":\"2026-01-01T00:00:00Z\","
      + "\"resourceType\":\"issue\",\"resourceId\":\"i_1\",\"data\":{\"id\":\"i_1\",\"status\":\"resolved\"}},"
      + "{\"id\":\"ev_2\",\"type\":\"form.submitted\",\"occurredAt\":\"2026-01-01T00:00:01Z\",\"resourceType\":\"submission\","
      + "\"resourceId\":\"s_1\",\"data\":{}}],\"nextCursor\":\"c_2\"}";

  private static final ObjectMapper JSON = GridcastJson.newObjectMapper();

  private final AtomicReference<byte[]> body = new AtomicReference<>(new byte[0]);
  private final ActiveCommunityService service = serviceAnswering(body);

  @Provide
  Arbitrary<byte[]> damagedPosts() {
    return JsonDamage.steps().map(steps -> JsonDamage.apply(POST, steps));
  }

  @Provide
  Arbitrary<byte[]> damagedEventPages() {
    return JsonDamage.steps().map(steps -> JsonDamage.apply(EVENTS, steps));
  }

  @Provide
  Arbitrary<Class<? extends Enum<?>>> contractEnums() {
    return Arbitraries.of(PostKind.class, IssueStatus.class, IssueSeverity.class, EventType.class, OnboardingStage.class);
  }

  @Property(tries = 500)
  void randomBytesAreUnparseableNeverAnythingElse(@ForAll @Size(max = 512) byte[] bytes) {
    body.set(bytes);
    decodesOrIsUnparseable(() -> service.getPost("c_main", "post_1"));
  }

  @Property(tries = 1000)
  void aDamagedPostDecodesWithoutNullListsOrIsUnparseable(@ForAll("damagedPosts") byte[] damaged) {
    body.set(damaged);
    Post post = decodesOrIsUnparseable(() -> service.getPost("c_main", "post_1"));
    if (post != null) {
      assertThat(post.kind()).isNotNull();
      assertThat(post.links()).isNotNull().doesNotContainNull();
      assertThat(post.tags()).isNotNull().doesNotContainNull();
      assertThat(post.attachments()).isNotNull().doesNotContainNull();
      assertThat(post.audience().groupIds()).isNotNull().doesNotContainNull();
      assertThat(post.metadata()).isNotNull();
    }
    bothOutcomesOccur();
  }

  @Property(tries = 1000)
  void aDamagedEventPageDecodesWithoutNullItemsOrIsUnparseable(@ForAll("damagedEventPages") byte[] damaged) {
    body.set(damaged);
    CursorPage<Event> page = decodesOrIsUnparseable(() -> service.listEvents("c_main", 100, null, Map.of()));
    if (page != null) {
      assertThat(page.items()).isNotNull().allSatisfy(e -> {
        assertThat(e).isNotNull();
        assertThat(e.type()).isNotNull();
        assertThat(e.data()).isNotNull();
      });
      assertThat(page.nextCursor()).isNotNull();
    }
    bothOutcomesOccur();
  }

  @Property(tries = 500)
  void everyWireStringMapsToAConstantNeverFailingTheSameWayInJson(
      @ForAll("contractEnums") Class<? extends Enum<?>> type, @ForAll @StringLength(max = 30) String wire) throws Exception {
    Method wireValue = type.getMethod("wireValue");
    Object[] constants = type.getEnumConstants();
    Object unknown = Arrays.stream(constants).filter(c -> ((Enum<?>) c).name().equals("UNKNOWN")).findFirst().orElseThrow();
    Object expected = Arrays.stream(constants)
        .filter(c -> c != unknown && wire.equals(invoke(wireValue, c))).findFirst().orElse(unknown);

    assertThat(type.getMethod("fromWireValue", String.class).invoke(null, wire)).isEqualTo(expected);
    assertThat(JSON.readValue(JSON.writeValueAsString(wire), type)).as("decoded from JSON").isEqualTo(expected);
  }

  private static Object invoke(Method method, Object target) {
    try {
      return method.invoke(target);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
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

  /** Damage that never decodes, or never fails, would test nothing. */
  private static void bothOutcomesOccur() {
    Statistics.label("outcome").coverage(c -> {
      c.check("decoded").count(n -> n > 0);
      c.check("unparseable").count(n -> n > 0);
    });
  }

  private static ActiveCommunityService serviceAnswering(AtomicReference<byte[]> body) {
    OkHttpClient http = GridcastHttp.newOkHttpClient(TransportConfig.builder().build(), ResilienceConfig.disabled(), null)
        .newBuilder()
        .addInterceptor(chain -> new Response.Builder().request(chain.request()).protocol(Protocol.HTTP_1_1)
            .code(200).message("OK").body(ResponseBody.create(body.get(), MediaType.get("application/json"))).build())
        .build();
    return GridcastHttp.newRetrofit(HttpUrl.get("https://gateway.tradinggrid.test/activecommunity/v1/"), http,
        GridcastJson.newObjectMapper(), new ActiveCommunityErrorBodyParser(), Clock.systemUTC()).create(ActiveCommunityService.class);
  }
}
