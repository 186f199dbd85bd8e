/**
 * Lazy paging for every list call: {@link io.gridcast.core.paging.Paginator} walks offset,
 * next-URL and cursor pages, holding one {@link io.gridcast.core.paging.Page} in memory at a time
 * and fetching the next only when it is consumed; a cursor seen before is refused rather than
 * paged forever. Both types are API.
 */
package io.gridcast.core.paging;
