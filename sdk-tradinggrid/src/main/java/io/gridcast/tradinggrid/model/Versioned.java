package io.gridcast.tradinggrid.model;

/**
 * An Active Community resource that is updated with {@code If-Match} on its {@link #version()}:
 * an update sent with a stale version is refused with 412. See {@code
 * VersionedResourceApi.update(id, change)} for the one way Gridcast retries such an update.
 */
public interface Versioned {

  /** The resource's id. */
  String id();

  /** The resource's current version; every accepted update increases it. */
  long version();
}
