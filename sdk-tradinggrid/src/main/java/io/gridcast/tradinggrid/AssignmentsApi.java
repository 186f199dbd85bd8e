package io.gridcast.tradinggrid;

import io.gridcast.tradinggrid.model.Assignment;
import io.gridcast.tradinggrid.model.AssignmentCreate;
import io.gridcast.tradinggrid.model.AssignmentUpdate;
import java.util.Set;

/**
 * Assignments of posts to partner groups or partners, with due dates. Obtain from {@link TradingGridClient#assignments()}. Thread-safe.
 *
 * <p>List filters: {@code postId}, {@code groupId}, {@code partnerId}, {@code status}, {@code externalRef}.
 */
public final class AssignmentsApi extends VersionedResourceApi<Assignment, AssignmentCreate, AssignmentUpdate> {

  AssignmentsApi(TradingGridContext ctx) {
    super(ctx, "assignment", "listAssignments", Set.of("postId", "groupId", "partnerId", "status", "externalRef"), new Operations<>() {
      @Override
      public Assignment create(String communityId, String idempotencyKey, AssignmentCreate body) {
        return ctx.service.createAssignment(communityId, idempotencyKey, body);
      }

      @Override
      public Assignment get(String communityId, String id) {
        return ctx.service.getAssignment(communityId, id);
      }

      @Override
      public Assignment update(String communityId, String id, String ifMatch, AssignmentUpdate body) {
        return ctx.service.updateAssignment(communityId, id, ifMatch, body);
      }

      @Override
      public io.gridcast.tradinggrid.model.CursorPage<Assignment> list(String communityId, Integer limit, String cursor,
          java.util.Map<String, String> filters) {
        return ctx.service.listAssignments(communityId, limit, cursor, filters);
      }
    });
  }
}
