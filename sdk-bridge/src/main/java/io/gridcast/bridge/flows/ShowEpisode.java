package io.gridcast.bridge.flows;

import io.gridcast.spotify.model.SimplifiedEpisode;
import java.util.Objects;

/**
 * An episode together with the show it belongs to, as the Spotify-to-Trading-Grid flows read
 * them. Immutable.
 *
 * @param showId the show's Spotify id
 * @param showName the show's name
 * @param episode the episode
 */
public record ShowEpisode(String showId, String showName, SimplifiedEpisode episode) {

  public ShowEpisode {
    Objects.requireNonNull(showId, "showId");
    Objects.requireNonNull(showName, "showName");
    Objects.requireNonNull(episode, "episode");
  }

  /** The stable source key: the episode's Spotify URI. */
  public String key() {
    return "spotify:episode:" + episode.id();
  }
}
