package io.gridcast.examples;

import io.gridcast.bridge.Flow;
import io.gridcast.bridge.RunReport;
import io.gridcast.bridge.flows.FeedbackChannel;
import io.gridcast.bridge.flows.PartnerFeedbackConfig;
import io.gridcast.bridge.flows.PartnerFeedbackFlow;
import io.gridcast.testkit.SpotifyDemoData;
import io.gridcast.testkit.TradingGridDemoData;
import io.gridcast.testkit.TradingGridSandbox;
import io.gridcast.tradinggrid.ListQuery;
import io.gridcast.tradinggrid.model.Form;
import io.gridcast.tradinggrid.model.Thread;
import java.util.List;
import java.util.Map;

/**
 * Flow 6 as a script: the newest five episodes of Trading Grid Weekly get a feedback thread and
 * form each, linked from their announcement posts where flow 1 wrote them; on the embedded
 * default, partners then answer the newest episode's form once (one of them rates it 2, which
 * opens a feedback issue) and write in its thread (one message counts under the topic
 * {@code returns} by keyword, one flagged as a problem opens a feedback issue), and the run
 * summarises it all. A second run finds nothing new. With real credentials: the shows in
 * {@code GRIDCAST_SHOW_IDS}.
 */
final class PartnerFeedbackExample implements Example {

  private static final String SHOW = SpotifyDemoData.SHOW_TRADING_GRID_WEEKLY;

  @Override
  public String name() {
    return "partner-feedback";
  }

  @Override
  public String summary() {
    return "feedback threads and forms per episode, a summary post by topic and issues for low ratings and problems (flow 6)";
  }

  @Override
  public Flow<?, ?> flow(Environment env) {
    PartnerFeedbackConfig.Builder config = PartnerFeedbackConfig.builder().maxEpisodesPerShow(5)
        .putTopicKeywords("asn", List.of("asn", "advance ship notice"))
        .putTopicKeywords("returns", List.of("returns", "return label"));
    if (env.embedded()) {
      config.addShowIds(SHOW);
    } else {
      config.addShowIds(Launcher.requiredEnv("GRIDCAST_SHOW_IDS").split(","));
    }
    return PartnerFeedbackFlow.create(env.spotify(), env.tradingGrid(), config.templates(env.templates()).build());
  }

  /** On the embedded sandboxes partners answer once; the flow then runs again to summarise what they said. */
  @Override
  public boolean afterRun(Environment env, RunReport report) {
    return env.embedded() && answerOnce(env);
  }

  /** Partners answer the newest episode's form, unless they already did; true when they answered now. */
  private static boolean answerOnce(Environment env) {
    String episode = "spotify:episode:" + SpotifyDemoData.episodeId(SHOW, 59);
    Form form = env.tradingGrid().forms().findByExternalRef(FeedbackChannel.formRef(episode)).orElseThrow();
    if (env.tradingGrid().forms().submissions(form.id(), ListQuery.create()).iterator().hasNext()) {
      return false;
    }
    Thread thread = env.tradingGrid().threads().findByExternalRef(FeedbackChannel.threadRef(episode)).orElseThrow();
    TradingGridSandbox tg = env.tradingGridSandbox();
    tg.submitForm(form.id(), TradingGridDemoData.PARTNER_DUNMORE, Map.of("rating", "5", "topic", "asn", "comment", "Exactly what our EDI team needed."));
    tg.submitForm(form.id(), TradingGridDemoData.PARTNER_IDS.get(0), Map.of("rating", "4", "topic", "invoicing"));
    tg.submitForm(form.id(), TradingGridDemoData.PARTNER_IDS.get(4), Map.of("rating", "2", "topic", "returns",
        "comment", "Too long to play on the warehouse floor."));
    tg.postThreadMessage(thread.id(), TradingGridDemoData.PARTNER_IDS.get(7), "Could a follow-up cover returns labels?");
    tg.postThreadMessage(thread.id(), TradingGridDemoData.PARTNER_IDS.get(2), "The checklist link in the show notes leads nowhere.",
        List.of("asn"), true);
    System.out.println("partners answered the feedback form of the newest episode (3 responses, 2 thread messages, 1 flagged as a problem)");
    return true;
  }
}
