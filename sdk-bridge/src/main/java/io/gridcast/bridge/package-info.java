/**
 * The flow engine. What an application calls or implements:
 *
 * <ul>
 *   <li>{@link io.gridcast.bridge.Bridge} runs, plans and replays any {@link io.gridcast.bridge.Flow}
 *       effectively once against a state store and returns one {@link io.gridcast.bridge.RunReport}
 *       (a section per stage for a flow {@linkplain io.gridcast.bridge.Flow#inStages made of
 *       stages}); {@link io.gridcast.bridge.BridgeListener} and {@link
 *       io.gridcast.bridge.ProgressListener} observe it; interrupting the run's thread cancels it.
 *   <li>A flow reads a {@link io.gridcast.bridge.Source} in {@link io.gridcast.bridge.Batch}es,
 *       maps each item with a {@link io.gridcast.bridge.Mapper} and writes it through a {@link
 *       io.gridcast.bridge.Sink} (which answers with a {@link io.gridcast.bridge.WriteResult}); all
 *       three see the run's {@link io.gridcast.bridge.RunContext}, whose {@link
 *       io.gridcast.bridge.Snapshot}s are read once per run. {@link io.gridcast.bridge.RunCaps}
 *       bounds a run; {@link io.gridcast.bridge.Fingerprints} makes content fingerprints and
 *       idempotency keys; {@link io.gridcast.bridge.Outcome} and {@link io.gridcast.bridge.Stage}
 *       name what a report counts and times.
 * </ul>
 *
 * <p>This package knows no platform: the eight flows, their Trading Grid and Spotify sources and
 * sinks are in {@code io.gridcast.bridge.flows}, policies in {@code io.gridcast.bridge.policy},
 * state stores in {@code io.gridcast.bridge.state} and the rendering of remote text in {@code
 * io.gridcast.bridge.text}. Internal (package-private): the per-run delivery loop ({@code
 * FlowRun}) and the escaping of logged exceptions.
 */
package io.gridcast.bridge;
