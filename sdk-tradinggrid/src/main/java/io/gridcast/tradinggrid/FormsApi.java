package io.gridcast.tradinggrid;

import io.gridcast.core.paging.Paginator;
import io.gridcast.tradinggrid.model.Form;
import io.gridcast.tradinggrid.model.FormCreate;
import io.gridcast.tradinggrid.model.Submission;
import io.gridcast.tradinggrid.model.SubmissionCreate;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Forms and their submissions. Obtain from {@link TradingGridClient#forms()}. Thread-safe.
 * Form list filters: {@code postId}, {@code externalRef}; submission list filters:
 * {@code since}, {@code partnerId}, {@code externalRef}.
 */
public final class FormsApi {

  private static final Set<String> FILTERS = Set.of("postId", "externalRef");
  private static final Set<String> SUBMISSION_FILTERS = Set.of("since", "partnerId", "externalRef");

  private final TradingGridContext ctx;

  FormsApi(TradingGridContext ctx) {
    this.ctx = ctx;
  }

  /**
   * Creates a form; {@code idempotencyKey} makes it safe to retry ({@code null} for none).
   *
   * @throws IllegalArgumentException if the key is not 1-255 visible ASCII characters without
   *     spaces
   */
  public Form create(FormCreate body, String idempotencyKey) {
    return ctx.service.createForm(ctx.communityId, TradingGridContext.idempotencyKey(idempotencyKey), body);
  }

  /**
   * One form.
   *
   * @throws IllegalArgumentException if the id is not 1-64 characters of {@code A-Z a-z 0-9 _ -}
   * @throws io.gridcast.core.errors.NotFoundException if it does not exist
   */
  public Form get(String formId) {
    return ctx.service.getForm(ctx.communityId, TradingGridContext.id("form id", formId));
  }

  /**
   * Forms matching {@code query}, paged lazily.
   *
   * @throws IllegalArgumentException if {@code query} filters by anything but {@code postId},
   *     {@code externalRef}
   */
  public Paginator<Form> list(ListQuery query) {
    return ctx.list("listForms", query, FILTERS, (limit, cursor, f) -> ctx.service.listForms(ctx.communityId, limit, cursor, f));
  }

  /** The form created with this {@code externalRef}, if any. */
  public Optional<Form> findByExternalRef(String externalRef) {
    return list(TradingGridContext.byExternalRef(externalRef)).limit(1).stream().findFirst();
  }

  /** Submits answers to a form on behalf of a partner. */
  public Submission submit(String formId, SubmissionCreate body, String idempotencyKey) {
    return ctx.service.createFormSubmission(ctx.communityId, TradingGridContext.id("form id", formId),
        TradingGridContext.idempotencyKey(idempotencyKey), body);
  }

  /** A form's submissions made at or after {@code since} ({@code null} for all), oldest first. */
  public Paginator<Submission> submissions(String formId, Instant since) {
    return submissions(formId, ListQuery.create().since(since));
  }

  /**
   * A form's submissions matching {@code query}, paged lazily.
   *
   * @throws IllegalArgumentException if {@code query} filters by anything but {@code since},
   *     {@code partnerId}, {@code externalRef}, or {@code formId} is not a valid id
   */
  public Paginator<Submission> submissions(String formId, ListQuery query) {
    String id = TradingGridContext.id("form id", formId);
    return ctx.list("listFormSubmissions", query, SUBMISSION_FILTERS,
        (limit, cursor, f) -> ctx.service.listFormSubmissions(ctx.communityId, id, limit, cursor, f));
  }
}
