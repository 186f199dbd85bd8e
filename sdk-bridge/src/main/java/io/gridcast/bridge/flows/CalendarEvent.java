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
 * and the iCalendar {@code SEQUENCE} it carried. Kept per campaign in the ledger entry of the
 * calendar post (as JSON attributes), so that the next run knows whether a milestone moved and
 * gives it the next sequence. Immutable.
 *
 * @param dueDate the day it was due
 * @param title its title
 * @param sequence its {@code SEQUENCE}, 0 when first published
 */
record CalendarEvent(LocalDate dueDate, String title, int sequence) {

  private static final ObjectMapper JSON = GridcastJson.newObjectMapper();
  private static final TypeReference<TreeMap<String, CalendarEvent>> TYPE = new TypeReference<>() {};

  CalendarEvent {
    Objects.requireNonNull(dueDate, "dueDate");
    Objects.requireNonNull(title, "title");
    if (sequence < 0) {
      throw new IllegalArgumentException("sequence must not be negative, was " + sequence);
    }
  }

  /**
   * This milestone's event in the next calendar: the same when its date and title are unchanged,
   * else the next sequence.
   */
  static CalendarEvent next(Optional<CalendarEvent> previous, LocalDate dueDate, String title) {
    if (previous.isEmpty()) {
      return new CalendarEvent(dueDate, title, 0);
    }
    CalendarEvent p = previous.get();
    return p.dueDate.equals(dueDate) && p.title.equals(title) ? p : new CalendarEvent(dueDate, title, p.sequence + 1);
  }

  /**
   * The event's {@code DTSTAMP}: the campaign's creation, one second later for each revision.
   * Never the wall clock or the campaign's last change, so that the same calendar is always
   * written to the same bytes (a run repeated after a crash uploads nothing new), while every
   * revision of an event still carries a later stamp than the one before.
   */
  Instant stamp(Instant campaignCreatedAt) {
    return campaignCreatedAt.truncatedTo(ChronoUnit.SECONDS).plusSeconds(sequence);
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
