package io.gridcast.bridge.flows;

import io.gridcast.bridge.Fingerprints;
import io.gridcast.bridge.Mapper;
import io.gridcast.bridge.RunContext;
import io.gridcast.bridge.text.PostTemplates;
import io.gridcast.bridge.text.TemplateModel;
import io.gridcast.core.LogSafe;
import io.gridcast.tradinggrid.TradingGridId;
import io.gridcast.tradinggrid.model.Audience;
import io.gridcast.tradinggrid.model.Campaign;
import io.gridcast.tradinggrid.model.Milestone;
import io.gridcast.tradinggrid.model.PostCreate;
import io.gridcast.tradinggrid.model.PostKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The launch calendar: one announcement for the campaign's participating partners listing its
 * milestones by due date, with the calendar attached as {@code <campaign id>-launch-calendar.ics}
 * (see {@link LaunchCalendarIcs}) and the sponsor disclosure, from the {@code campaign-calendar}
 * templates; each event's summary is rendered from {@code campaign-calendar.event}. A milestone
 * whose date or title changed since the last published calendar gets the next {@code SEQUENCE}
 * and a later {@code DTSTAMP} (see {@link CalendarEvent#stamp}); the calendar document's reference ends with the
 * SHA-256 of its bytes, so a changed calendar is a new document and the post is updated to it.
 * Pure and thread-safe.
 */
final class CampaignCalendarMapper implements Mapper<CampaignCalendar, CalendarPost> {

  private static final Pattern MILESTONE_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  private final List<String> tags;
  private final PostTemplates templates;

  CampaignCalendarMapper(List<String> tags, PostTemplates templates) {
    this.tags = List.copyOf(tags);
    this.templates = templates;
  }

  @Override
  public CalendarPost map(CampaignCalendar source, RunContext run) {
    Campaign c = source.campaign();
    if (!TradingGridId.isValid(c.id())) {
      throw new IllegalArgumentException("campaign id " + LogSafe.quoted(c.id()) + " is not a Trading Grid id; its calendar is not written");
    }
    List<Milestone> milestones = new ArrayList<>(c.milestones());
    milestones.sort(Comparator.comparing(Milestone::dueDate).thenComparing(Milestone::id));
    Map<String, CalendarEvent> events = new LinkedHashMap<>();
    List<LaunchCalendarIcs.Entry> entries = new ArrayList<>();
    List<TemplateModel> rows = new ArrayList<>();
    for (Milestone m : milestones) {
      if (!MILESTONE_ID.matcher(m.id()).matches()) {
        throw new IllegalArgumentException("campaign " + c.id() + " has a milestone id that is not 1-64 letters, digits, _ or -: "
            + LogSafe.quoted(m.id()) + "; fix the milestone's id in Trading Grid");
      }
      CalendarEvent event = CalendarEvent.next(Optional.ofNullable(source.published().get(m.id())), m.dueDate(), m.title());
      events.put(m.id(), event);
      TemplateModel row = templates.model().text("campaign", c.name()).text("milestone", m.title()).date("due", m.dueDate())
          .flag("moved", event.sequence() > 0);
      SponsorDisclosure.disclose(row, c);
      entries.add(new LaunchCalendarIcs.Entry(m.id(), templates.title("campaign-calendar.event", row, 255, m.id()), m.dueDate(),
          event.sequence(), event.stamp(c.createdAt())));
      rows.add(row);
    }
    byte[] ics = LaunchCalendarIcs.write(c.id(), c.name(), entries);
    String fileName = c.id() + "-launch-calendar.ics";
    PostDocument calendar = PostDocument.of(source.key() + ":" + Fingerprints.sha256Hex(ics).substring(0, 16), fileName,
        LaunchCalendarIcs.CONTENT_TYPE, ics);
    TemplateModel model = SponsorDisclosure.disclose(templates.model(), c).text("campaign", c.name()).list("milestones", rows)
        .code("fileName", fileName);
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put("campaignId", c.id());
    SponsorDisclosure.metadata(metadata, c);
    PostCreate post = PostCreate.builder()
        .kind(PostKind.ANNOUNCEMENT)
        .title(templates.title("campaign-calendar.title", model, EpisodeAnnouncementMapper.MAX_TITLE_CHARS, "Launch calendar"))
        .body(templates.render("campaign-calendar", model))
        .metadata(metadata)
        .audience(Audience.ofPartners(SponsorDisclosure.participants(c)))
        .tags(tags)
        .externalRef(source.key())
        .build();
    return new CalendarPost(new PostWithDocuments(post, List.of(calendar)), events);
  }
}
