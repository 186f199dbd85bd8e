package io.gridcast.examples;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridcast.bridge.Flow;
import io.gridcast.bridge.flows.BusinessMusicConfig;
import io.gridcast.bridge.flows.BusinessMusicFlow;
import io.gridcast.testkit.SpotifyDemoData;
import io.gridcast.testkit.TradingGridResource;
import io.gridcast.testkit.TradingGridSandbox;
import java.nio.charset.StandardCharsets;

/**
 * Flow 7 as a script: per-site playlists for the demo's licensed live stores. On the embedded
 * default it first acts as the store teams would, once: Denver uploads its licence and asks to
 * open (its playlist is prepared ahead, and Denver goes live with a service notice at the first
 * run on or after its rollout date, 2 February 2027), Rotterdam asks for a playlist change (the
 * demo's Lyon request, without a licence, is refused with a comment). A second run finds
 * everything unchanged. With real credentials the
 * programme comes from {@code GRIDCAST_BUSINESS_MUSIC_PROGRAMME} (comma-separated track URIs).
 */
final class BusinessMusicExample implements Example {

  private static final String DENVER = "s_denver_118";
  private static final String ROTTERDAM = "s_rotterdam_112";
  private static final String DENVER_REQUEST = "example:business-music:denver-new-site";
  private static final String ROTTERDAM_REQUEST = "example:business-music:rotterdam-change";

  @Override
  public String name() {
    return "business-music";
  }

  @Override
  public String summary() {
    return "keep per-site Spotify playlists from Trading Grid sites and requests, with service notices back (flow 7)";
  }

  @Override
  public Flow<?, ?> flow(Environment env) {
    BusinessMusicConfig.Builder config = BusinessMusicConfig.builder();
    if (env.embedded()) {
      for (int i = 0; i < 4; i++) {
        config.addProgramme("spotify:track:" + SpotifyDemoData.trackId(i));
      }
    } else {
      config.addProgramme(Launcher.requiredEnv("GRIDCAST_BUSINESS_MUSIC_PROGRAMME").split(","));
    }
    return BusinessMusicFlow.create(env.spotify(), env.tradingGrid(), config.templates(env.templates()).build());
  }

  @Override
  public void beforeRun(Environment env) {
    if (env.embedded()) {
      actAsTheStoreTeams(env.tradingGridSandbox());
    }
  }

  /** What people do in Trading Grid before the flow runs; each step only once, so reruns stay unchanged. */
  private static void actAsTheStoreTeams(TradingGridSandbox tg) {
    JsonNodeFactory json = JsonNodeFactory.instance;
    if (tg.resource(TradingGridResource.SITES, DENVER).orElseThrow().path("licenceDocumentIds").isEmpty()) {
      String doc = tg.uploadDocument("music-licence-denver-118.pdf", "application/pdf",
          "%PDF-1.4\nPublic performance licence, H&P Store 118, Denver\n".getBytes(StandardCharsets.UTF_8)).path("id").asText();
      ObjectNode patch = json.objectNode();
      patch.putArray("licenceDocumentIds").add(doc);
      tg.update(TradingGridResource.SITES, DENVER, patch);
    }
    if (tg.countByExternalRef(TradingGridResource.SITE_REQUESTS, DENVER_REQUEST) == 0) {
      tg.create(TradingGridResource.SITE_REQUESTS, json.objectNode().put("siteId", DENVER).put("type", "new_site")
          .put("details", "Denver opens on 2 February; the licence is uploaded.").put("externalRef", DENVER_REQUEST));
    }
    if (tg.countByExternalRef(TradingGridResource.SITE_REQUESTS, ROTTERDAM_REQUEST) == 0) {
      tg.create(TradingGridResource.SITE_REQUESTS, json.objectNode().put("siteId", ROTTERDAM).put("type", "playlist_change")
          .put("details", "Calmer mornings, please:\nadd spotify:track:" + SpotifyDemoData.trackId(9)
              + "\nmove spotify:track:" + SpotifyDemoData.trackId(9) + " to 1\nremove spotify:track:"
              + SpotifyDemoData.trackId(2) + "\nrename Rotterdam mornings")
          .put("externalRef", ROTTERDAM_REQUEST));
    }
  }
}
