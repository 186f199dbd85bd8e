package io.gridcast.provingground.faults;

import java.io.IOException;
import java.util.Collections;
import java.util.Map;
import java.util.OptionalLong;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.Call;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Tags every attempt a client sends, so that a sandbox observer can tell which call a request
 * belongs to and the suite can tell when the client had an answer in hand:
 *
 * <ul>
 *   <li>{@value #CALL} is the same on every attempt of one logical call (the client's resilience
 *       interceptor re-sends through the same OkHttp {@link Call}), so a retry of a call is told
 *       apart from another call that sends the very same request, e.g. from another thread or the
 *       next run;
 *   <li>{@value #ATTEMPT} names one attempt; {@link #answeredAt(String)} is the {@link
 *       System#nanoTime()} at which the client had that attempt's answer, taken before the
 *       client's retry logic saw it.
 * </ul>
 *
 * <p>Installed as a network interceptor (inside the client's retry loop). Thread-safe.
 */
final class CallTags implements Interceptor {

  /** The request header carrying the call's tag (lower case, as sandbox observers report it). */
  static final String CALL = "x-proving-call";
  /** The request header carrying the attempt's tag. */
  static final String ATTEMPT = "x-proving-attempt";

  private final String prefix;
  private final AtomicLong next = new AtomicLong();
  // identity-keyed (OkHttp's calls do not override equals) and weak, so finished calls go away
  private final Map<Call, CallTag> calls = Collections.synchronizedMap(new WeakHashMap<>());
  private final Map<String, Long> answered = new ConcurrentHashMap<>();

  private record CallTag(String tag, AtomicInteger attempts) {}

  /** @param prefix tells the tags of different clients apart, e.g. {@code spotify} */
  CallTags(String prefix) {
    this.prefix = prefix;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    CallTag call = calls.computeIfAbsent(chain.call(), c -> new CallTag(prefix + "-" + next.incrementAndGet(), new AtomicInteger()));
    String attempt = call.tag() + "#" + call.attempts().incrementAndGet();
    Response response = chain.proceed(chain.request().newBuilder().header(CALL, call.tag()).header(ATTEMPT, attempt).build());
    answered.put(attempt, System.nanoTime());
    return response;
  }

  /** When the client had the answer to {@code attempt}; empty if it never had one (reset, timeout). */
  OptionalLong answeredAt(String attempt) {
    Long at = answered.get(attempt);
    return at == null ? OptionalLong.empty() : OptionalLong.of(at);
  }
}
