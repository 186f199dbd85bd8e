package io.gridcast.tradinggrid;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridcast.core.paging.Page;
import io.gridcast.core.paging.Paginator;
import io.gridcast.tradinggrid.internal.ActiveCommunityService;
import io.gridcast.tradinggrid.model.CursorPage;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/** What the sub-APIs of one {@link TradingGridClient} share. Immutable and thread-safe. */
final class TradingGridContext {

  private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

  final ActiveCommunityService service;
  final String communityId;
  final int pageSize;
  /** The JSON mapper requests are encoded with. */
  final ObjectMapper mapper;

  TradingGridContext(ActiveCommunityService service, String communityId, int pageSize, ObjectMapper mapper) {
    this.service = service;
    this.mapper = mapper;
    this.communityId = communityId;
    this.pageSize = pageSize;
  }

  /** Validates an id before it is put in a path. */
  static String id(String what, String value) {
    return TradingGridId.require(what, value);
  }

  /** Validates an idempotency key: 1-255 visible ASCII characters, or {@code null} for none. */
  static String idempotencyKey(String key) {
    if (key != null && !IDEMPOTENCY_KEY.matcher(key).matches()) {
      throw new IllegalArgumentException("idempotency key must be 1-255 visible ASCII characters without spaces");
    }
    return key;
  }

  /**
   * The query of a find-by-{@code externalRef}; refuses a missing reference, which would
   * otherwise match every resource and return an arbitrary one.
   */
  static ListQuery byExternalRef(String externalRef) {
    if (externalRef == null || externalRef.isBlank()) {
      throw new IllegalArgumentException("externalRef is missing: pass the reference the resource was created with");
    }
    if (externalRef.length() > 512) {
      throw new IllegalArgumentException("externalRef must be at most 512 characters, was " + externalRef.length());
    }
    return ListQuery.create().externalRef(externalRef);
  }

  /** The {@code If-Match} value for a resource version. */
  static String ifMatch(long version) {
    if (version < 1) {
      throw new IllegalArgumentException("version must be >= 1 (take it from the resource you read), was " + version);
    }
    return Long.toString(version);
  }

  /** A lazily paging list over the contract's cursor lists. */
  <T> Paginator<T> list(String operation, ListQuery query, Set<String> allowedFilters,
      ListCall<T> call) {
    Map<String, String> filters = query.checked(operation, allowedFilters);
    return Paginator.cursor(cursor -> {
      CursorPage<T> page = call.fetch(pageSize, cursor, filters);
      return Page.of(page.items(), page.nextCursor().orElse(null), null);
    });
  }

  /** A lazily paging list without filters. */
  <T> Paginator<T> list(BiFunction<Integer, String, CursorPage<T>> call) {
    return Paginator.cursor(cursor -> {
      CursorPage<T> page = call.apply(pageSize, cursor);
      return Page.of(page.items(), page.nextCursor().orElse(null), null);
    });
  }

  @FunctionalInterface
  interface ListCall<T> {
    CursorPage<T> fetch(Integer limit, String cursor, Map<String, String> filters);
  }
}
