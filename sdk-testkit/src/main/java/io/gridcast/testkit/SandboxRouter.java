package io.gridcast.testkit;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Maps method + path template to {@link SandboxHandler}s.
 *
 * <p>Templates are literal segments and {@code {name}} placeholders, e.g. {@code
 * /v1/shows/{id}/episodes}; a placeholder matches exactly one non-empty segment, percent-decoded
 * after splitting (so an encoded {@code %2F} never splits a segment). Routes are tried in
 * registration order. A path that matches no template is a 404, a path that matches only with
 * another method is a 405; both are rendered in the server's error format.
 *
 * <p>Thread-safe: routes may be added while a server is running.
 *
 * <pre>{@code
 * SandboxRouter router = new SandboxRouter()
 *     .get("/v1/shows/{id}", req -> SandboxResponse.json(200, showJson(req.pathParam("id"))));
 * }</pre>
 */
public final class SandboxRouter {

  private final List<Route> routes = new CopyOnWriteArrayList<>();

  /** Adds a GET route. */
  public SandboxRouter get(String template, SandboxHandler handler) {
    return route("GET", template, handler);
  }

  /** Adds a POST route. */
  public SandboxRouter post(String template, SandboxHandler handler) {
    return route("POST", template, handler);
  }

  /** Adds a PUT route. */
  public SandboxRouter put(String template, SandboxHandler handler) {
    return route("PUT", template, handler);
  }

  /** Adds a PATCH route. */
  public SandboxRouter patch(String template, SandboxHandler handler) {
    return route("PATCH", template, handler);
  }

  /** Adds a DELETE route. */
  public SandboxRouter delete(String template, SandboxHandler handler) {
    return route("DELETE", template, handler);
  }

  /**
   * Adds a route.
   *
   * @param method HTTP method, any case
   * @param template path template starting with {@code /}
   * @throws IllegalArgumentException if the template does not start with {@code /} or has an
   *     empty placeholder name
   */
  public SandboxRouter route(String method, String template, SandboxHandler handler) {
    Objects.requireNonNull(handler, "handler");
    routes.add(new Route(method.toUpperCase(Locale.ROOT), template, compile(template), handler));
    return this;
  }

  /**
   * Finds the route for a request and runs its handler.
   *
   * @param rawPath the undecoded request path
   * @throws SandboxHttpException 404 or 405 when no route matches
   */
  SandboxResponse dispatch(SandboxRequest request, String rawPath) throws Exception {
    String[] segments = split(rawPath);
    boolean pathMatched = false;
    for (Route route : routes) {
      Map<String, String> params = route.match(segments);
      if (params == null) {
        continue;
      }
      pathMatched = true;
      if (route.method.equals(request.method())) {
        return route.handler.handle(request.withPathParams(params));
      }
    }
    if (pathMatched) {
      throw new SandboxHttpException(405, "Method not allowed");
    }
    throw SandboxHttpException.notFound("Service not found");
  }

  /** Every route as {@code METHOD template}, in registration order (for tests that cover them all). */
  List<String> templates() {
    List<String> out = new ArrayList<>();
    routes.forEach(r -> out.add(r.toString()));
    return out;
  }

  private static String[] compile(String template) {
    if (!template.startsWith("/")) {
      throw new IllegalArgumentException("template must start with '/': " + template);
    }
    String[] parts = split(template);
    for (String part : parts) {
      if (part.equals("{}")) {
        throw new IllegalArgumentException("empty placeholder in template: " + template);
      }
    }
    return parts;
  }

  private static String[] split(String path) {
    String trimmed = path.startsWith("/") ? path.substring(1) : path;
    if (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    return trimmed.isEmpty() ? new String[0] : trimmed.split("/", -1);
  }

  private static final class Route {
    final String method;
    final String template;
    final String[] parts;
    final SandboxHandler handler;

    Route(String method, String template, String[] parts, SandboxHandler handler) {
      this.method = method;
      this.template = template;
      this.parts = parts;
      this.handler = handler;
    }

    Map<String, String> match(String[] segments) {
      if (segments.length != parts.length) {
        return null;
      }
      Map<String, String> params = null;
      for (int i = 0; i < parts.length; i++) {
        String part = parts[i];
        if (part.startsWith("{") && part.endsWith("}")) {
          if (segments[i].isEmpty()) {
            return null;
          }
          if (params == null) {
            params = new LinkedHashMap<>();
          }
          params.put(part.substring(1, part.length() - 1), URLDecoder.decode(segments[i].replace("+", "%2B"), StandardCharsets.UTF_8));
        } else if (!part.equals(segments[i])) {
          return null;
        }
      }
      return params == null ? Map.of() : params;
    }

    @Override
    public String toString() {
      return method + " " + template;
    }
  }

  @Override
  public String toString() {
    return "SandboxRouter" + new ArrayList<>(routes);
  }
}
