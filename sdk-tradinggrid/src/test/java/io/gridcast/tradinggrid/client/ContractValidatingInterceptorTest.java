package io.gridcast.tradinggrid.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridcast.core.Secret;
import io.gridcast.testkit.TradingGridDemoData;
import io.gridcast.testkit.TradingGridSandbox;
import io.gridcast.tradinggrid.TradingGridClient;
import io.gridcast.tradinggrid.model.Post;
import io.gridcast.tradinggrid.model.PostKind;
import java.io.IOException;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import retrofit2.Retrofit;
import retrofit2.converter.jackson.JacksonConverterFactory;
import retrofit2.http.Body;
import retrofit2.http.Header;
import retrofit2.http.POST;
import retrofit2.http.Path;

/** The contract validator the client tests rely on does catch what breaks the contract. */
class ContractValidatingInterceptorTest {

  private static final String POST_PATH =
      "/communities/" + TradingGridSandbox.DEFAULT_COMMUNITY_ID + "/posts/" + TradingGridDemoData.POST_WELCOME;

  private static TradingGridSandbox sandbox;

  @BeforeAll
  static void start() {
    sandbox = TradingGridSandbox.builder().start();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @Test
  void passesAnExchangeThatFollowsTheContract() {
    ContractValidatingInterceptor validator = new ContractValidatingInterceptor(TradingGridSandbox.API_PATH);
    try (TradingGridClient tg = SandboxClientTest.clientBuilderFor(sandbox, validator).build()) {
      tg.posts().get(TradingGridDemoData.POST_WELCOME);
    }

    assertThat(validator.exchanges()).containsExactly("GET " + POST_PATH + " 200");
    assertThat(validator.violations()).isEmpty();
  }

  @Test
  void catchesAResponseThatWasTamperedWith() {
    ContractValidatingInterceptor validator = new ContractValidatingInterceptor(TradingGridSandbox.API_PATH);
    // added after the validator, so it sits nearer the network and the validator sees its output
    okhttp3.Interceptor tamper = chain -> {
      Response real = chain.proceed(chain.request());
      String body = real.body().string().replace("\"kind\":\"announcement\"", "\"kind\":\"podcast\"");
      return real.newBuilder().body(ResponseBody.create(body, real.body().contentType())).build();
    };
    Post post;
    try (TradingGridClient tg = SandboxClientTest.clientBuilderFor(sandbox, validator).addInterceptor(tamper).build()) {
      post = tg.posts().get(TradingGridDemoData.POST_WELCOME);
    }

    assertThat(post.kind()).isEqualTo(PostKind.UNKNOWN); // the client tolerates it; the contract does not
    assertThat(validator.violations()).singleElement().asString()
        .startsWith("GET " + POST_PATH + " response 200: [validation.response.body.schema.enum]")
        .contains("podcast");
  }

  /** A create body with the wrong field names, as a client with a broken model would send it. */
  record WrongPostCreate(String kind, String headline, String text) {}

  interface WrongPosts {
    @POST("communities/{communityId}/posts")
    retrofit2.Call<ResponseBody> create(@Path("communityId") String communityId,
        @Header("Authorization") String authorization, @Body WrongPostCreate body);
  }

  @Test
  void catchesARequestSentThroughAWrongModelAndAcceptsTheSandboxsRefusal() throws IOException {
    ContractValidatingInterceptor validator = new ContractValidatingInterceptor(TradingGridSandbox.API_PATH);
    OkHttpClient http = new OkHttpClient.Builder().addNetworkInterceptor(validator).build();
    WrongPosts wrong = new Retrofit.Builder().baseUrl(sandbox.baseUrl().toString()).client(http)
        .addConverterFactory(JacksonConverterFactory.create()).build().create(WrongPosts.class);

    retrofit2.Response<ResponseBody> response = wrong.create(TradingGridSandbox.DEFAULT_COMMUNITY_ID,
        "Bearer " + sandbox.accessToken(), new WrongPostCreate("announcement", "Episode 44", "Out now")).execute();
    try (ResponseBody error = response.errorBody()) {
      assertThat(response.code()).isEqualTo(422);
      assertThat(error.string()).contains("\"code\":\"validation_failed\"");
    } finally {
      http.dispatcher().executorService().shutdown();
    }

    String create = "POST /communities/" + TradingGridSandbox.DEFAULT_COMMUNITY_ID + "/posts request: ";
    assertThat(validator.violations())
        .isNotEmpty()
        .allSatisfy(v -> assertThat(v).startsWith(create))
        .anySatisfy(v -> assertThat(v).contains("[validation.request.body.schema.required]").contains("title"))
        .anySatisfy(v -> assertThat(v).contains("headline"));
  }

  @Test
  void recordsNothingForCallsOutsideTheApi() {
    ContractValidatingInterceptor validator = new ContractValidatingInterceptor(TradingGridSandbox.API_PATH);
    try (TradingGridClient tg = TradingGridClient.builder()
        .baseUrl(sandbox.baseUri() + "/elsewhere/v1")
        .tenant(TradingGridSandbox.DEFAULT_TENANT_ID).community(TradingGridSandbox.DEFAULT_COMMUNITY_ID)
        .clientCredentials(TradingGridSandbox.DEFAULT_CLIENT_ID, Secret.of(TradingGridSandbox.DEFAULT_CLIENT_SECRET))
        .addInterceptor(validator).build()) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> tg.communities().current())
          .isInstanceOf(io.gridcast.core.errors.NotFoundException.class);
    }
    assertThat(validator.exchanges()).isEmpty();
  }
}
