/**
 * The HTTP stack under every Gridcast client, built on <a
 * href="https://square.github.io/okhttp/5.x/okhttp/okhttp3/">OkHttp 5</a> and Retrofit: {@link
 * io.gridcast.core.http.GridcastHttp} builds the {@code OkHttpClient} (timeouts from {@link
 * io.gridcast.core.http.TransportConfig}, bearer auth, resilience, a response size cap, same-origin
 * redirects for GET and HEAD only) and the Retrofit instance whose calls raise Gridcast's typed
 * errors.
 *
 * <p>Also here: {@link io.gridcast.core.http.BaseUrls} ({@code https} required except on
 * loopback), {@link io.gridcast.core.http.Redaction} (credentials removed from logged URLs),
 * {@link io.gridcast.core.http.RetryAfter}, {@link io.gridcast.core.http.UserAgent} and {@link
 * io.gridcast.core.http.LoggingInterceptor} (DEBUG lines on logger {@code io.gridcast.http}, never
 * bodies or credentials).
 *
 * <p>Internal: the call adapter, request converter and the size-cap, redirect and user-agent
 * interceptors are package-private; {@link io.gridcast.core.http.GridcastIOException} is public
 * only so that users of the raw {@code OkHttpClient} can unwrap it. OkHttp publishes its reference
 * as Dokka pages rather than Javadoc, so OkHttp types in these pages are not linked.
 */
package io.gridcast.core.http;
