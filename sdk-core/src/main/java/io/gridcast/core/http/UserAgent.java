package io.gridcast.core.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The default {@code User-Agent}: {@code gridcast/<sdk version> java/<java version>}. */
public final class UserAgent {

  /** Gridcast's version as built, or {@code unknown} when run from unpackaged classes. */
  public static final String GRIDCAST_VERSION = readVersion();

  /** {@code gridcast/<version> java/<java.version>}. */
  public static final String DEFAULT =
      "gridcast/" + GRIDCAST_VERSION + " java/" + System.getProperty("java.version", "unknown");

  private UserAgent() {}

  private static String readVersion() {
    try (InputStream in = UserAgent.class.getResourceAsStream("/io/gridcast/core/gridcast-version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      String v = p.getProperty("version", "unknown");
      return v.startsWith("${") ? "unknown" : v;
    } catch (IOException e) {
      return "unknown";
    }
  }
}
