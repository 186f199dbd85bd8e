package io.gridcast.examples;

import io.gridcast.bridge.Flow;
import io.gridcast.bridge.flows.EpisodeAnnouncementsConfig;
import io.gridcast.bridge.flows.EpisodeAnnouncementsFlow;
import io.gridcast.bridge.flows.ShowEpisode;
import io.gridcast.bridge.policy.RoutingPolicy;
import io.gridcast.testkit.SpotifyDemoData;
import io.gridcast.tradinggrid.model.OnboardingStage;

/**
 * Flow 1 as a script: the episodes of two demo shows announced to certified and active
 * partners (with real credentials: the shows in {@code GRIDCAST_SHOW_IDS}, comma-separated).
 */
final class EpisodeAnnouncementsExample implements Example {

  @Override
  public String name() {
    return "episode-announcements";
  }

  @Override
  public String summary() {
    return "announce new or changed episodes of chosen shows as Trading Grid posts (flow 1)";
  }

  @Override
  public Flow<?, ?> flow(Environment env) {
    EpisodeAnnouncementsConfig.Builder config = EpisodeAnnouncementsConfig.builder()
        .routing(RoutingPolicy.<ShowEpisode>stages(OnboardingStage.CERTIFIED, OnboardingStage.ACTIVE));
    if (env.embedded()) {
      config.addShowIds(SpotifyDemoData.SHOW_TRADING_GRID_WEEKLY, SpotifyDemoData.SHOW_LIEFERKETTE_LIVE);
    } else {
      config.addShowIds(Launcher.requiredEnv("GRIDCAST_SHOW_IDS").split(","));
    }
    return EpisodeAnnouncementsFlow.create(env.spotify(), env.tradingGrid(), config.templates(env.templates()).build());
  }
}
