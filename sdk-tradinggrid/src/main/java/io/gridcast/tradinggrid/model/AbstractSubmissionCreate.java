package io.gridcast.tradinggrid.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.gridcast.core.GridcastStyle;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The body that submits answers ({@code createFormSubmission}).
 */
@Value.Immutable
@GridcastStyle
@JsonSerialize(as = SubmissionCreate.class)
@JsonDeserialize(as = SubmissionCreate.class)
abstract class AbstractSubmissionCreate {

  /** The partner who answers. */
  public abstract String partnerId();

  /** The answers keyed by field key; ratings are {@code "1"} to {@code "5"}. */
  public abstract Map<String, String> answers();

  /** The caller's own reference, e.g. {@code spotify:episode:…}; lists can filter on it. */
  public abstract Optional<String> externalRef();
}
