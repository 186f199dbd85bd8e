package io.gridcast.bridge.flows;

import io.gridcast.tradinggrid.model.FormCreate;
import io.gridcast.tradinggrid.model.ThreadCreate;
import java.util.Objects;

/**
 * An episode's feedback channel in Trading Grid: a discussion thread and a form, created once
 * each by {@link FeedbackChannelSink} and found again by their {@code externalRef}s
 * ({@link #threadRef}, {@link #formRef}). Immutable.
 *
 * @param thread the thread to open, with its {@code externalRef}
 * @param form the form to create, with its {@code externalRef}
 */
public record FeedbackChannel(ThreadCreate thread, FormCreate form) {

  public FeedbackChannel {
    Objects.requireNonNull(thread, "thread");
    Objects.requireNonNull(form, "form");
    if (thread.externalRef().isEmpty() || form.externalRef().isEmpty()) {
      throw new IllegalArgumentException("a feedback channel's thread and form need an externalRef each");
    }
  }

  /** The stable reference of an episode's channel, e.g. {@code gridcast:partner-feedback:spotify:episode:…}. */
  public static String channelRef(String episodeKey) {
    return "gridcast:partner-feedback:" + episodeKey;
  }

  /** The {@code externalRef} of an episode's feedback thread. */
  public static String threadRef(String episodeKey) {
    return channelRef(episodeKey) + ":thread";
  }

  /** The {@code externalRef} of an episode's feedback form. */
  public static String formRef(String episodeKey) {
    return channelRef(episodeKey) + ":form";
  }
}
