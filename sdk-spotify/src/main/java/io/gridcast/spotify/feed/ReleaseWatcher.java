package io.gridcast.spotify.feed;

import io.gridcast.core.errors.RateLimitedException;
import io.gridcast.core.errors.ServerException;
import io.gridcast.core.errors.TransportException;
import io.gridcast.core.paging.Paginator;
import io.gridcast.spotify.Market;
import io.gridcast.spotify.SpotifyClient;
import io.gridcast.spotify.model.SimplifiedEpisode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits until Spotify has ingested a feed item: polls a show's episodes until the episode made
 * of a {@link FeedItem} appears, with backoff and a deadline. Spotify's Web API cannot publish
 * podcast audio; Gridcast publishes through the show's RSS feed ({@link FeedSink}), and this
 * waiter tells you when, and as which episode, Spotify picked it up.
 *
 * <pre>{@code
 * feedSink.upsert(item);
 * ReleaseWatcher watcher = ReleaseWatcher.builder(spotify).deadline(Duration.ofMinutes(30)).build();
 * SimplifiedEpisode episode = watcher.await(showId, item);         // or awaitAsync(...)
 * SpotifyUri uri = SpotifyUri.parse(episode.uri());
 * }</pre>
 *
 * <p>Each poll reads the show's episodes newest first and stops at the first episode released
 * entirely before the item's release window (its {@code pubDate} as a UTC date, minus one day),
 * so a poll usually costs one request. The {@link EpisodeMatcher} decides which episode is the
 * item's. Between polls the watcher sleeps {@code initialDelay}, then each time {@code
 * multiplier} times longer, at most {@code maxDelay}, and never past the deadline; one last poll
 * happens at the deadline. Transient failures of a poll ({@link TransportException}, {@link
 * ServerException}, {@link RateLimitedException}, after the client's own retries) are logged and
 * the show is polled again at the next step, waiting at least what a {@code Retry-After} asked;
 * every other error propagates.
 *
 * <p>Defaults: initial delay 2 s, multiplier 1.5, max delay 30 s, deadline 15 min, {@link
 * EpisodeMatcher#byTitleAndReleaseDate()}, the client's default market, the system UTC clock,
 * {@link Sleeper#SYSTEM}, and for {@link #awaitAsync} a new daemon thread per wait. Immutable and
 * thread-safe; one watcher can serve many concurrent waits.
 */
public final class ReleaseWatcher {

  private static final Logger LOG = LoggerFactory.getLogger(ReleaseWatcher.class);

  /**
   * Waits between polls. The default is {@link #SYSTEM}; tests inject one that advances a fake
   * clock instead of waiting.
   */
  @FunctionalInterface
  public interface Sleeper {

    /** Sleeps on the current thread ({@link Thread#sleep(long, int)}). */
    Sleeper SYSTEM = d -> Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);

    /**
     * Returns after {@code duration} has passed.
     *
     * @throws InterruptedException if the thread was interrupted while waiting
     */
    void sleep(Duration duration) throws InterruptedException;
  }

  private static final Executor THREAD_PER_WAIT = task -> {
    Thread t = new Thread(task, "gridcast-release-watcher");
    t.setDaemon(true);
    t.start();
  };

  private final SpotifyClient client;
  private final Duration initialDelay;
  private final double multiplier;
  private final Duration maxDelay;
  private final Duration deadline;
  private final EpisodeMatcher matcher;
  private final Market market;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Executor executor;

  private ReleaseWatcher(Builder b) {
    this.client = b.client;
    this.initialDelay = b.initialDelay;
    this.multiplier = b.multiplier;
    this.maxDelay = b.maxDelay;
    this.deadline = b.deadline;
    this.matcher = b.matcher;
    this.market = b.market;
    this.clock = b.clock;
    this.sleeper = b.sleeper;
    this.executor = b.executor;
  }

  /** A builder for a watcher that polls through {@code client}; see the class for defaults. */
  public static Builder builder(SpotifyClient client) {
    return new Builder(Objects.requireNonNull(client, "client"));
  }

  /**
   * Polls until the episode made of {@code item} appears on the show, and returns it.
   *
   * @param showId the show whose feed carries the item: a bare id, a {@code spotify:show:} URI or
   *     an open.spotify.com link
   * @throws ReleaseTimeoutException if it did not appear before the deadline
   * @throws IllegalArgumentException if {@code showId} is not a show id (before any request)
   * @throws io.gridcast.core.errors.GridcastException other than the transient ones, e.g.
   *     {@code NotFoundException} for an unknown show, as the first poll that meets it raises it
   * @throws InterruptedException if the thread was interrupted while waiting between polls
   */
  public SimplifiedEpisode await(String showId, FeedItem item) throws InterruptedException {
    Objects.requireNonNull(item, "item");
    Paginator<SimplifiedEpisode> episodes = client.shows().episodes(showId, market); // validates the id
    return poll(showId, item, episodes, () -> false);
  }

  /**
   * {@link #await} on the watcher's executor. The future completes with the episode, or
   * exceptionally with the same exceptions (an interruption as {@link CompletionException} around
   * {@link InterruptedException}). Cancelling the future stops the polling at its next step.
   *
   * @throws IllegalArgumentException if {@code showId} is not a show id (at once, not in the future)
   */
  public CompletableFuture<SimplifiedEpisode> awaitAsync(String showId, FeedItem item) {
    Objects.requireNonNull(item, "item");
    Paginator<SimplifiedEpisode> episodes = client.shows().episodes(showId, market);
    CompletableFuture<SimplifiedEpisode> future = new CompletableFuture<>();
    try {
      executor.execute(() -> {
        try {
          future.complete(poll(showId, item, episodes, future::isDone));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          future.completeExceptionally(new CompletionException(e));
        } catch (RuntimeException | Error e) {
          future.completeExceptionally(e);
        }
      });
    } catch (RejectedExecutionException e) {
      future.completeExceptionally(e);
    }
    return future;
  }

  private SimplifiedEpisode poll(String showId, FeedItem item, Paginator<SimplifiedEpisode> episodes,
      BooleanSupplier cancelled) throws InterruptedException {
    Instant start = clock.instant();
    Duration delay = initialDelay;
    int attempts = 0;
    while (!cancelled.getAsBoolean()) {
      attempts++;
      Duration atLeast = Duration.ZERO;
      try {
        Optional<SimplifiedEpisode> found = scan(episodes, item);
        if (found.isPresent()) {
          LOG.info("feed item {} appeared on show {} as {} after {} poll(s)", item.guid(), showId,
              found.get().uri(), attempts);
          return found.get();
        }
        LOG.debug("feed item {} not yet on show {} (poll {})", item.guid(), showId, attempts);
      } catch (TransportException | ServerException | RateLimitedException e) {
        LOG.warn("polling show {} for feed item {} failed (poll {}); polling again: {}", showId, item.guid(),
            attempts, e.getMessage());
        if (e instanceof RateLimitedException) {
          atLeast = ((RateLimitedException) e).retryAfter().orElse(Duration.ZERO);
        }
      }
      Duration elapsed = Duration.between(start, clock.instant());
      Duration remaining = deadline.minus(elapsed);
      if (remaining.isNegative() || remaining.isZero()) {
        throw new ReleaseTimeoutException(showId, item.guid(), attempts, elapsed);
      }
      Duration wait = delay.compareTo(atLeast) >= 0 ? delay : atLeast;
      sleeper.sleep(wait.compareTo(remaining) <= 0 ? wait : remaining);
      delay = next(delay);
    }
    throw new CancellationException("waiting for feed item " + item.guid() + " was cancelled");
  }

  /** Newest first; stops at the first episode released wholly before the item's window. */
  private Optional<SimplifiedEpisode> scan(Paginator<SimplifiedEpisode> episodes, FeedItem item) {
    for (SimplifiedEpisode episode : episodes) {
      if (ReleaseDays.beforeWindow(episode.releaseDate(), item)) {
        return Optional.empty();
      }
      if (matcher.matches(item, episode)) {
        return Optional.of(episode);
      }
    }
    return Optional.empty();
  }

  private Duration next(Duration delay) {
    double nanos = delay.toNanos() * multiplier;
    return nanos >= maxDelay.toNanos() ? maxDelay : Duration.ofNanos((long) nanos);
  }

  @Override
  public String toString() {
    return "ReleaseWatcher{initialDelay=" + initialDelay + ", multiplier=" + multiplier + ", maxDelay=" + maxDelay
        + ", deadline=" + deadline + ", matcher=" + matcher + '}';
  }

  /**
   * Configures a {@link ReleaseWatcher}. Defaults: {@code initialDelay} 2 s, {@code multiplier}
   * 1.5, {@code maxDelay} 30 s, {@code deadline} 15 minutes, {@link
   * EpisodeMatcher#byTitleAndReleaseDate()}, the client's default market, {@link
   * Clock#systemUTC()}, {@link Sleeper#SYSTEM}, a new daemon thread per {@code awaitAsync}. Not
   * thread-safe.
   */
  public static final class Builder {
    private final SpotifyClient client;
    private Duration initialDelay = Duration.ofSeconds(2);
    private double multiplier = 1.5;
    private Duration maxDelay = Duration.ofSeconds(30);
    private Duration deadline = Duration.ofMinutes(15);
    private EpisodeMatcher matcher = EpisodeMatcher.byTitleAndReleaseDate();
    private Market market;
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.SYSTEM;
    private Executor executor = THREAD_PER_WAIT;

    private Builder(SpotifyClient client) {
      this.client = client;
    }

    /** The wait after the first poll; default 2 s. @throws IllegalArgumentException unless positive */
    public Builder initialDelay(Duration initialDelay) {
      this.initialDelay = positive(initialDelay, "initialDelay");
      return this;
    }

    /** How much longer each further wait is; default 1.5. @throws IllegalArgumentException if below 1 */
    public Builder multiplier(double multiplier) {
      if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
        throw new IllegalArgumentException("multiplier must be 1 or more, was " + multiplier);
      }
      this.multiplier = multiplier;
      return this;
    }

    /** The longest wait between polls; default 30 s. @throws IllegalArgumentException unless positive */
    public Builder maxDelay(Duration maxDelay) {
      this.maxDelay = positive(maxDelay, "maxDelay");
      return this;
    }

    /**
     * How long to wait in total, measured from the first poll; default 15 minutes.
     *
     * @throws IllegalArgumentException unless positive
     */
    public Builder deadline(Duration deadline) {
      this.deadline = positive(deadline, "deadline");
      return this;
    }

    /** Which episode is the item's; default {@link EpisodeMatcher#byTitleAndReleaseDate()}. */
    public Builder matcher(EpisodeMatcher matcher) {
      this.matcher = Objects.requireNonNull(matcher, "matcher");
      return this;
    }

    /** The market to read the show in; default {@code null}, the client's default market. */
    public Builder market(Market market) {
      this.market = market;
      return this;
    }

    /** The clock the deadline is measured on; default {@link Clock#systemUTC()}. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** How to wait between polls; default {@link Sleeper#SYSTEM}. */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /** Where {@link ReleaseWatcher#awaitAsync} polls; default a new daemon thread per wait. */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /** @throws IllegalArgumentException if {@code maxDelay} is shorter than {@code initialDelay} */
    public ReleaseWatcher build() {
      if (maxDelay.compareTo(initialDelay) < 0) {
        throw new IllegalArgumentException("maxDelay (" + maxDelay + ") must not be shorter than initialDelay ("
            + initialDelay + ")");
      }
      return new ReleaseWatcher(this);
    }

    private static Duration positive(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, was " + d);
      }
      return d;
    }
  }
}
