/**
 * Where the bridge remembers what it did: the {@link io.gridcast.bridge.state.StateStore}
 * interface (ledger of source key to target id and fingerprint, checkpoints, dead letters and
 * leases with fencing tokens), {@link io.gridcast.bridge.state.InMemoryStateStore} for tests and
 * {@link io.gridcast.bridge.state.JdbcStateStore} on an embedded H2 file or on PostgreSQL (schema
 * v2, upgraded in place from v1). {@link io.gridcast.bridge.state.SourceKeys} is the one rule for
 * source keys that every store applies.
 *
 * <p>The JDBC drivers are optional dependencies: add {@code com.h2database:h2} or {@code
 * org.postgresql:postgresql} for the store you use. Internal: the SQL dialects, migrations,
 * connection pool and transaction helpers are package-private.
 */
package io.gridcast.bridge.state;
