package io.gridcast.tradinggrid;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Filters for a list call, e.g. {@code ListQuery.create().with("region", "EMEA")}. Each list
 * operation accepts the filters its contract operation documents (see the sub-API's Javadoc);
 * an unknown filter is refused with {@link IllegalArgumentException} before any request.
 * Immutable: every method returns a new query.
 */
public final class ListQuery {

  private static final ListQuery NONE = new ListQuery(Map.of());

  private final Map<String, String> filters;

  private ListQuery(Map<String, String> filters) {
    this.filters = filters;
  }

  /** No filters. */
  public static ListQuery create() {
    return NONE;
  }

  /** Adds a filter; a {@code null} value leaves the query unchanged. */
  public ListQuery with(String name, String value) {
    Objects.requireNonNull(name, "name");
    if (value == null) {
      return this;
    }
    if (value.isBlank()) {
      throw new IllegalArgumentException("filter " + name + " must not be blank");
    }
    Map<String, String> copy = new LinkedHashMap<>(filters);
    copy.put(name, value);
    return new ListQuery(Collections.unmodifiableMap(copy));
  }

  /** Only items with this {@code externalRef}. */
  public ListQuery externalRef(String externalRef) {
    return with("externalRef", externalRef);
  }

  /** Only items updated at or after {@code instant}. */
  public ListQuery updatedSince(Instant instant) {
    return with("updatedSince", instant == null ? null : instant.toString());
  }

  /** Only items created at or after {@code instant} (submissions, messages). */
  public ListQuery since(Instant instant) {
    return with("since", instant == null ? null : instant.toString());
  }

  /** The filters as query parameters. */
  public Map<String, String> asMap() {
    return filters;
  }

  Map<String, String> checked(String operation, Set<String> allowed) {
    for (String name : filters.keySet()) {
      if (!allowed.contains(name)) {
        throw new IllegalArgumentException(operation + " does not filter by " + name + "; it accepts " + allowed);
      }
    }
    return filters;
  }

  @Override
  public String toString() {
    return "ListQuery" + filters;
  }
}
