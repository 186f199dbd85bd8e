package io.gridcast.bridge.flows;

import io.gridcast.tradinggrid.model.Site;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The days that change a site's programme with time alone, read in the site's own time zone: its
 * rollout date (it goes live at the start of that day) and the last day its licence covers (it
 * expires at the end of that day). Stateless.
 */
final class SiteCalendar {

  private SiteCalendar() {}

  /**
   * The site's time zone.
   *
   * @throws IllegalArgumentException naming the site when its time zone is not an IANA zone
   */
  static ZoneId zone(Site site) {
    try {
      return ZoneId.of(site.timezone());
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("site " + site.id() + " has the time zone \"" + site.timezone()
          + "\", which is not an IANA time zone; set the site's timezone to one such as Europe/Amsterdam", e);
    }
  }

  /** Whether the site's rollout date has come at {@code now} (true when it has none). */
  static boolean rolloutDue(Site site, Instant now) {
    return site.rolloutDate().map(day -> !now.isBefore(startOf(site, day))).orElse(true);
  }

  /** Whether the last day the site's licence covers has passed at {@code now} (false when it does not expire). */
  static boolean licenceExpired(Site site, Instant now) {
    return site.licenceValidUntil().map(day -> !now.isBefore(startOf(site, day.plusDays(1)))).orElse(false);
  }

  /**
   * The next instant after {@code now} at which the site's rollout comes or its licence expires;
   * empty when neither lies ahead or the site's time zone is not valid (its item fails on its own).
   */
  static Optional<Instant> nextChange(Site site, Instant now) {
    try {
      return Stream.of(site.rolloutDate(), site.licenceValidUntil().map(day -> day.plusDays(1)))
          .flatMap(Optional::stream)
          .map(day -> startOf(site, day))
          .filter(now::isBefore)
          .min(Instant::compareTo);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static Instant startOf(Site site, LocalDate day) {
    return day.atStartOfDay(zone(site)).toInstant();
  }
}
