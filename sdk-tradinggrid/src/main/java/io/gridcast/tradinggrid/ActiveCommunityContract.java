package io.gridcast.tradinggrid;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;

/**
 * Where Gridcast's OpenAPI 3.0.3 contract for OpenText Active Community lives.
 *
 * <p>OpenText publishes no public REST reference for Active Community, so Gridcast ships its own
 * contract inside this jar; the client, the sandbox and the contract tests all follow it. Use this
 * class to load it, e.g. for request validation in a test:
 *
 * <pre>{@code
 * URL spec = ActiveCommunityContract.openApiResource();
 * OpenApiInteractionValidator validator =
 *     OpenApiInteractionValidator.createForSpecificationUrl(spec.toString()).build();
 * }</pre>
 *
 * <p>All methods are static and thread-safe.
 */
public final class ActiveCommunityContract {

  /** The classpath location of the contract, without a leading slash (for {@link ClassLoader}). */
  public static final String RESOURCE_PATH =
      "io/gridcast/tradinggrid/active-community-openapi.yaml";

  /** The contract's {@code info.version}. */
  public static final String VERSION = "1.0.0";

  private ActiveCommunityContract() {}

  /**
   * Returns the URL of the contract on the classpath (a {@code jar:} or {@code file:} URL).
   *
   * @throws IllegalStateException if the resource is missing, which means the
   *     {@code sdk-tradinggrid} jar on the classpath is broken or repackaged without resources
   */
  public static URL openApiResource() {
    URL url = ActiveCommunityContract.class.getClassLoader().getResource(RESOURCE_PATH);
    if (url == null) {
      throw new IllegalStateException(
          "Active Community contract not found on the classpath at "
              + RESOURCE_PATH
              + ": make sure the sdk-tradinggrid jar is used unmodified");
    }
    return url;
  }

  /**
   * Opens a new stream over the contract's YAML; the caller closes it.
   *
   * @throws IOException if the resource cannot be read
   * @throws IllegalStateException if the resource is missing (see {@link #openApiResource()})
   */
  public static InputStream openStream() throws IOException {
    return openApiResource().openStream();
  }

  /**
   * Returns the contract's YAML text (UTF-8).
   *
   * @throws UncheckedIOException if the resource cannot be read
   * @throws IllegalStateException if the resource is missing (see {@link #openApiResource()})
   */
  public static String readOpenApi() {
    try (InputStream in = openStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the Active Community contract", e);
    }
  }
}
