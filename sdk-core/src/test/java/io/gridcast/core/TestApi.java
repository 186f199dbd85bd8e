package io.gridcast.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.concurrent.CompletableFuture;
import retrofit2.http.Body;
import retrofit2.http.GET;
import retrofit2.http.Header;
import retrofit2.http.POST;
import retrofit2.http.PUT;
import retrofit2.http.Path;

/** A tiny API the core tests call through the full Gridcast HTTP stack. */
public interface TestApi {

  @GET("things/{id}")
  Thing get(@Path("id") String id);

  @GET("things/{id}")
  CompletableFuture<Thing> getAsync(@Path("id") String id);

  @GET("things")
  Thing find(@retrofit2.http.Query("access_token") String accessToken, @retrofit2.http.Query("q") String q);

  @POST("things")
  Thing create(@Body Thing thing, @Header("Idempotency-Key") String idempotencyKey);

  @PUT("things/{id}")
  Thing replace(@Path("id") String id, @Body Thing thing);

  final class Thing {
    public final String name;

    @JsonCreator
    public Thing(@JsonProperty("name") String name) {
      this.name = name;
    }
  }
}
