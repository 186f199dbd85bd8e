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
 * same actor, action and detail is there yet. A step is identified by its content, consistently:
 * it is looked up by actor, action and detail, and its idempotency key is derived from flow,
 * approval, step name and a {@link ContentHash} of that same content. So neither a retried call
 * nor a re-run appends anything twice, and a step whose text changed (e.g. {@code published}
 * with another enclosure URL) is a new entry with a new key rather than the old key re-sent
 * with another body (which the platform refuses with 422). Not thread-safe; one per delivery.
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

  /** Appends the step unless the trail already has an entry with this actor, action and detail. */
  void once(String step, String actor, String action, String detail) {
    if (has(actor, action, detail)) {
      return;
    }
    AuditEntry added = tradingGrid.approvals().appendAudit(approvalId,
        AuditEntryCreate.builder().actor(actor).action(action).detail(detail).build(),
        idempotencyKey(flowName, approvalId, step, actor, action, detail));
    entries.add(added);
  }

  /** Whether the trail has an entry with this actor, action and detail. */
  boolean has(String actor, String action, String detail) {
    return entries.stream().anyMatch(e -> e.actor().equals(actor) && e.action().equals(action)
        && e.detail().filter(detail::equals).isPresent());
  }

  /** The detail of the first entry with this actor and action whose detail starts with {@code prefix}. */
  Optional<String> detailStartingWith(String actor, String action, String prefix) {
    return entries.stream().filter(e -> e.actor().equals(actor) && e.action().equals(action))
        .flatMap(e -> e.detail().stream()).filter(d -> d.startsWith(prefix)).findFirst();
  }

  /** The actor of the first entry with {@code action}, e.g. who requested the review. */
  Optional<String> actorOf(String action) {
    return entries.stream().filter(e -> e.action().equals(action)).map(AuditEntry::actor).findFirst();
  }

  /** The idempotency key of a step with this content: step name plus a hash of the content. */
  static String idempotencyKey(String flowName, String approvalId, String step, String actor, String action,
      String detail) {
    return Fingerprints.idempotencyKey(flowName,
        "tradinggrid:approval:" + approvalId + "#" + step + "#" + ContentHash.of(actor, action, detail));
  }
}
