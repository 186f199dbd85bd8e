package io.gridcast.bridge.flows;

import io.gridcast.bridge.RunContext;
import io.gridcast.bridge.Sink;
import io.gridcast.bridge.WriteResult;
import io.gridcast.bridge.state.LedgerEntry;
import io.gridcast.core.errors.BadRequestException;
import io.gridcast.tradinggrid.TradingGridClient;
import io.gridcast.tradinggrid.model.Assignment;
import io.gridcast.tradinggrid.model.AssignmentCreate;
import io.gridcast.tradinggrid.model.AssignmentStatus;
import io.gridcast.tradinggrid.model.AssignmentUpdate;
import java.util.Optional;

/**
 * Brings one training assignment to its wanted state. A wanted one is created (with the bridge's
 * idempotency key and its {@code externalRef}), or has its due date and reason brought up to date
 * and — if it was cancelled — is assigned again; one no longer wanted is marked
 * {@link AssignmentStatus#CANCELLED} unless the partner already completed it. Assignments are
 * never deleted, so their history stays. Updates use {@code If-Match}, re-reading once on a 412.
 * Thread-safe.
 */
final class TrainingAssignmentSink implements Sink<TrainingAssignment> {

  private final TradingGridClient tradingGrid;

  public TrainingAssignmentSink(TradingGridClient tradingGrid) {
    this.tradingGrid = tradingGrid;
  }

  @Override
  public WriteResult create(String sourceKey, TrainingAssignment item, String idempotencyKey, String externalRef, RunContext run) {
    if (!item.wanted()) {
      // only existing assignments are ever unwanted; findByExternalRef found none, so it is gone
      throw new IllegalArgumentException("assignment " + externalRef + " is no longer wanted and no longer exists");
    }
    AssignmentCreate body = AssignmentCreate.builder()
        .postId(item.postId()).target(item.target()).dueDate(item.dueDate()).reason(item.reason()).externalRef(externalRef)
        .build();
    try {
      Assignment a = tradingGrid.assignments().create(body, idempotencyKey);
      return WriteResult.of(a.id(), a.version());
    } catch (BadRequestException e) {
      if (e.errorCode().filter("idempotency_key_reused"::equals).isEmpty()) {
        throw e;
      }
      return apply(tradingGrid.assignments().findByExternalRef(externalRef).orElseThrow(() -> e), item);
    }
  }

  @Override
  public WriteResult update(LedgerEntry existing, TrainingAssignment item, RunContext run) {
    return apply(tradingGrid.assignments().get(existing.targetId()), item);
  }

  /** Finds the assignment; its state is not compared, so the bridge brings it up to date. */
  @Override
  public Optional<WriteResult> findByExternalRef(String externalRef, RunContext run) {
    return tradingGrid.assignments().findByExternalRef(externalRef).map(a -> WriteResult.found(a.id(), a.version(), null));
  }

  private WriteResult apply(Assignment current, TrainingAssignment item) {
    Assignment a = tradingGrid.assignments().update(current, fresh -> change(fresh, item));
    return WriteResult.of(a.id(), a.version());
  }

  /** The update that makes {@code current} match {@code item}, if any is needed. */
  static Optional<AssignmentUpdate> change(Assignment current, TrainingAssignment item) {
    AssignmentStatus status = current.status();
    if (!item.wanted()) {
      boolean open = status == AssignmentStatus.ASSIGNED || status == AssignmentStatus.IN_PROGRESS;
      return open ? Optional.of(AssignmentUpdate.builder().status(AssignmentStatus.CANCELLED).build()) : Optional.empty();
    }
    AssignmentUpdate.Builder update = AssignmentUpdate.builder();
    boolean changed = false;
    if (!current.dueDate().equals(Optional.of(item.dueDate()))) {
      update.dueDate(item.dueDate());
      changed = true;
    }
    if (!current.reason().equals(Optional.of(item.reason()))) {
      update.reason(item.reason());
      changed = true;
    }
    if (status == AssignmentStatus.CANCELLED) {
      update.status(AssignmentStatus.ASSIGNED);
      changed = true;
    }
    return changed ? Optional.of(update.build()) : Optional.empty();
  }
}
