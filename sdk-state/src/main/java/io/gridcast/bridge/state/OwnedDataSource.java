package io.gridcast.bridge.state;

import javax.sql.DataSource;

/** A data source the store created itself, with what must be closed when the store closes. */
record OwnedDataSource(DataSource dataSource, AutoCloseable pool) {}
