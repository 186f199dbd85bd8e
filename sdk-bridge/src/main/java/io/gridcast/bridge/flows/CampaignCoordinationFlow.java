package io.gridcast.bridge.flows;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridcast.bridge.Batch;
import io.gridcast.bridge.Flow;
import io.gridcast.bridge.state.LedgerEntry;
import io.gridcast.core.GridcastJson;
import io.gridcast.core.errors.NotFoundException;
import io.gridcast.spotify.SpotifyClient;
import io.gridcast.spotify.SpotifyUri;
import io.gridcast.spotify.model.Episode;
import io.gridcast.spotify.model.Playlist;
import io.gridcast.tradinggrid.TradingGridClient;
import io.gridcast.tradinggrid.TradingGridId;
import io.gridcast.tradinggrid.model.Campaign;
import io.gridcast.tradinggrid.model.CampaignStatus;
import io.gridcast.tradinggrid.model.Document;
import io.gridcast.tradinggrid.model.Milestone;
import io.gridcast.tradinggrid.model.MilestoneStatus;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Flow 4, campaign coordination, both ways: a Trading Grid campaign kept in step with its
 * Spotify side.
 *
 * <pre>{@code
 * CampaignCoordinationConfig config = CampaignCoordinationConfig.builder()
 *     .conflictPolicy(ConflictPolicy.sourceOfTruth(Map.of("name", Side.TRADING_GRID), Side.TRADING_GRID))
 *     .build();
 * Flow<?, ?> campaigns = CampaignCoordinationFlow.create(spotify, tradingGrid, config,
 *     conflict -> audit.record(conflict)); // or create(spotify, tradingGrid, config): logged only
 * RunReport report = bridge.run(campaigns);
 * }</pre>
 *
 * <p>Four stages, run in order by one {@code bridge.run}, each with its own ledger, lease, dead
 * letters and section of the report. A campaign's <em>participating partners</em> are those its
 * partner instructions name; a sponsorship's (or any campaign naming a {@code sponsor}) partner
 * posts all disclose the sponsor ({@code campaign-sponsor} template) and carry it in their
 * metadata, and a sponsorship without a sponsor fails its items.
 *
 * <ol>
 *   <li>playlists ({@code <flowName>.playlists}, source key
 *       {@code tradinggrid:campaign:<id>}): each active campaign gets one playlist (created once,
 *       found again through the ledger, the campaign's {@code spotify:playlist:} reference or the
 *       marker in its description, and only when the current user owns it; made again when it
 *       is deleted on Spotify), named like the campaign, described by its brief, holding
 *       the Spotify episodes its launch milestones reference once they exist, in due-date
 *       order, each once. The name is kept in step both ways; a name changed on both sides since the last
 *       sync is settled by the configured {@link io.gridcast.bridge.policy.ConflictPolicy}, and
 *       every settlement is handed to the flow's conflict listener and logged at WARN: never
 *       silently overwritten.
 *   <li>kits ({@code <flowName>.kits}, source key {@code tradinggrid:campaign:<id>:kit}): one
 *       campaign kit post for the participating partners, from the start: the brief, and the
 *       approval documents attached by their ids. A listed document that does not exist fails
 *       that campaign's kit with {@link MissingApprovalDocumentException} (nothing posted); a
 *       changed brief or document list updates the same post.
 *   <li>calendars ({@code <flowName>.calendars}, source key
 *       {@code tradinggrid:campaign:<id>:calendar}): one launch calendar post for the
 *       participating partners listing the milestones, with an iCalendar attachment
 *       ({@code <id>-launch-calendar.ics}, one all-day event per milestone whose {@code UID} is
 *       made of the campaign's and the milestone's ids). When a milestone moves, the next run
 *       uploads the new calendar, in which that event has the next {@code SEQUENCE} and a later
 *       {@code DTSTAMP} (derived from the campaign's creation and the sequence, never the wall
 *       clock, so the same calendar is always the same bytes), and updates the same post to it.
 *   <li>releases ({@code <flowName>.releases}, source key
 *       {@code tradinggrid:campaign:<id>:milestone:<id>}): every partner with instructions gets
 *       one post per milestone (audience: that partner) with their instructions, before launch
 *       (saying when it is due); once the milestone's referenced episode exists on Spotify, the
 *       milestone is marked done and the same post is updated with the link. A milestone done
 *       without a Spotify item (e.g. a sign-off) gets none.
 * </ol>
 *
 * <p>Conflicts go to a listener rather than into the {@code RunReport}'s failures, because a
 * settled conflict is a successful sync, not a failed item; a plan settles none.
 */
public final class CampaignCoordinationFlow {

  private CampaignCoordinationFlow() {}

  /**
   * The flow for {@code config}, whose settled name conflicts are logged at WARN; run it with
   * {@code bridge.run}, plan it with {@code bridge.plan}.
   *
   * @throws NullPointerException if an argument is null
   */
  public static Flow<?, ?> create(SpotifyClient spotify, TradingGridClient tradingGrid, CampaignCoordinationConfig config) {
    return create(spotify, tradingGrid, config, conflict -> { });
  }

  /**
   * The flow for {@code config}; {@code conflicts} is told of each name conflict a run settles
   * (on the thread that wrote the playlist; it must be thread-safe), besides the WARN log.
   *
   * @throws NullPointerException if an argument is null
   */
  public static Flow<?, ?> create(SpotifyClient spotify, TradingGridClient tradingGrid, CampaignCoordinationConfig config,
      Consumer<SettledConflict> conflicts) {
    Objects.requireNonNull(spotify, "spotify");
    Objects.requireNonNull(tradingGrid, "tradingGrid");
    Objects.requireNonNull(conflicts, "conflicts");
    return Flow.inStages(config.flowName(), List.of(playlists(spotify, tradingGrid, config, conflicts),
        kits(tradingGrid, config), calendars(tradingGrid, config), releases(spotify, tradingGrid, config)));
  }

  /** Stage 2: each campaign's kit (brief and approval documents) for its participating partners. */
  static Flow<CampaignKit, PostWithDocuments> kits(TradingGridClient tradingGrid, CampaignCoordinationConfig config) {
    String name = config.flowName() + ".kits";
    return Flow.<CampaignKit, PostWithDocuments>builder(name)
        .source(run -> {
          List<CampaignKit> kits = new ArrayList<>();
          for (Campaign c : campaigns(tradingGrid, config)) {
            if (SponsorDisclosure.participants(c).isEmpty()) {
              continue; // no partner to send it to
            }
            Map<String, Optional<Document>> documents = new LinkedHashMap<>();
            for (String id : c.approvalDocumentIds()) {
              documents.put(id, document(tradingGrid, id));
            }
            kits.add(new CampaignKit(c, documents));
          }
          return List.of(Batch.of(kits, null, (long) kits.size()));
        })
        .key(CampaignKit::key)
        .mapper(new CampaignKitMapper(config.postTags(), config.templates()))
        .fingerprint(PostWithDocuments::fingerprint)
        .sink(new DocumentPostSink(tradingGrid, name))
        .caps(config.caps())
        .build();
  }

  /** Stage 3: each campaign's launch calendar, a post with an {@code .ics}, for its participating partners. */
  static Flow<CampaignCalendar, CalendarPost> calendars(TradingGridClient tradingGrid, CampaignCoordinationConfig config) {
    String name = config.flowName() + ".calendars";
    return Flow.<CampaignCalendar, CalendarPost>builder(name)
        .source(run -> {
          List<Campaign> campaigns = new ArrayList<>();
          List<String> keys = new ArrayList<>();
          for (Campaign c : campaigns(tradingGrid, config)) {
            if (!SponsorDisclosure.participants(c).isEmpty() && !c.milestones().isEmpty()) {
              campaigns.add(c);
              keys.add(CampaignCalendar.key(c.id()));
            }
          }
          Map<String, LedgerEntry> recorded = run.recorded(keys);
          List<CampaignCalendar> calendars = new ArrayList<>();
          for (Campaign c : campaigns) {
            LedgerEntry entry = recorded.get(CampaignCalendar.key(c.id()));
            calendars.add(new CampaignCalendar(c, CalendarEvent.fromAttributes(
                Optional.ofNullable(entry).flatMap(LedgerEntry::attributes))));
          }
          return List.of(Batch.of(calendars, null, (long) calendars.size()));
        })
        .key(CampaignCalendar::key)
        .mapper(new CampaignCalendarMapper(config.postTags(), config.templates()))
        .fingerprint(CalendarPost::fingerprint)
        .sink(new CampaignCalendarSink(tradingGrid, name))
        .caps(config.caps())
        .build();
  }

  /** The document {@code id} names, or empty when there is none (or the id is not a Trading Grid id). */
  private static Optional<Document> document(TradingGridClient tradingGrid, String id) {
    if (!TradingGridId.isValid(id)) {
      return Optional.empty();
    }
    try {
      return Optional.of(tradingGrid.documents().get(id));
    } catch (NotFoundException e) {
      return Optional.empty();
    }
  }

  /** Stage 1: the campaign playlists and names; {@code conflicts} receives each settled conflict. */
  static Flow<CampaignState, CampaignPlaylistSpec> playlists(SpotifyClient spotify, TradingGridClient tradingGrid,
      CampaignCoordinationConfig config, Consumer<SettledConflict> conflicts) {
    String name = config.flowName() + ".playlists";
    CampaignPlaylistSink sink = new CampaignPlaylistSink(spotify, tradingGrid, config.publicPlaylists(), conflicts);
    return Flow.<CampaignState, CampaignPlaylistSpec>builder(name)
        .source(run -> {
          List<CampaignState> states = new ArrayList<>();
          for (Campaign c : campaigns(tradingGrid, config)) {
            Optional<Playlist> playlist = sink.find(c).map(p -> p instanceof Playlist full ? full : spotify.playlists().get(p.id()));
            // an id the platform should never send is left to fail as its own item, not here
            Optional<LedgerEntry> entry = TradingGridId.isValid(c.id())
                ? Optional.ofNullable(run.recorded(List.of("tradinggrid:campaign:" + c.id())).get("tradinggrid:campaign:" + c.id()))
                : Optional.empty();
            Optional<String> last = entry.flatMap(e -> e.attributes()).flatMap(CampaignCoordinationFlow::syncedName);
            states.add(new CampaignState(c, playlist, released(spotify, c).stream()
                .map(r -> r.milestone().spotifyUri().orElseThrow()).toList(), last, entry.map(LedgerEntry::targetId)));
          }
          return List.of(Batch.of(states, null, (long) states.size()));
        })
        .key(CampaignState::key)
        .mapper(new CampaignPlaylistMapper(config.conflictPolicy()))
        .fingerprint(CampaignPlaylistSpec::fingerprint)
        .sink(sink)
        .caps(config.caps())
        .build();
  }

  /**
   * Stage 4: each partner's post per milestone, before launch with their instructions, updated
   * with the link once the milestone is live (and then marked done).
   */
  static Flow<MilestoneRelease, MilestonePosts> releases(SpotifyClient spotify, TradingGridClient tradingGrid,
      CampaignCoordinationConfig config) {
    String name = config.flowName() + ".releases";
    return Flow.<MilestoneRelease, MilestonePosts>builder(name)
        .source(run -> {
          List<MilestoneRelease> releases = new ArrayList<>();
          for (Campaign c : campaigns(tradingGrid, config)) {
            for (MilestoneRelease m : milestones(spotify, c)) {
              if (m.isLive() || m.milestone().status() != MilestoneStatus.DONE) {
                releases.add(m); // a milestone done without a Spotify item (e.g. a sign-off) has nothing to announce
              }
            }
          }
          return List.of(Batch.of(releases, null, (long) releases.size()));
        })
        .key(MilestoneRelease::key)
        .mapper(new MilestonePostsMapper(config.postTags(), config.templates()))
        .sink(new MilestonePostsSink(tradingGrid, name))
        .maxInFlight(1) // the milestones of one campaign all write that campaign (If-Match)
        .caps(config.caps())
        .build();
  }

  private static List<Campaign> campaigns(TradingGridClient tradingGrid, CampaignCoordinationConfig config) {
    List<Campaign> out = new ArrayList<>();
    for (Campaign c : tradingGrid.campaigns().list()) {
      if (c.status() == CampaignStatus.ACTIVE && (config.campaignIds().isEmpty() || config.campaignIds().contains(c.id()))) {
        out.add(c);
      }
    }
    out.sort(Comparator.comparing(Campaign::id));
    return out;
  }

  /**
   * The campaign's milestones whose referenced episode exists on Spotify (and, when the campaign
   * names shows, belongs to one of them), by due date.
   */
  static List<MilestoneRelease> released(SpotifyClient spotify, Campaign campaign) {
    return milestones(spotify, campaign).stream().filter(MilestoneRelease::isLive).toList();
  }

  /**
   * The campaign's milestones by due date, each live when its referenced episode exists on
   * Spotify (and, when the campaign names shows, belongs to one of them).
   */
  static List<MilestoneRelease> milestones(SpotifyClient spotify, Campaign campaign) {
    List<String> shows = campaign.spotifyRefs().stream().filter(r -> r.startsWith("spotify:show:"))
        .map(r -> SpotifyUri.parse(r).id()).toList();
    List<Milestone> milestones = new ArrayList<>(campaign.milestones());
    milestones.sort(Comparator.comparing(Milestone::dueDate).thenComparing(Milestone::id));
    List<MilestoneRelease> out = new ArrayList<>();
    for (Milestone m : milestones) {
      MilestoneRelease state = MilestoneRelease.beforeLaunch(campaign, m);
      if (m.spotifyUri().isPresent() && m.spotifyUri().get().startsWith("spotify:episode:")) {
        try {
          Episode e = spotify.episodes().get(SpotifyUri.parse(m.spotifyUri().get()).id());
          if (shows.isEmpty() || shows.contains(e.show().id())) {
            state = MilestoneRelease.live(campaign, m, e.name(),
                e.externalUrls().spotify().orElse("https://open.spotify.com/episode/" + e.id()));
          }
        } catch (NotFoundException notYet) {
          // not released yet: the milestone waits
        }
      }
      out.add(state);
    }
    return out;
  }

  private static Optional<String> syncedName(String attributes) {
    try {
      JsonNode n = GridcastJson.newObjectMapper().readTree(attributes).path("name");
      return n.isTextual() ? Optional.of(n.asText()) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
