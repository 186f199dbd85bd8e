package io.gridcast.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fast loopback HTTP server for sandboxes, on the JDK's {@code com.sun.net.httpserver}.
 *
 * <p>Binds to {@code 127.0.0.1} unless {@linkplain Builder#bind(InetAddress) told otherwise},
 * answers through a {@link SandboxRouter}, keeps HTTP/1.1 connections alive, runs handlers on a
 * fixed pool of daemon threads and applies a {@link FaultProfile} that can be swapped while
 * running. Every response carries an exact {@code Content-Length}.
 *
 * <p><b>Why TCP_NODELAY matters.</b> The JDK server writes headers and body separately; with
 * Nagle's algorithm on, the second write waits for the client's delayed ACK and every response
 * stalls about 40 ms. The JDK sets {@code TCP_NODELAY} only when the system property {@code
 * sun.net.httpserver.nodelay} is {@code true} at the moment its configuration class initialises,
 * so this class sets the property in its static initialiser unless the JVM already set it. Load
 * this class (or start any sandbox) before anything else in the JVM creates a JDK {@code
 * HttpServer}; otherwise the server still works, but slowly.
 *
 * <p>Thread-safe. Requests are logged at debug level (method, path without query, status,
 * duration); control characters in the path (a decoded {@code %0D%0A}) are logged escaped, as
 * {@code \}{@code u000d}; headers and bodies are never logged.
 *
 * <pre>{@code
 * try (SandboxServer server = SandboxServer.builder()
 *     .name("my-sandbox")
 *     .router(new SandboxRouter().get("/ping", req -> SandboxResponse.text(200, "pong")))
 *     .start()) {
 *   URI base = server.baseUri(); // http://127.0.0.1:<ephemeral port>
 * }
 * }</pre>
 */
public final class SandboxServer implements AutoCloseable {

  /** The JDK system property that switches TCP_NODELAY on for {@code com.sun.net.httpserver}. */
  public static final String NODELAY_PROPERTY = "sun.net.httpserver.nodelay";

  static {
    if (System.getProperty(NODELAY_PROPERTY) == null) {
      System.setProperty(NODELAY_PROPERTY, "true");
    }
  }

  private static final Logger log = LoggerFactory.getLogger(SandboxServer.class);

  private final String name;
  private final HttpServer server;
  private final ExecutorService executor;
  private final SandboxRouter router;
  private final SandboxErrorFormat errorFormat;
  private final FaultInjector faults = new FaultInjector();
  private final int maxRequestBodyBytes;
  private final URI baseUri;
  private volatile Consumer<SandboxExchange> observer;

  private SandboxServer(Builder b) throws IOException {
    this.name = b.name;
    this.router = Objects.requireNonNull(b.router, "router is missing: call router(...) before start()");
    this.errorFormat = b.errorFormat;
    this.maxRequestBodyBytes = b.maxRequestBodyBytes;
    this.faults.apply(b.faults);
    var threadCount = new AtomicInteger();
    this.executor = new ThreadPoolExecutor(b.threads, b.threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
      Thread t = new Thread(r, "sandbox-" + name + "-" + threadCount.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    this.server = HttpServer.create(new InetSocketAddress(b.bind, b.port), b.backlog);
    this.server.createContext("/", this::handle);
    this.server.setExecutor(executor);
    this.server.start();
    this.baseUri = URI.create("http://" + host(b.bind) + ":" + server.getAddress().getPort());
    log.debug("sandbox '{}' listening on {}", name, baseUri);
  }

  /** A builder; see {@link Builder} for defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Whether TCP_NODELAY is requested for JDK HTTP servers in this JVM. */
  public static boolean noDelayEnabled() {
    return Boolean.parseBoolean(System.getProperty(NODELAY_PROPERTY));
  }

  /**
   * The server's base URI without a trailing slash, e.g. {@code http://127.0.0.1:41234}: on the
   * bound address, or on loopback when bound to every interface ({@code 0.0.0.0} or {@code ::}).
   */
  public URI baseUri() {
    return baseUri;
  }

  /** The bound port. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** The router answering requests; routes may be added while running. */
  public SandboxRouter router() {
    return router;
  }

  /** Replaces the fault profile; the fault sequence restarts at request 0. */
  public void faults(FaultProfile profile) {
    faults.apply(Objects.requireNonNull(profile, "profile"));
    log.debug("sandbox '{}' fault profile now {}", name, profile);
  }

  /** The fault profile in force. */
  public FaultProfile faults() {
    return faults.profile();
  }

  /**
   * Reports every exchange from now on to {@code observer}, on the handling thread after the
   * answer was sent ({@code null} stops reporting). The observer must be thread-safe and quick;
   * what it throws is logged and otherwise ignored.
   */
  public void observer(Consumer<SandboxExchange> observer) {
    this.observer = observer;
  }

  /** Stops accepting requests, closes connections and stops the worker threads. Idempotent. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    log.debug("sandbox '{}' stopped", name);
  }

  private void handle(HttpExchange exchange) {
    long started = System.nanoTime();
    String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
    String rawPath = exchange.getRequestURI().getRawPath();
    // decoded, so it may hold CR, LF or other controls (%0D%0A): escaped before it reaches a log line
    String path = loggable(exchange.getRequestURI().getPath());
    int status = 0;
    FaultInjector.Decision decision = FaultInjector.Decision.CLEAN;
    try {
      decision = faults.next(path);
      if (decision.latencyMillis() > 0) {
        Thread.sleep(decision.latencyMillis());
      }
      if (decision.kind() == FaultInjector.Kind.RESET) {
        // Closing before sendResponseHeaders makes the JDK drop the connection: the client
        // sees the stream end without a status line.
        exchange.close();
        log.debug("{} {} -> connection reset (injected)", method, path);
        return;
      }
      SandboxResponse response = respond(exchange, method, rawPath, decision);
      status = response.status();
      send(exchange, method, response);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      exchange.close();
    } catch (IOException | UncheckedIOException e) {
      log.debug("{} {} -> client went away: {}", method, path, e.toString());
      status = 0;
      exchange.close();
    } catch (RuntimeException e) {
      log.warn("{} {} failed while sending the response", method, path, e);
      exchange.close();
    } finally {
      if (log.isDebugEnabled() && status != 0) {
        log.debug("{} {} -> {} in {} us", method, path, status, (System.nanoTime() - started) / 1000);
      }
      report(exchange, method, path, decision, status, started);
    }
  }

  private void report(HttpExchange exchange, String method, String path, FaultInjector.Decision decision, int status,
      long started) {
    Consumer<SandboxExchange> o = observer;
    if (o == null) {
      return;
    }
    try {
      var headers = new LinkedHashMap<String, String>();
      exchange.getRequestHeaders().forEach((k, v) -> {
        if (!v.isEmpty()) {
          headers.put(k.toLowerCase(Locale.ROOT), v.get(0));
        }
      });
      String query = exchange.getRequestURI().getRawQuery();
      boolean rateLimited = decision.kind() == FaultInjector.Kind.RATE_LIMIT;
      o.accept(new SandboxExchange(name, method, path, query == null ? "" : query, headers,
          SandboxExchange.Fault.valueOf(decision.kind().name()),
          status, rateLimited ? faults.profile().retryAfterSeconds() : -1, decision.latencyMillis(), started,
          System.nanoTime()));
    } catch (RuntimeException e) {
      log.warn("sandbox '{}' observer failed on {} {}", name, method, path, e);
    }
  }

  private SandboxResponse respond(HttpExchange exchange, String method, String rawPath, FaultInjector.Decision decision)
      throws IOException {
    switch (decision.kind()) {
      case SERVER_ERROR:
        drain(exchange);
        return errorFormat.render(decision.status(), decision.status() == 503 ? "Service unavailable" : "Server error");
      case RATE_LIMIT:
        drain(exchange);
        return errorFormat.render(429, "API rate limit exceeded")
            .withHeader("Retry-After", Integer.toString(faults.profile().retryAfterSeconds()));
      default:
        break;
    }
    SandboxResponse response;
    try {
      SandboxRequest request = read(exchange, method);
      response = router.dispatch(request, rawPath);
    } catch (SandboxHttpException e) {
      response = e.response().orElseGet(() -> errorFormat.render(e.status(), e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      response = errorFormat.render(503, "Service unavailable");
    } catch (IOException e) {
      throw e;
    } catch (Exception e) {
      log.warn("{} {} handler failed", method, loggable(exchange.getRequestURI().getPath()), e);
      response = errorFormat.render(500, "Server error");
    }
    if (decision.kind() == FaultInjector.Kind.MALFORMED && response.isJson() && response.bodyUnsafe().length > 1) {
      response = response.truncated();
    }
    return response;
  }

  private SandboxRequest read(HttpExchange exchange, String method) throws IOException {
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readNBytes(maxRequestBodyBytes + 1);
    }
    if (body.length > maxRequestBodyBytes) {
      throw new SandboxHttpException(413, "Request entity too large");
    }
    var headers = new LinkedHashMap<String, String>();
    for (Map.Entry<String, List<String>> h : exchange.getRequestHeaders().entrySet()) {
      if (!h.getValue().isEmpty()) {
        headers.put(h.getKey().toLowerCase(Locale.ROOT), h.getValue().get(0));
      }
    }
    URI uri = exchange.getRequestURI();
    return new SandboxRequest(method, uri.getPath(), SandboxRequest.parseUrlEncoded(uri.getRawQuery()), headers, body,
        baseUri, Map.of());
  }

  private static void drain(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      in.transferTo(OutputStream.nullOutputStream());
    }
  }

  private static void send(HttpExchange exchange, String method, SandboxResponse response) throws IOException {
    response.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
    byte[] body = response.bodyUnsafe();
    boolean noBody = body.length == 0 || method.equals("HEAD") || response.status() == 204 || response.status() == 304;
    exchange.sendResponseHeaders(response.status(), noBody ? -1 : body.length);
    if (!noBody) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
    exchange.close();
  }

  /** The host of a URI reaching a server bound to {@code bound}: loopback for a wildcard bind, IPv6 in brackets. */
  static String host(InetAddress bound) {
    if (bound.isAnyLocalAddress()) {
      return "127.0.0.1";
    }
    String address = bound.getHostAddress();
    return bound instanceof Inet6Address ? "[" + address.replace("%", "%25") + "]" : address;
  }

  /**
   * {@code text} for one log line: controls (C0, DEL, C1), line and paragraph separators and
   * bidirectional overrides escaped as {@code \}{@code uXXXX}, a backslash doubled, clipped to 500
   * characters.
   */
  static String loggable(String text) {
    if (text == null) {
      return "null";
    }
    int max = 500;
    StringBuilder sb = new StringBuilder(Math.min(text.length(), max) + 16);
    for (int i = 0; i < text.length() && i < max; i++) {
      char c = text.charAt(i);
      if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029 || (c >= 0x202a && c <= 0x202e)
          || (c >= 0x2066 && c <= 0x2069)) {
        sb.append(String.format("\\u%04x", (int) c));
      } else if (c == '\\') {
        sb.append("\\\\");
      } else {
        sb.append(c);
      }
    }
    if (text.length() > max) {
      sb.append("... (").append(text.length()).append(" characters)");
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return "SandboxServer{" + name + " at " + baseUri + "}";
  }

  /**
   * Configures and starts a {@link SandboxServer}. Defaults: name {@code sandbox}, bound to
   * loopback ({@code 127.0.0.1}), port 0 (ephemeral), {@code max(8, 4 × processors)} worker threads, backlog 128, error format {@link
   * SandboxErrorFormat#STATUS_AND_MESSAGE}, no faults, request bodies up to 8 MiB (larger ones get
   * 413). A router is required. Not thread-safe.
   */
  public static final class Builder {
    private String name = "sandbox";
    private InetAddress bind = InetAddress.getLoopbackAddress();
    private int port;
    private int threads = Math.max(8, 4 * Runtime.getRuntime().availableProcessors());
    private int backlog = 128;
    private SandboxRouter router;
    private SandboxErrorFormat errorFormat = SandboxErrorFormat.STATUS_AND_MESSAGE;
    private FaultProfile faults = FaultProfile.none();
    private int maxRequestBodyBytes = 8 * 1024 * 1024;

    private Builder() {}

    /** A short name used in thread names and logs. */
    public Builder name(String name) {
      this.name = Objects.requireNonNull(name, "name");
      return this;
    }

    /**
     * The address to listen on. Default loopback ({@code 127.0.0.1}): only this machine can
     * connect. {@code 0.0.0.0} listens on every interface, for a sandbox in a container or on
     * another machine; the sandboxes speak plain HTTP with published test credentials, so do
     * that only on a network you trust.
     */
    public Builder bind(InetAddress address) {
      this.bind = Objects.requireNonNull(address, "address");
      return this;
    }

    /**
     * The port to bind; 0 picks a free ephemeral port.
     *
     * @throws IllegalArgumentException if outside 0–65535
     */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be 0-65535, was " + port);
      }
      this.port = port;
      return this;
    }

    /**
     * Worker threads running handlers (injected latency occupies one while it sleeps).
     *
     * @throws IllegalArgumentException if less than 1
     */
    public Builder threads(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be >= 1, was " + threads);
      }
      this.threads = threads;
      return this;
    }

    /** TCP accept backlog. */
    public Builder backlog(int backlog) {
      this.backlog = backlog;
      return this;
    }

    /** The routes to answer; required. */
    public Builder router(SandboxRouter router) {
      this.router = Objects.requireNonNull(router, "router");
      return this;
    }

    /** How errors (404, 405, 413, injected faults, {@link SandboxHttpException}) are rendered. */
    public Builder errorFormat(SandboxErrorFormat errorFormat) {
      this.errorFormat = Objects.requireNonNull(errorFormat, "errorFormat");
      return this;
    }

    /** The initial fault profile. */
    public Builder faults(FaultProfile faults) {
      this.faults = Objects.requireNonNull(faults, "faults");
      return this;
    }

    /**
     * Largest accepted request body in bytes.
     *
     * @throws IllegalArgumentException if less than 0
     */
    public Builder maxRequestBodyBytes(int bytes) {
      if (bytes < 0) {
        throw new IllegalArgumentException("maxRequestBodyBytes must be >= 0, was " + bytes);
      }
      this.maxRequestBodyBytes = bytes;
      return this;
    }

    /**
     * Binds and starts the server.
     *
     * @throws UncheckedIOException if the port cannot be bound
     */
    public SandboxServer start() {
      try {
        return new SandboxServer(this);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start sandbox '" + name + "' on " + host(bind) + ":" + port + ": " + e.getMessage(), e);
      }
    }
  }
}
