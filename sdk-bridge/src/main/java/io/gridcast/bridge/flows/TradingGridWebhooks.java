package io.gridcast.bridge.flows;

import io.gridcast.bridge.Worker;
import io.gridcast.core.LogSafe;
import io.gridcast.tradinggrid.WebhookSignatureException;
import io.gridcast.tradinggrid.WebhookVerifier;
import io.gridcast.tradinggrid.model.Event;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives Trading Grid webhook deliveries for a {@link Worker}: verifies each one ({@link
 * WebhookVerifier}: signature, age, replay) and wakes at once the flows that {@link
 * TradingGridEvents} maps its event type to, the same flows its next poll would wake. Framework
 * neutral: the host mounts {@link #handle} on an HTTP endpoint of its own and answers with the
 * status it returns.
 *
 * <pre>{@code
 * TradingGridEvents events = TradingGridEvents.of(tradingGrid).wake(audioUpdates.name(), EventType.ISSUE_RESOLVED);
 * Worker worker = Worker.builder(bridge)
 *     .every(Duration.ofHours(24), audioUpdates)
 *     .wakeOn(events, Duration.ofMinutes(5))   // polling catches what a lost delivery missed
 *     .build();
 * worker.start();
 * TradingGridWebhooks webhooks = TradingGridWebhooks.of(events, WebhookVerifier.create(secret), worker);
 *
 * // in the host's POST handler, with the body exactly as received:
 * TradingGridWebhooks.Response answer = webhooks.handle(rawBody, request.getHeader(WebhookVerifier.SIGNATURE_HEADER));
 * response.setStatus(answer.status());
 * }</pre>
 *
 * <p>A delivery only wakes flows; the flows read their own sources from their own checkpoints, so
 * a delivery lost or refused costs nothing but latency: the feed's next poll, or the flow's next
 * scheduled run, picks the change up. Thread-safe.
 */
public final class TradingGridWebhooks {

  private static final Logger LOG = LoggerFactory.getLogger(TradingGridWebhooks.class);

  /**
   * What to answer Trading Grid.
   *
   * @param status the HTTP status: 204 accepted (or a replay, already handled), 401 not authentic
   *     or too old, 400 authentic but not an event, 503 the worker is not running (Trading Grid
   *     delivers again later)
   * @param reason why, in words safe to log and to send back (no content of the delivery)
   * @param woken the flows the delivery woke
   */
  public record Response(int status, String reason, Set<String> woken) {
    public Response {
      Objects.requireNonNull(reason, "reason");
      woken = Set.copyOf(woken);
    }
  }

  private final TradingGridEvents events;
  private final WebhookVerifier verifier;
  private final Worker worker;

  private TradingGridWebhooks(TradingGridEvents events, WebhookVerifier verifier, Worker worker) {
    this.events = events;
    this.verifier = verifier;
    this.worker = worker;
  }

  /**
   * A receiver waking {@code worker}'s flows as {@code events} maps event types to them.
   *
   * @throws IllegalArgumentException if {@code events} wakes a flow {@code worker} does not run
   * @throws NullPointerException if an argument is null
   */
  public static TradingGridWebhooks of(TradingGridEvents events, WebhookVerifier verifier, Worker worker) {
    Objects.requireNonNull(events, "events");
    Objects.requireNonNull(verifier, "verifier");
    Objects.requireNonNull(worker, "worker");
    Set<String> runs = new TreeSet<>();
    worker.status().forEach(s -> runs.add(s.flow()));
    Set<String> missing = new TreeSet<>(events.wokenFlows());
    missing.removeAll(runs);
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("the events wake flows " + missing + " that the worker does not run (it runs "
          + runs + "): add them to the worker, or map the events to flows it runs");
    }
    return new TradingGridWebhooks(events, verifier, worker);
  }

  /**
   * Handles one delivery.
   *
   * @param rawBody the request body exactly as received (the signature covers these bytes)
   * @param signatureHeader the {@value WebhookVerifier#SIGNATURE_HEADER} header, or {@code null}
   *     if the request had none
   * @return what to answer; never throws for a bad delivery
   * @throws NullPointerException if {@code rawBody} is null
   */
  public Response handle(byte[] rawBody, String signatureHeader) {
    Objects.requireNonNull(rawBody, "rawBody");
    if (!worker.isRunning()) {
      // before verifying, which remembers the signature: the delivery sent again must be accepted
      return new Response(503, "the worker is not running", Set.of());
    }
    Event event;
    try {
      event = verifier.constructEvent(rawBody, signatureHeader); // over the bytes as received
    } catch (WebhookSignatureException e) {
      if (e.reason() == WebhookSignatureException.Reason.REPLAYED) {
        return new Response(204, "already received", Set.of()); // our first answer was lost: do not ask again
      }
      LOG.warn("refused a Trading Grid webhook delivery: {}", e.reason());
      return new Response(401, "not authentic: " + e.reason(), Set.of());
    } catch (IllegalArgumentException e) {
      LOG.warn("refused a Trading Grid webhook delivery: signed, but not an event");
      return new Response(400, "signed, but not an Active Community event", Set.of());
    }
    Set<String> flows = events.flowsWokenBy(event.type());
    try {
      for (String flow : flows) {
        worker.trigger(flow);
      }
    } catch (IllegalStateException e) {
      return new Response(503, "the worker is not running", Set.of());
    }
    LOG.debug("webhook event {} of type {} woke {}", LogSafe.quoted(event.id()), event.type(), flows);
    return new Response(204, flows.isEmpty() ? "no flow waits for " + event.type() : "woke " + flows, flows);
  }

  @Override
  public String toString() {
    return "TradingGridWebhooks{" + events + "}";
  }
}
