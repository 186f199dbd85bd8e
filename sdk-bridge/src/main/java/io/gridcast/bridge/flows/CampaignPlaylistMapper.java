package io.gridcast.bridge.flows;

import io.gridcast.bridge.RunContext;
import io.gridcast.bridge.Mapper;
import io.gridcast.bridge.policy.ConflictPolicy;
import io.gridcast.tradinggrid.model.Campaign;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The default campaign playlist: named like the campaign, described by the brief's first line,
 * holding the released milestone items (each once, at its first milestone). The name is kept in step both ways against the name
 * both sides had after the last sync: changed on one side only, that side wins; changed on
 * both to different values, the {@link ConflictPolicy} settles it and the settlement is
 * reported. Pure and thread-safe.
 */
final class CampaignPlaylistMapper implements Mapper<CampaignState, CampaignPlaylistSpec> {

  private final ConflictPolicy policy;

  public CampaignPlaylistMapper(ConflictPolicy policy) {
    this.policy = policy;
  }

  @Override
  public CampaignPlaylistSpec map(CampaignState source, RunContext run) {
    Campaign c = source.campaign();
    String tg = c.name();
    String spotify = source.playlist().map(p -> p.name()).orElse(null);
    String last = source.lastSyncedName().orElse(null);
    String name = tg;
    SettledConflict conflict = null;
    if (spotify != null && !spotify.equals(tg) && last != null) {
      if (tg.equals(last)) {
        name = spotify; // renamed on Spotify only
      } else if (!spotify.equals(last)) {
        ConflictPolicy.Resolution r = policy.resolve(new ConflictPolicy.Conflict("name", spotify, null, tg, c.updatedAt()));
        name = r.value();
        conflict = new SettledConflict(c.id(), "name", spotify, tg, r.winner(), r.reason());
      }
    }
    String brief = c.brief().strip();
    int nl = brief.indexOf('\n');
    String firstLine = (nl < 0 ? brief : brief.substring(0, nl)).strip();
    if (firstLine.length() > 200) {
      firstLine = firstLine.substring(0, 197) + "...";
    }
    String description = firstLine + " " + CampaignPlaylistSpec.marker(c.id());
    List<String> items = new ArrayList<>(new LinkedHashSet<>(source.releasedItems())); // one episode, one place
    return new CampaignPlaylistSpec(c.id(), name, description.strip(), items, conflict, source.playlistMissing());
  }
}
