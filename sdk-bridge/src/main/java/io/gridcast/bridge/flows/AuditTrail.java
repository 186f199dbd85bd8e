package io.gridcast.bridge.flows;

import io.gridcast.bridge.Fingerprints;
import io.gridcast.tradinggrid.TradingGridClient;
import io.gridcast.tradinggrid.model.AuditEntry;
import io.gridcast.tradinggrid.model.AuditEntryCreate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An approval's audit trail as one delivery sees it: appends a step only when no entry with the
 * same action and detail is there yet, with an idempotency key derived from flow, approval and
 * step, so neither a retried call nor a re-run appends anything twice. Not thread-safe; one per
 * delivery.
 */
final class AuditTrail {

  static final String ACTOR = "gridcast";

  private final TradingGridClient tradingGrid;
  private final String flowName;
  private final String approvalId;
  private final List<AuditEntry> entries;

  AuditTrail(TradingGridClient tradingGrid, String flowName, String approvalId) {
    this.tradingGrid = tradingGrid;
    this.flowName = flowName;
    this.approvalId = approvalId;
    this.entries = new ArrayList<>(tradingGrid.approvals().audit(approvalId).stream().toList());
  }

  /** Appends the step unless the trail already has it. */
  void once(String step, String actor, String action, String detail) {
    boolean present = entries.stream()
        .anyMatch(e -> e.action().equals(action) && e.detail().filter(detail::equals).isPresent());
    if (present) {
      return;
    }
    AuditEntry added = tradingGrid.approvals().appendAudit(approvalId,
        AuditEntryCreate.builder().actor(actor).action(action).detail(detail).build(),
        Fingerprints.idempotencyKey(flowName, "tradinggrid:approval:" + approvalId + "#" + step));
    entries.add(added);
  }

  /** The actor of the first entry with {@code action}, e.g. who requested the review. */
  Optional<String> actorOf(String action) {
    return entries.stream().filter(e -> e.action().equals(action)).map(AuditEntry::actor).findFirst();
  }
}
