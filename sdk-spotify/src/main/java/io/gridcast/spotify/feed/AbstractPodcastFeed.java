package io.gridcast.spotify.feed;

import io.gridcast.core.GridcastStyle;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A podcast feed: the show's channel metadata and its items, as {@link FeedWriter} writes it.
 *
 * <p>The channel carries what Spotify and Apple require of a show: title, description, website
 * link, language, artwork ({@code itunes:image}), author ({@code itunes:author}), owner ({@code
 * itunes:owner} name and e-mail, used to verify ownership), and an Apple Podcasts category
 * ({@code itunes:category}, e.g. {@code Business} with subcategory {@code Management}).
 *
 * <p>Defaults: {@code language} {@code en}, {@code explicit} {@code false}, no items. Building
 * throws {@link IllegalArgumentException} naming the field when a text is blank or a URL is not
 * absolute http(s). Instances are immutable and thread-safe.
 */
@Value.Immutable
@GridcastStyle
abstract class AbstractPodcastFeed {

  /** The show title. */
  public abstract String title();

  /** The show's website. */
  public abstract URI link();

  /** The show description. */
  public abstract String description();

  /** The ISO 639 language code of the show. Default {@code en}. */
  @Value.Default
  public String language() {
    return "en";
  }

  /** The show's author or host, {@code itunes:author}. */
  public abstract String author();

  /** The owner's name, {@code itunes:owner/itunes:name}. */
  public abstract String ownerName();

  /** The owner's e-mail address, {@code itunes:owner/itunes:email}. */
  public abstract String ownerEmail();

  /** The Apple Podcasts category, such as {@code Business}. */
  public abstract String category();

  /** The Apple Podcasts subcategory, such as {@code Management}. */
  public abstract Optional<String> subcategory();

  /** The show artwork, {@code itunes:image}; square JPEG or PNG, 1400 to 3000 pixels. */
  public abstract URI imageUrl();

  /** Whether the show is explicit. Default {@code false}. */
  @Value.Default
  public boolean explicit() {
    return false;
  }

  /** The copyright notice. */
  public abstract Optional<String> copyright();

  /** The episodes, in the order they are written (newest first by convention). */
  public abstract List<FeedItem> items();

  /**
   * Validates the channel metadata.
   *
   * @throws IllegalArgumentException naming the invalid field
   */
  @Value.Check
  void check() {
    FeedChecks.notBlank(title(), "title");
    FeedChecks.notBlank(description(), "description");
    FeedChecks.notBlank(language(), "language");
    FeedChecks.notBlank(author(), "author");
    FeedChecks.notBlank(ownerName(), "ownerName");
    FeedChecks.notBlank(ownerEmail(), "ownerEmail");
    FeedChecks.notBlank(category(), "category");
    FeedChecks.httpUrl(link(), "link");
    FeedChecks.httpUrl(imageUrl(), "imageUrl");
  }
}
