package io.gridcast.testkit;

import java.time.Instant;

/**
 * One attempt of the {@link TradingGridSandbox} to deliver an event to a registered webhook, as
 * recorded for tests ({@link TradingGridSandbox#webhookDeliveries()}).
 *
 * @param webhookId the registration delivered to
 * @param url the URL posted to
 * @param eventId the event's id (also sent as {@code Gridcast-Event-Id})
 * @param eventType the event's type (also sent as {@code Gridcast-Event-Type})
 * @param attempt 1 for the first attempt, then 2, 3, …
 * @param status the receiver's HTTP status, or 0 when it did not answer
 * @param signature the {@code Gridcast-Signature} header sent, {@code t=<unix>,v1=<hex>}
 * @param body the exact body bytes sent, as UTF-8 text (the event JSON)
 * @param sentAt when the attempt was made, by the sandbox's clock
 */
public record WebhookDelivery(
    String webhookId,
    String url,
    String eventId,
    String eventType,
    int attempt,
    int status,
    String signature,
    String body,
    Instant sentAt) {

  /** Whether the receiver acknowledged the delivery with a 2xx status. */
  public boolean acknowledged() {
    return status >= 200 && status < 300;
  }
}
