package io.gridcast.spotify.internal;

import io.gridcast.spotify.model.Episode;
import io.gridcast.spotify.model.Paging;
import io.gridcast.spotify.model.Playlist;
import io.gridcast.spotify.model.PlaylistItem;
import io.gridcast.spotify.model.SavedEpisode;
import io.gridcast.spotify.model.SavedShow;
import io.gridcast.spotify.model.SearchResults;
import io.gridcast.spotify.model.Show;
import io.gridcast.spotify.model.SimplifiedEpisode;
import io.gridcast.spotify.model.SimplifiedPlaylist;
import io.gridcast.spotify.model.SnapshotResponse;
import io.gridcast.spotify.model.User;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import io.gridcast.core.resilience.ResilienceInterceptor;
import okhttp3.RequestBody;
import retrofit2.http.Body;
import retrofit2.http.GET;
import retrofit2.http.HTTP;
import retrofit2.http.Headers;
import retrofit2.http.POST;
import retrofit2.http.PUT;
import retrofit2.http.Path;
import retrofit2.http.Query;
import retrofit2.http.Url;

/** Spotify Web API endpoints as Retrofit sees them. Paths are relative to {@code /v1/}. */
public interface SpotifyService {

  @GET("shows/{id}")
  Show show(@Path("id") String id, @Query("market") String market);

  @GET("shows/{id}")
  CompletableFuture<Show> showAsync(@Path("id") String id, @Query("market") String market);

  @GET("shows/{id}/episodes")
  Paging<SimplifiedEpisode> showEpisodes(@Path("id") String id, @Query("market") String market,
      @Query("limit") int limit, @Query("offset") int offset);

  @GET
  Paging<SimplifiedEpisode> simplifiedEpisodesPage(@Url String url);

  @GET("me/shows")
  Paging<SavedShow> savedShows(@Query("limit") int limit, @Query("offset") int offset);

  @GET
  Paging<SavedShow> savedShowsPage(@Url String url);

  @GET("episodes/{id}")
  Episode episode(@Path("id") String id, @Query("market") String market);

  @GET("episodes/{id}")
  CompletableFuture<Episode> episodeAsync(@Path("id") String id, @Query("market") String market);

  @GET("me/episodes")
  Paging<SavedEpisode> savedEpisodes(@Query("market") String market, @Query("limit") int limit, @Query("offset") int offset);

  @GET
  Paging<SavedEpisode> savedEpisodesPage(@Url String url);

  @GET("playlists/{id}")
  Playlist playlist(@Path("id") String id, @Query("market") String market,
      @Query("additional_types") String additionalTypes);

  @GET("playlists/{id}")
  CompletableFuture<Playlist> playlistAsync(@Path("id") String id, @Query("market") String market,
      @Query("additional_types") String additionalTypes);

  @GET("playlists/{id}/items")
  Paging<PlaylistItem> playlistItems(@Path("id") String id, @Query("market") String market,
      @Query("additional_types") String additionalTypes, @Query("limit") int limit, @Query("offset") int offset);

  @GET
  Paging<PlaylistItem> playlistItemsPage(@Url String url);

  @POST("me/playlists")
  Playlist createPlaylist(@Body Map<String, Object> body);

  @PUT("playlists/{id}")
  Void changePlaylistDetails(@Path("id") String id, @Body Map<String, Object> body);

  @POST("playlists/{id}/items")
  SnapshotResponse addPlaylistItems(@Path("id") String id, @Body Map<String, Object> body);

  @HTTP(method = "DELETE", path = "playlists/{id}/items", hasBody = true)
  SnapshotResponse removePlaylistItems(@Path("id") String id, @Body Map<String, Object> body);

  @PUT("playlists/{id}/items")
  SnapshotResponse updatePlaylistItems(@Path("id") String id, @Body Map<String, Object> body);

  /** A move is not idempotent: never retried (a retried move could move twice). */
  @PUT("playlists/{id}/items")
  @Headers(ResilienceInterceptor.NO_RETRY + ": true")
  SnapshotResponse reorderPlaylistItems(@Path("id") String id, @Body Map<String, Object> body);

  @PUT("playlists/{id}/images")
  Void uploadPlaylistCover(@Path("id") String id, @Body RequestBody base64Jpeg);

  @GET("me/playlists")
  Paging<SimplifiedPlaylist> myPlaylists(@Query("limit") int limit, @Query("offset") int offset);

  /** Deprecated by Spotify, still served: the playlists a user owns or follows. */
  @GET("users/{user_id}/playlists")
  Paging<SimplifiedPlaylist> userPlaylists(@Path("user_id") String userId, @Query("limit") int limit, @Query("offset") int offset);

  @GET
  Paging<SimplifiedPlaylist> simplifiedPlaylistsPage(@Url String url);

  @GET("search")
  SearchResults search(@Query("q") String query, @Query("type") String type, @Query("market") String market,
      @Query("limit") int limit, @Query("offset") int offset);

  @GET
  SearchResults searchPage(@Url String url);

  @GET("me")
  User me();
}
