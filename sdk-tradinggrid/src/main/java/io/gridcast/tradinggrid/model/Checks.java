package io.gridcast.tradinggrid.model;

/** Fail-fast checks shared by the request bodies. */
final class Checks {

  private Checks() {}

  /** Refuses the {@code UNKNOWN} constant, which only exists to decode values from the future. */
  static void known(Enum<?> value, String field) {
    if (value.name().equals("UNKNOWN")) {
      throw new IllegalArgumentException(
          field
              + " is UNKNOWN: choose one of the "
              + value.getDeclaringClass().getSimpleName()
              + " values this SDK knows");
    }
  }
}
