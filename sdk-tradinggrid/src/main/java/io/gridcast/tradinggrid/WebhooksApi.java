package io.gridcast.tradinggrid;

import io.gridcast.core.paging.Paginator;
import io.gridcast.tradinggrid.model.Webhook;
import io.gridcast.tradinggrid.model.WebhookCreate;

/**
 * Webhook registrations. Deliveries are signed; check them with {@link WebhookVerifier}.
 * Obtain from {@link TradingGridClient#webhooks()}. Thread-safe.
 */
public final class WebhooksApi {

  private final TradingGridContext ctx;

  WebhooksApi(TradingGridContext ctx) {
    this.ctx = ctx;
  }

  /** Registers a webhook; the secret is sent once and never returned. */
  public Webhook register(WebhookCreate body, String idempotencyKey) {
    return ctx.service.createWebhook(ctx.communityId, TradingGridContext.idempotencyKey(idempotencyKey), body);
  }

  /**
   * One webhook registration (without its secret).
   *
   * @throws IllegalArgumentException if the id is not 1-64 characters of {@code A-Z a-z 0-9 _ -}
   * @throws io.gridcast.core.errors.NotFoundException if it does not exist
   */
  public Webhook get(String webhookId) {
    return ctx.service.getWebhook(ctx.communityId, TradingGridContext.id("webhook id", webhookId));
  }

  /** Every webhook registration of the community, paged lazily. */
  public Paginator<Webhook> list() {
    return ctx.list("listWebhooks", ListQuery.create(), java.util.Set.of("externalRef"),
        (limit, cursor, f) -> ctx.service.listWebhooks(ctx.communityId, limit, cursor, f));
  }

  /** Deletes a registration. @throws io.gridcast.core.errors.NotFoundException if unknown */
  public void delete(String webhookId) {
    ctx.service.deleteWebhook(ctx.communityId, TradingGridContext.id("webhook id", webhookId));
  }
}
