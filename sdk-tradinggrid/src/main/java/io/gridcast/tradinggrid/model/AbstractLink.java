package io.gridcast.tradinggrid.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.gridcast.core.GridcastStyle;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A link on a post or an issue, e.g. {@code rel=listen} to a Spotify episode.
 */
@Value.Immutable
@GridcastStyle
@JsonSerialize(as = Link.class)
@JsonDeserialize(as = Link.class)
abstract class AbstractLink {

  /** What the link is, e.g. {@code listen}, {@code audio_update}, {@code playlist}. */
  public abstract String rel();

  /** The link text, if any. */
  public abstract Optional<String> title();

  /** The absolute URL. */
  public abstract String url();

  /** Returns a link without a title. */
  public static Link of(String rel, String url) {
    return Link.builder().rel(rel).url(url).build();
  }
}
