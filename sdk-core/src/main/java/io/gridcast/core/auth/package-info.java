/**
 * OAuth2 for Gridcast's clients: {@link io.gridcast.core.auth.OAuth2TokenProvider} (client
 * credentials, password grant, refresh-token rotation into a {@link
 * io.gridcast.core.auth.TokenStore}; tokens cached until shortly before expiry and fetched
 * single-flight), the {@link io.gridcast.core.auth.AccessTokenProvider} extension point for other
 * token sources, and {@link io.gridcast.core.auth.BearerAuthInterceptor}, which sends the token
 * and refreshes it once on a 401.
 *
 * <p>Token requests never follow redirects, and no token or secret reaches a log line, a
 * {@code toString()} or an exception message. Everything public here is API.
 */
package io.gridcast.core.auth;
