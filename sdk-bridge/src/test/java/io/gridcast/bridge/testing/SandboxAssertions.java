package io.gridcast.bridge.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridcast.testkit.TradingGridResource;
import io.gridcast.testkit.TradingGridSandbox;
import java.util.Map;
import java.util.TreeMap;

/** Reads the Trading Grid sandbox's state the way assertions need it. */
public final class SandboxAssertions {

  private SandboxAssertions() {}

  /** How many posts carry each externalRef starting with {@code prefix}. */
  public static Map<String, Integer> postsByExternalRef(TradingGridSandbox sandbox, String prefix) {
    Map<String, Integer> counts = new TreeMap<>();
    for (JsonNode post : sandbox.resources(TradingGridResource.POSTS)) {
      String ref = post.path("externalRef").asText("");
      if (ref.startsWith(prefix)) {
        counts.merge(ref, 1, Integer::sum);
      }
    }
    return counts;
  }
}
