/**
 * Internal: the Retrofit interface of the Active Community contract and the parser of its
 * {@code {"error":{"code","message","requestId"}}} bodies. Public only because Retrofit and
 * {@code TradingGridClient} need them; not API, not documented in the Javadoc, and free to change
 * in any release. Use {@code io.gridcast.tradinggrid.TradingGridClient} instead.
 */
package io.gridcast.tradinggrid.internal;
