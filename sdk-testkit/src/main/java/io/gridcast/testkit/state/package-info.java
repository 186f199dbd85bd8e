/**
 * The {@link io.gridcast.testkit.state.StateStoreContract}: the JUnit 5 suite every {@code
 * StateStore} passes, published so that whoever writes a store of their own can run it. It needs
 * {@code io.gridcast:sdk-state}, JUnit Jupiter and AssertJ on the test class path; sdk-testkit
 * declares them as provided, so they are never forced on anyone else.
 */
package io.gridcast.testkit.state;
