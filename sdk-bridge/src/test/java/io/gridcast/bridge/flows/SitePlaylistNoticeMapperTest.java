package io.gridcast.bridge.flows;

import io.gridcast.bridge.text.PostTemplates;
import io.gridcast.bridge.RunContext;
import io.gridcast.bridge.Snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridcast.bridge.policy.PartnerDirectory;
import io.gridcast.bridge.policy.RoutingPolicy;
import io.gridcast.core.GridcastJson;
import io.gridcast.spotify.model.Playlist;
import io.gridcast.tradinggrid.model.PostCreate;
import io.gridcast.tradinggrid.model.Site;
import java.util.List;
import org.junit.jupiter.api.Test;

class SitePlaylistNoticeMapperTest {

  private static final ObjectMapper JSON = GridcastJson.newObjectMapper();
  private static final String SITE = """
      {"id": "s_lyon", "name": "Entrepôt Lyon", "region": "EMEA", "timezone": "Europe/Paris",
       "licenceDocumentIds": [], "status": "live", "version": 1,
       "createdAt": "2026-11-01T08:00:00Z", "updatedAt": "2026-11-01T08:00:00Z"}""";
  private static final String PLAYLIST = """
      {"collaborative": false, "description": null, "external_urls": {"spotify": "https://open.spotify.com/playlist/7qMbQ2vC1xW8nRk4TzYd3E"},
       "href": "https://api.spotify.com/v1/playlists/7qMbQ2vC1xW8nRk4TzYd3E", "id": "7qMbQ2vC1xW8nRk4TzYd3E", "images": [],
       "name": "Matin calme", "owner": {"display_name": null, "external_urls": {"spotify": "https://open.spotify.com/user/lyon"},
         "href": "https://api.spotify.com/v1/users/lyon", "id": "lyon", "type": "user", "uri": "spotify:user:lyon"},
       "public": true, "snapshot_id": "AAAAEjQ0", "type": "playlist", "uri": "spotify:playlist:7qMbQ2vC1xW8nRk4TzYd3E"%s}""";

  private final SitePlaylistNoticeMapper mapper =
      new SitePlaylistNoticeMapper(RoutingPolicy.regions("EMEA"), Snapshot.of("partners", () -> PartnerDirectory.of(List.of())), List.of("music"),
          PostTemplates.english());

  @Test
  void aPlaylistWithItsItemsIsAnnouncedWithTheCount() throws Exception {
    String items = ", \"items\": {\"href\": \"https://api.spotify.com/v1/playlists/7qMbQ2vC1xW8nRk4TzYd3E/tracks\", \"items\": [],"
        + " \"limit\": 100, \"next\": null, \"offset\": 0, \"previous\": null, \"total\": 12}";

    PostCreate post = mapper.map(state(items), RunContext.detached("test", java.time.Clock.systemUTC()));

    assertThat(post.body()).contains(" with 12 items (Spotify snapshot");
    assertThat(post.metadata()).containsEntry("items", "12");
  }

  @Test
  void aPlaylistSpotifySentWithoutItemsIsAnnouncedWithoutACount() throws Exception {
    PostCreate post = mapper.map(state(""), RunContext.detached("test", java.time.Clock.systemUTC()));

    assertThat(post.body()).contains("is now **Matin calme** (Spotify snapshot").doesNotContain(" items");
    assertThat(post.metadata()).doesNotContainKey("items").containsEntry("snapshotId", "AAAAEjQ0");
  }

  private static SitePlaylistState state(String items) throws Exception {
    return new SitePlaylistState(JSON.readValue(SITE, Site.class), JSON.readValue(PLAYLIST.formatted(items), Playlist.class));
  }
}
