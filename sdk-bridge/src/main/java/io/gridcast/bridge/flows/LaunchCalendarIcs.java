package io.gridcast.bridge.flows;

import biweekly.Biweekly;
import biweekly.ICalVersion;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.property.DateStart;
import biweekly.util.DateTimeComponents;
import biweekly.util.ICalDate;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;

/**
 * Writes a campaign's launch calendar as iCalendar 2.0 ({@code text/calendar}, RFC 5545) with
 * biweekly: one all-day {@code VEVENT} per milestone, whose {@code UID} is made of the
 * campaign's and the milestone's ids (so a calendar app updates the event instead of adding
 * one), with the milestone's {@code SEQUENCE} and {@code DTSTAMP}. The same events always give
 * the same bytes: nothing comes from the wall clock. Stateless and thread-safe.
 */
final class LaunchCalendarIcs {

  /** The iCalendar media type. */
  static final String CONTENT_TYPE = "text/calendar";

  private static final String PRODUCT_ID = "-//Gridcast//Campaign coordination//EN";

  private LaunchCalendarIcs() {}

  /**
   * One milestone's event.
   *
   * @param milestoneId the milestone's id (letters, digits, {@code _} and {@code -})
   * @param summary the event's one-line title, rendered from a template
   * @param due the day of the all-day event
   * @param sequence its {@code SEQUENCE}
   * @param stamp its {@code DTSTAMP}
   */
  record Entry(String milestoneId, String summary, LocalDate due, int sequence, Instant stamp) {}

  /** The stable {@code UID} of milestone {@code milestoneId} of campaign {@code campaignId}. */
  static String uid(String campaignId, String milestoneId) {
    return "campaign-" + campaignId + "-milestone-" + milestoneId + "@gridcast.io";
  }

  /** The calendar of campaign {@code campaignId} named {@code name}, as UTF-8 bytes. */
  static byte[] write(String campaignId, String name, List<Entry> entries) {
    ICalendar ical = new ICalendar();
    ical.setProductId(PRODUCT_ID);
    ical.setMethod("PUBLISH");
    ical.setName(name);
    for (Entry e : entries) {
      VEvent event = new VEvent(); // its random UID and DTSTAMP of now are replaced next
      event.setUid(uid(campaignId, e.milestoneId()));
      event.setDateTimeStamp(Date.from(e.stamp()));
      event.setSequence(e.sequence());
      LocalDate due = e.due();
      event.setDateStart(new DateStart(new ICalDate(new DateTimeComponents(due.getYear(), due.getMonthValue(), due.getDayOfMonth()), false)));
      event.setSummary(e.summary());
      ical.addEvent(event);
    }
    return Biweekly.write(ical).version(ICalVersion.V2_0).go().getBytes(StandardCharsets.UTF_8);
  }
}
