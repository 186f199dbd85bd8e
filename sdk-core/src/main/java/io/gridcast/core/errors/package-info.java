/**
 * The one exception hierarchy of every Gridcast call, rooted at {@link
 * io.gridcast.core.errors.GridcastException} (unchecked): {@link
 * io.gridcast.core.errors.ApiException} and its subtypes per HTTP status (bad request,
 * unauthorized, forbidden, not found, conflict, precondition failed, rate limited with its
 * {@code retryAfter()}, server error), {@link io.gridcast.core.errors.TransportException} (with
 * {@link io.gridcast.core.errors.CircuitOpenException} and {@link
 * io.gridcast.core.errors.RedirectRefusedException}), {@link
 * io.gridcast.core.errors.UnparseableResponseException}, {@link
 * io.gridcast.core.errors.ResponseTooLargeException} and {@link
 * io.gridcast.core.errors.OAuthException}.
 *
 * <p>Each carries the status, method, redacted URL and the platform's error code, message and
 * request id ({@link io.gridcast.core.errors.ErrorDetails}). {@link
 * io.gridcast.core.errors.ErrorBodyParser} is the extension point that reads a platform's error
 * JSON; {@link io.gridcast.core.errors.ApiErrors} maps statuses to types for the clients. All
 * public types are API.
 */
package io.gridcast.core.errors;
