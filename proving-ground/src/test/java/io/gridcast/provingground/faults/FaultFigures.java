package io.gridcast.provingground.faults;

import io.gridcast.provingground.Figures;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The fault suite's figures: each test class of this package adds its own under a prefix, and
 * the whole set is written as the {@code faults} suite of {@link Figures} every time, so that
 * the file holds what every class that ran in this JVM measured.
 */
final class FaultFigures {

  private static final Map<String, Map<String, ?>> SECTIONS = new TreeMap<>();

  private FaultFigures() {}

  /** Adds (or replaces) the figures of {@code section} and writes all of them. */
  static synchronized void record(String section, Map<String, ?> figures) {
    SECTIONS.put(section, new LinkedHashMap<>(figures));
    Map<String, Object> all = new LinkedHashMap<>();
    SECTIONS.forEach((name, values) -> values.forEach((k, v) -> all.put(name + "." + k, v)));
    Figures.record("faults", all);
  }
}
