/**
 * Gridcast's shared foundation, used by the Spotify and Trading Grid clients: {@link
 * io.gridcast.core.Secret} (a credential that never prints), {@link io.gridcast.core.LogSafe}
 * (remote text made safe for log lines and exception messages), {@link
 * io.gridcast.core.GridcastJson} (the one Jackson {@code ObjectMapper} setup) and {@link
 * io.gridcast.core.GridcastStyle} (the Immutables style of every Gridcast model and config).
 *
 * <p>The sub-packages hold the HTTP stack ({@code http}), OAuth2 ({@code auth}), retries, circuit
 * breaking and rate limiting ({@code resilience}), the typed errors every call raises ({@code
 * errors}) and lazy paging ({@code paging}). Applications mostly meet this module through the
 * clients' builders and the exceptions; everything public here is supported API, and what is
 * internal is package-private.
 */
package io.gridcast.core;
