package io.gridcast.tradinggrid.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.gridcast.core.GridcastStyle;
import java.time.LocalDate;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A date on a campaign's launch calendar.
 */
@Value.Immutable
@GridcastStyle
@JsonSerialize(as = Milestone.class)
@JsonDeserialize(as = Milestone.class)
abstract class AbstractMilestone {

  /** The caller-chosen key, unique within the campaign, e.g. {@code launch}. */
  public abstract String id();

  /** The title. */
  public abstract String title();

  /** When it is due. */
  public abstract LocalDate dueDate();

  /** Whether it is planned or done. */
  public abstract MilestoneStatus status();

  /** The Spotify item it delivered, e.g. an episode URI, once known. */
  public abstract Optional<String> spotifyUri();
}
