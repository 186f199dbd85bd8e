package io.gridcast.bridge.flows;

import java.util.Map;
import java.util.Objects;

/**
 * The launch calendar post with its {@code .ics} attachment, and the events it publishes (kept
 * in the ledger for the next run's sequences). Immutable.
 *
 * @param post the post and its calendar document
 * @param events the published events by milestone id
 */
record CalendarPost(PostWithDocuments post, Map<String, CalendarEvent> events) {

  CalendarPost {
    Objects.requireNonNull(post, "post");
    events = Map.copyOf(events);
  }

  /** The content fingerprint: the post's, whose calendar document reference names its bytes. */
  String fingerprint() {
    return post.fingerprint();
  }
}
