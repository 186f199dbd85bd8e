/**
 * The decisions a flow delegates: {@link io.gridcast.bridge.policy.RoutingPolicy} (which partners
 * or groups an item goes to, read from a per-run {@link io.gridcast.bridge.policy.PartnerDirectory}
 * snapshot), {@link io.gridcast.bridge.policy.ApprovalPolicy}, {@link
 * io.gridcast.bridge.policy.ConflictPolicy} for the bi-directional flows, {@link
 * io.gridcast.bridge.policy.DeliveryPolicy} (attempts before an item is parked as a dead letter)
 * and {@link io.gridcast.bridge.policy.FailurePolicy} (which failures stop a run and which fail
 * only their item).
 * Small interfaces with ready-made implementations; all API.
 */
package io.gridcast.bridge.policy;
