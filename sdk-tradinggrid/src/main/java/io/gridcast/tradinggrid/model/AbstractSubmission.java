package io.gridcast.tradinggrid.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.gridcast.core.GridcastStyle;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A partner's answers to a {@link Form}.
 */
@Value.Immutable
@GridcastStyle
@JsonSerialize(as = Submission.class)
@JsonDeserialize(as = Submission.class)
abstract class AbstractSubmission {

  /** The platform's id. */
  public abstract String id();

  /** The form answered. */
  public abstract String formId();

  /** The partner who answered. */
  public abstract String partnerId();

  /** The answers keyed by field key; ratings are {@code "1"} to {@code "5"}. */
  public abstract Map<String, String> answers();

  /** The caller's own reference, e.g. a Spotify URI, if one was given. */
  public abstract Optional<String> externalRef();

  /** When it was submitted. */
  public abstract Instant submittedAt();
}
