package io.gridcast.spotify;

import io.gridcast.testkit.SpotifyQuirk;
import io.gridcast.testkit.SpotifySandbox;
import java.util.Set;

/**
 * The two ways a {@link SpotifySandbox} answers, which every client test against the sandbox runs
 * in: strictly by Spotify's OpenAPI document (the sandbox's default), and with every {@linkplain
 * SpotifyQuirk quirk} of the live API. The client must decode both.
 */
public enum SandboxMode {
  /** Only what the document accepts; requests and responses are both held to it. */
  STRICT(SpotifyQuirk.NONE),
  /** As the live API answers, nulls and older payloads included; only requests are held to the document. */
  REAL_WORLD(SpotifyQuirk.REAL_WORLD);

  private final Set<SpotifyQuirk> quirks;

  SandboxMode(Set<SpotifyQuirk> quirks) {
    this.quirks = quirks;
  }

  /** A sandbox builder answering in this mode. */
  public SpotifySandbox.Builder sandbox() {
    return SpotifySandbox.builder().quirks(quirks);
  }

  public boolean strict() {
    return quirks.isEmpty();
  }

  /** A validator judging what the document can judge in this mode. */
  public ContractValidatingInterceptor contract() {
    return strict() ? ContractValidatingInterceptor.requestsAndResponses() : ContractValidatingInterceptor.requestsOnly();
  }
}
