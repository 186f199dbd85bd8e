package io.gridcast.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class MutableClockTest {

  @Test
  void standsStillUntilMovedAndAViewInAnotherZoneMovesWithIt() {
    MutableClock clock = new MutableClock(Instant.parse("2026-12-03T09:00:00Z"));
    Clock paris = clock.withZone(ZoneId.of("Europe/Paris"));

    clock.advance(Duration.ofMinutes(90));

    assertThat(clock.instant()).isEqualTo(Instant.parse("2026-12-03T10:30:00Z"));
    assertThat(paris.instant()).isEqualTo(clock.instant());
    assertThat(paris.getZone()).isEqualTo(ZoneId.of("Europe/Paris"));
    assertThat(clock.withZone(ZoneOffset.UTC)).isSameAs(clock);
    assertThat(paris.withZone(ZoneOffset.UTC)).isSameAs(clock);
  }
}
