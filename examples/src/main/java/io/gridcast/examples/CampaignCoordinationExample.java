package io.gridcast.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridcast.bridge.Flow;
import io.gridcast.bridge.RunReport;
import io.gridcast.bridge.flows.CampaignCoordinationConfig;
import io.gridcast.bridge.flows.CampaignCoordinationFlow;
import io.gridcast.bridge.flows.SettledConflict;
import io.gridcast.testkit.SpotifyDemoData;
import io.gridcast.testkit.TradingGridDemoData;
import io.gridcast.testkit.TradingGridResource;
import io.gridcast.testkit.TradingGridSandbox;
import java.util.ArrayList;
import java.util.List;

/**
 * Flow 4 as a script: the demo campaigns, "Summer Sounds in Store" (branded) and "Cold Brew
 * Sessions" (a sponsorship), each kept in step with its Spotify playlist; their participating
 * partners get a campaign kit (brief and approval documents attached), the launch calendar as
 * a post with an {@code .ics}, and their own instructions per milestone before launch, updated
 * with the link once the milestone is live (and marked done); every post of the sponsorship
 * says who sponsors it. On the embedded default the campaign team first links the show and
 * the episodes of Summer Sounds' trailer and launch milestones (once, so a second run is
 * unchanged), and the script prints each campaign's kit and calendar. With real credentials
 * every active campaign is coordinated. Settled conflicts are printed.
 */
final class CampaignCoordinationExample implements Example {

  /** The conflicts the flow settled since it was built, printed after the run. */
  private final List<SettledConflict> settled = new ArrayList<>();

  @Override
  public String name() {
    return "campaign-coordination";
  }

  @Override
  public String summary() {
    return "campaign playlists both ways; kit, .ics launch calendar and instructions for the partners (flow 4)";
  }

  @Override
  public Flow<?, ?> flow(Environment env) {
    synchronized (settled) {
      settled.clear();
    }
    // told on the threads writing the playlists: kept until the run is over, so as not to break the progress line
    return CampaignCoordinationFlow.create(env.spotify(), env.tradingGrid(), CampaignCoordinationConfig.builder().templates(env.templates()).build(),
        conflict -> {
          synchronized (settled) {
            settled.add(conflict);
          }
        });
  }

  @Override
  public void beforeRun(Environment env) {
    if (env.embedded()) {
      linkTheSponsoredShow(env.tradingGridSandbox());
    }
  }

  /** Prints the conflicts the run settled. */
  @Override
  public boolean afterRun(Environment env, RunReport report) {
    synchronized (settled) {
      for (SettledConflict c : settled) {
        System.out.println("  conflict on " + c.campaignId() + " " + c.field() + ": Spotify \"" + c.spotifyValue()
            + "\" vs Trading Grid \"" + c.tradingGridValue() + "\" -> " + c.winner() + " (" + c.reason() + ")");
      }
      settled.clear();
    }
    if (env.embedded()) {
      printKitsAndCalendars(env.tradingGridSandbox());
    }
    return false;
  }

  /** What each campaign's partners were sent: the kit's attachments and the calendar's file. */
  private static void printKitsAndCalendars(TradingGridSandbox tg) {
    System.out.println(); // after the progress line
    for (JsonNode post : tg.resources(TradingGridResource.POSTS)) {
      String ref = post.path("externalRef").asText();
      if (ref.endsWith(":kit") || ref.endsWith(":calendar")) {
        List<String> files = new ArrayList<>();
        for (JsonNode id : post.path("attachments")) {
          tg.resource(TradingGridResource.DOCUMENTS, id.asText()).ifPresent(d -> files.add(d.path("fileName").asText()));
        }
        System.out.println("  " + post.path("title").asText() + " -> " + post.path("audience").path("partnerIds").size()
            + " partners, attached " + String.join(", ", files));
      }
    }
  }

  /** The campaign team's one-time edit: the sponsored show and the episodes two milestones deliver. */
  private static void linkTheSponsoredShow(TradingGridSandbox tg) {
    JsonNode campaign = tg.resource(TradingGridResource.CAMPAIGNS, TradingGridDemoData.CAMPAIGN_SUMMER_SOUNDS).orElseThrow();
    String show = SpotifyDemoData.SHOW_PARTNER_ACADEMY;
    if (campaign.path("spotifyRefs").toString().contains(show)) {
      return;
    }
    ObjectNode patch = JsonNodeFactory.instance.objectNode();
    ArrayNode refs = patch.putArray("spotifyRefs");
    campaign.path("spotifyRefs").forEach(refs::add);
    refs.add("spotify:show:" + show);
    ArrayNode milestones = patch.putArray("milestones");
    for (JsonNode m : campaign.path("milestones")) {
      ObjectNode copy = m.deepCopy();
      if (m.path("id").asText().equals("trailer")) {
        copy.put("spotifyUri", "spotify:episode:" + SpotifyDemoData.episodeId(show, 0));
      } else if (m.path("id").asText().equals("launch")) {
        copy.put("spotifyUri", "spotify:episode:" + SpotifyDemoData.episodeId(show, 1));
      }
      milestones.add(copy);
    }
    tg.update(TradingGridResource.CAMPAIGNS, TradingGridDemoData.CAMPAIGN_SUMMER_SOUNDS, patch);
  }
}
