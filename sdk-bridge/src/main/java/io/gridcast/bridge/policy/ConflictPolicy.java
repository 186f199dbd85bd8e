package io.gridcast.bridge.policy;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Settles a field edited on both sides of a two-way flow since the last sync (a campaign's
 * milestone date changed in Trading Grid while its playlist name changed on Spotify, say).
 * Every settled conflict is reported by the flow, never silently overwritten.
 *
 * <p>Built-ins: {@link #sourceOfTruth} per field (with a default side), {@link #lastWriterWins}
 * by modification time (ties go to Trading Grid, where people edit by hand). Implementations
 * must be pure and thread-safe.
 */
@FunctionalInterface
public interface ConflictPolicy {

  /** The two platforms of a two-way flow. */
  enum Side {
    SPOTIFY,
    TRADING_GRID
  }

  /**
   * A field whose value differs on both sides, each changed since the last sync.
   *
   * @param spotifyChangedAt when the Spotify side last changed, or {@code null} if unknown
   * @param tradingGridChangedAt when the Trading Grid side last changed, or {@code null} if unknown
   */
  record Conflict(String field, String spotifyValue, Instant spotifyChangedAt,
      String tradingGridValue, Instant tradingGridChangedAt) {
    public Conflict {
      Objects.requireNonNull(field, "field");
    }
  }

  /** Which side won, the value to write to both, and why (for the report). */
  record Resolution(Side winner, String value, String reason) {}

  Resolution resolve(Conflict conflict);

  /** A fixed source of truth per field; fields not listed go to {@code otherwise}. */
  static ConflictPolicy sourceOfTruth(Map<String, Side> perField, Side otherwise) {
    Map<String, Side> copy = Map.copyOf(perField);
    Objects.requireNonNull(otherwise, "otherwise");
    return c -> {
      Side side = copy.getOrDefault(c.field(), otherwise);
      return new Resolution(side, side == Side.SPOTIFY ? c.spotifyValue() : c.tradingGridValue(),
          c.field() + " is owned by " + side + (copy.containsKey(c.field()) ? "" : " (default)"));
    };
  }

  /** The side changed most recently wins; an unknown time loses; ties go to Trading Grid. */
  static ConflictPolicy lastWriterWins() {
    return c -> {
      Instant s = c.spotifyChangedAt();
      Instant t = c.tradingGridChangedAt();
      boolean spotify = s != null && (t == null || s.isAfter(t));
      Side side = spotify ? Side.SPOTIFY : Side.TRADING_GRID;
      return new Resolution(side, spotify ? c.spotifyValue() : c.tradingGridValue(),
          c.field() + ": last writer wins (" + side + " at " + (spotify ? s : t) + ")");
    };
  }
}
