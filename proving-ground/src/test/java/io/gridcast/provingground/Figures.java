package io.gridcast.provingground;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The figures a suite measured, for RELIABILITY.md: written to {@code
 * target/proving-ground/figures/<suite>.txt} as {@code name = value} lines (and echoed to the
 * test output), so that the latest run's numbers can be copied from one place.
 */
public final class Figures {

  private static final Path DIR = Path.of("target", "proving-ground", "figures");

  private Figures() {}

  /** Records {@code figures} (in their iteration order) under {@code suite}, replacing earlier ones. */
  public static void record(String suite, Map<String, ?> figures) {
    String text = figures.entrySet().stream().map(e -> e.getKey() + " = " + e.getValue())
        .collect(Collectors.joining("\n", "", "\n"));
    try {
      Files.createDirectories(DIR);
      Files.writeString(DIR.resolve(suite + ".txt"), text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    System.out.println("[figures] " + suite + "\n" + text);
  }
}
