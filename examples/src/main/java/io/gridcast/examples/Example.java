package io.gridcast.examples;

import io.gridcast.bridge.Flow;
import io.gridcast.bridge.RunReport;

/**
 * One example {@code examples/run} knows: its name, a line for {@code --help}, the flow it builds
 * on an {@link Environment}, and what the demo's people do around the flow's runs. The launcher
 * runs every example's flow alike, with {@code bridge.run(flow)} (or {@code bridge.plan(flow)});
 * listed in {@link Examples}.
 */
interface Example {

  /** The name typed after {@code examples/run}, e.g. {@code episode-announcements}. */
  String name();

  /** One line for {@code examples/run --help}. */
  String summary();

  /** The flow on the environment's clients, with the settings of the demo (or of the real platforms' environment variables). */
  Flow<?, ?> flow(Environment env);

  /**
   * What people do before the flow runs (never before a plan), e.g. on the embedded sandboxes
   * resolving an issue the flow then publishes; each step only once, so that a second run finds
   * nothing new. Nothing by default.
   */
  default void beforeRun(Environment env) {}

  /**
   * What people do once the flow has run (never after a plan), in answer to what it wrote, e.g.
   * reviewers approving the package it submitted; nothing by default.
   *
   * @return whether the flow runs once more to take that in
   */
  default boolean afterRun(Environment env, RunReport report) {
    return false;
  }
}
