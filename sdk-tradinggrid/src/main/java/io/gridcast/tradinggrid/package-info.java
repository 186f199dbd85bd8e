/**
 * The typed client of OpenText Active Community on Trading Grid, following Gridcast's own
 * OpenAPI contract ({@link io.gridcast.tradinggrid.ActiveCommunityContract}): {@link
 * io.gridcast.tradinggrid.TradingGridClient} and one API object per resource (partners, partner
 * groups, posts, documents, assignments, threads, issues, forms, approvals, campaigns, sites, site
 * requests, events, webhooks), with {@link io.gridcast.tradinggrid.ListQuery} for lazily paged
 * lists, {@link io.gridcast.tradinggrid.TradingGridId} for the one check of ids before they reach
 * a path, and {@link io.gridcast.tradinggrid.WebhookVerifier} for signed webhook deliveries.
 *
 * <p>The models are in {@code io.gridcast.tradinggrid.model}. Internal: {@code
 * io.gridcast.tradinggrid.internal} (the Retrofit interface and error parser) and the
 * package-private per-client context.
 */
package io.gridcast.tradinggrid;
