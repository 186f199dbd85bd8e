/**
 * The flow engine: a {@link io.gridcast.bridge.Flow} reads a {@link io.gridcast.bridge.Source} in
 * {@link io.gridcast.bridge.Batch}es, maps each item with a {@link io.gridcast.bridge.Mapper} and
 * writes it through a {@link io.gridcast.bridge.Sink}; {@link io.gridcast.bridge.Bridge} runs,
 * plans and replays flows effectively once against a state store and returns a {@link
 * io.gridcast.bridge.RunReport}, telling {@link io.gridcast.bridge.BridgeListener}s and {@link
 * io.gridcast.bridge.ProgressListener}s as it goes. {@link io.gridcast.bridge.RunCaps} bounds a
 * run, {@link io.gridcast.bridge.Fingerprints} makes content fingerprints and idempotency keys,
 * and {@link io.gridcast.bridge.flows.PostSink} is the ready-made sink for Trading Grid posts.
 *
 * <p>This package knows no platform beyond that sink: the eight flows are in {@code
 * io.gridcast.bridge.flows}, policies in {@code io.gridcast.bridge.policy}, state stores in
 * {@code io.gridcast.bridge.state} and the rendering of remote text in {@code
 * io.gridcast.bridge.text}. Internal: the per-run machinery and the escaping of logged
 * exceptions are package-private.
 */
package io.gridcast.bridge;
