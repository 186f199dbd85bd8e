package io.gridcast.examples;

import io.gridcast.bridge.Bridge;
import io.gridcast.bridge.RunReport;

/**
 * One runnable example: a flow set up on an {@link Environment}. Listed by the launcher in
 * {@link Examples}.
 */
public interface ExampleFlow {

  /** The name typed after {@code examples/run}, e.g. {@code episode-announcements}. */
  String name();

  /** One line for {@code examples/run --help}. */
  String summary();

  /**
   * Runs (or, with {@code plan}, plans) the flow once.
   *
   * @param bridge a bridge on the environment's clients and state store
   */
  RunReport run(Environment env, Bridge bridge, boolean plan);
}
