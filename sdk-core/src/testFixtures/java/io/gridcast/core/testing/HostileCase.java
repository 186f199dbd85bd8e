package io.gridcast.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import io.gridcast.core.errors.GridcastException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * One entry of a hostile-input corpus: a named input, the call that feeds it to the SDK, and what
 * the SDK must make of it — either a decode that completes ({@link #tolerated}) or a refusal with
 * one of the SDK's typed errors ({@link #refused}).
 *
 * <p>{@link #assertHandled} runs the call under a {@value #DEADLINE_SECONDS}-second deadline and
 * fails on anything else: a hang, any {@link Error} ({@code OutOfMemoryError},
 * {@code StackOverflowError}), a {@code NullPointerException} or {@code ClassCastException}, any
 * other untyped exception, or a message anywhere in the cause chain that carries a secret.
 *
 * <p>Typed means: a {@link GridcastException} or another exception type the SDK declares (a
 * class under {@code io.gridcast}, e.g. the checked {@code WebhookSignatureException}), or a
 * plain {@link IllegalArgumentException} (not a subclass such as {@code NumberFormatException},
 * which would be a parser leaking), or a {@code NullPointerException} only where a case expects
 * one because the API documents it.
 *
 * <p>Shared by the hostile-input suites of the client modules through sdk-core's test jar.
 *
 * @param category the corpus category, shown in the test report
 * @param name what the input is, shown in the test report
 * @param call feeds the input to the SDK; {@code E} is the fixture it needs (server, client)
 * @param expectation what the SDK must do with it
 * @param afterwards checks on the fixture once the expectation holds, e.g. that nothing was sent
 * @param <E> the fixture type
 */
public record HostileCase<E>(String category, String name, Call<E> call, Expectation expectation, Consumer<E> afterwards) {

  public static final int DEADLINE_SECONDS = 10;

  /** A case with nothing to check afterwards. */
  public static <E> HostileCase<E> of(String category, String name, Call<E> call, Expectation expectation) {
    return new HostileCase<>(category, name, call, expectation, fixture -> { });
  }

  /** This case, also checking {@code check} on the fixture once the expectation holds (e.g. what was sent). */
  public HostileCase<E> andThen(Consumer<E> check) {
    return new HostileCase<>(category, name, call, expectation, afterwards.andThen(check));
  }

  /** Feeds one hostile input to the SDK and returns what it decoded, if anything. */
  @FunctionalInterface
  public interface Call<E> {
    Object run(E fixture) throws Throwable;
  }

  /** What the SDK must make of a hostile input. */
  public sealed interface Expectation permits Tolerated, Refused {}

  /** The call completes; {@code check} inspects what it returned (what was tolerated). */
  public record Tolerated(Consumer<Object> check) implements Expectation {}

  /** The call throws {@code type} with a message containing {@code messagePart}, and {@code check} holds. */
  public record Refused(Class<? extends Throwable> type, String messagePart, Consumer<Throwable> check) implements Expectation {}

  public static Expectation tolerated(Consumer<Object> check) {
    return new Tolerated(check);
  }

  public static Expectation refused(Class<? extends Throwable> type, String messagePart) {
    return new Refused(type, messagePart, thrown -> { });
  }

  public static Expectation refused(Class<? extends Throwable> type, String messagePart, Consumer<Throwable> check) {
    return new Refused(type, messagePart, check);
  }

  @Override
  public String toString() {
    return category + ": " + name;
  }

  /**
   * Runs the case and asserts its expectation.
   *
   * @param secrets values that must not appear in any exception message (tokens, secrets)
   */
  public void assertHandled(E fixture, String... secrets) {
    AtomicReference<Object> result = new AtomicReference<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    assertTimeoutPreemptively(Duration.ofSeconds(DEADLINE_SECONDS), () -> {
      try {
        result.set(call.run(fixture));
      } catch (Throwable t) { // Errors included: they are what this corpus hunts for
        failure.set(t);
      }
    }, () -> this + " did not finish within " + DEADLINE_SECONDS + " s: the SDK hangs on it");

    Throwable thrown = failure.get();
    if (thrown == null) {
      if (expectation instanceof Refused r) {
        fail(this + ": expected a " + r.type().getSimpleName() + " but the call returned " + abbreviated(result.get()));
      }
      ((Tolerated) expectation).check().accept(result.get());
      afterwards.accept(fixture);
      return;
    }
    if (!isTyped(thrown, expectation)) {
      throw new AssertionError(this + ": the SDK let an untyped " + thrown.getClass().getName() + " escape", thrown);
    }
    if (expectation instanceof Tolerated) {
      throw new AssertionError(this + ": expected a tolerant decode but the call threw", thrown);
    }
    Refused refused = (Refused) expectation;
    assertThat(thrown).as(this.toString()).isInstanceOf(refused.type()).hasMessageContaining(refused.messagePart());
    refused.check().accept(thrown);
    for (String secret : secrets) {
      assertThat(messages(thrown)).as(this + ": exception messages must not carry a secret").doesNotContain(secret);
    }
    afterwards.accept(fixture);
  }

  private static boolean isTyped(Throwable t, Expectation expectation) {
    if (t instanceof GridcastException || t.getClass() == IllegalArgumentException.class
        || t.getClass().getName().startsWith("io.gridcast.")) {
      return true;
    }
    // a documented Objects.requireNonNull: only where the case asks for exactly that
    return t.getClass() == NullPointerException.class
        && expectation instanceof Refused r && r.type() == NullPointerException.class;
  }

  /** Every message and toString() in the cause and suppressed chains, joined. */
  private static String messages(Throwable t) {
    StringBuilder sb = new StringBuilder();
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    List<Throwable> todo = new ArrayList<>(List.of(t));
    while (!todo.isEmpty()) {
      Throwable next = todo.remove(todo.size() - 1);
      if (next == null || !seen.add(next)) {
        continue;
      }
      sb.append(next).append('\n');
      todo.add(next.getCause());
      todo.addAll(List.of(next.getSuppressed()));
    }
    return sb.toString();
  }

  private static String abbreviated(Object o) {
    String s = String.valueOf(o);
    return s.length() > 200 ? s.substring(0, 200) + "…" : s;
  }
}
