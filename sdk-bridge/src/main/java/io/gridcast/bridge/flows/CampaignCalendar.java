package io.gridcast.bridge.flows;

import io.gridcast.tradinggrid.model.Campaign;
import java.util.Map;
import java.util.Objects;

/**
 * A campaign as {@link CampaignCoordinationFlow}'s calendar phase reads it, with the events its
 * launch calendar last published. Immutable.
 *
 * @param campaign the campaign
 * @param published the events of the last published calendar, by milestone id (empty before
 *     the first)
 */
record CampaignCalendar(Campaign campaign, Map<String, CalendarEvent> published) {

  CampaignCalendar {
    Objects.requireNonNull(campaign, "campaign");
    published = Map.copyOf(published);
  }

  /** The stable source key: {@code tradinggrid:campaign:<id>:calendar}. */
  String key() {
    return key(campaign.id());
  }

  /** The source key of campaign {@code campaignId}'s calendar. */
  static String key(String campaignId) {
    return "tradinggrid:campaign:" + campaignId + ":calendar";
  }
}
