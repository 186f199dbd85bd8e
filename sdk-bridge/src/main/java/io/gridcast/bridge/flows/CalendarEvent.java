package io.gridcast.bridge.flows;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridcast.core.GridcastJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One milestone as the campaign's launch calendar last published it: its due date and title,
 * the iCalendar {@code SEQUENCE} it carried and its {@code DTSTAMP}. Kept per campaign in the
 * ledger entry of the calendar post (as JSON attributes), so that the next run knows whether a
 * milestone moved and gives it the next sequence. Immutable.
 *
 * @param dueDate the day it was due
 * @param title its title
 * @param sequence its {@code SEQUENCE}, 0 when first published
 * @param stamp its {@code DTSTAMP}: when Trading Grid last changed the campaign as the calendar
 *     saw it move (never the wall clock, so the same calendar is written to the same bytes)
 */
record CalendarEvent(LocalDate dueDate, String title, int sequence, Instant stamp) {

  private static final ObjectMapper JSON = GridcastJson.newObjectMapper();
  private static final TypeReference<TreeMap<String, CalendarEvent>> TYPE = new TypeReference<>() {};

  CalendarEvent {
    Objects.requireNonNull(dueDate, "dueDate");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(stamp, "stamp");
  }

  /**
   * This milestone's event in the next calendar: the same when its date and title are unchanged,
   * else the next sequence stamped {@code changedAt}
   * (to the second).
   */
  static CalendarEvent next(Optional<CalendarEvent> previous, LocalDate dueDate, String title, Instant changedAt) {
    Instant stamp = changedAt.truncatedTo(ChronoUnit.SECONDS); // what iCalendar can say
    if (previous.isEmpty()) {
      return new CalendarEvent(dueDate, title, 0, stamp);
    }
    CalendarEvent p = previous.get();
    return p.dueDate.equals(dueDate) && p.title.equals(title) ? p : new CalendarEvent(dueDate, title, p.sequence + 1, stamp);
  }

  /** The ledger attributes holding {@code events} by milestone id. */
  static String toAttributes(Map<String, CalendarEvent> events) {
    try {
      return JSON.writeValueAsString(Map.of("calendar", new TreeMap<>(events)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The events kept in ledger attributes by {@link #toAttributes}; empty for none or others. */
  static Map<String, CalendarEvent> fromAttributes(Optional<String> attributes) {
    if (attributes.isEmpty()) {
      return Map.of();
    }
    try {
      var node = JSON.readTree(attributes.get()).path("calendar");
      return node.isObject() ? JSON.convertValue(node, TYPE) : Map.of();
    } catch (IOException | IllegalArgumentException e) {
      return Map.of(); // unreadable: the calendar starts its sequences again rather than failing
    }
  }
}
