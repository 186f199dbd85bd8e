package io.gridcast.spotify.feed;

import com.rometools.modules.itunes.EntryInformation;
import com.rometools.modules.itunes.ITunes;
import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Enclosure;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedInput;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the items of an RSS 2.0 podcast feed back into {@link FeedItem}s, using ROME: the
 * counterpart of {@link FeedWriter} for feed sinks that must merge into an existing feed.
 *
 * <p>Each item must carry a {@code guid}, a {@code title}, a {@code pubDate} and an {@code
 * enclosure} with a URL; {@code itunes:duration} defaults to zero and {@code
 * itunes:episodeType} to {@code full} when absent. DOCTYPE declarations are refused. A {@code
 * FeedReader} holds no state and is thread-safe.
 */
public final class FeedReader {

  /** Creates a reader. */
  public FeedReader() {}

  /**
   * Reads all items of the feed in {@code in}, in document order; does not close {@code in}.
   *
   * @throws IOException if reading fails, the document is not an RSS feed, or an item lacks a
   *     required element (the message names the item's position and the element)
   */
  public List<FeedItem> readItems(Reader in) throws IOException {
    WireFeed feed;
    try {
      WireFeedInput input = new WireFeedInput(false, Locale.ROOT);
      feed = input.build(in);
    } catch (FeedException | IllegalArgumentException e) {
      throw new IOException("Not a readable RSS podcast feed: " + e.getMessage(), e);
    }
    if (!(feed instanceof Channel)) {
      throw new IOException("Not an RSS feed: found " + feed.getFeedType());
    }
    List<FeedItem> items = new ArrayList<>();
    int position = 0;
    for (Item item : ((Channel) feed).getItems()) {
      position++;
      try {
        items.add(toFeedItem(item, position));
      } catch (IllegalArgumentException | IllegalStateException e) {
        throw new IOException("Feed item " + position + " is not valid: " + e.getMessage(), e);
      }
    }
    return items;
  }

  private static FeedItem toFeedItem(Item item, int position) throws IOException {
    if (item.getGuid() == null || item.getGuid().getValue() == null) {
      throw missing(position, "guid");
    }
    if (item.getPubDate() == null) {
      throw missing(position, "pubDate");
    }
    if (item.getEnclosures().isEmpty() || item.getEnclosures().get(0).getUrl() == null) {
      throw missing(position, "enclosure");
    }
    Enclosure enclosure = item.getEnclosures().get(0);
    FeedItem.Builder builder =
        FeedItem.builder()
            .guid(item.getGuid().getValue())
            .title(item.getTitle() == null ? "" : item.getTitle())
            .description(item.getDescription() == null ? "" : item.getDescription().getValue())
            .pubDate(item.getPubDate().toInstant())
            .enclosureUrl(URI.create(enclosure.getUrl().strip()))
            .enclosureLength(enclosure.getLength())
            .duration(Duration.ZERO);
    if (enclosure.getType() != null) {
      builder.enclosureType(enclosure.getType());
    }
    if (item.getLink() != null) {
      builder.link(URI.create(item.getLink().strip()));
    }
    if (item.getModule(ITunes.URI) instanceof EntryInformation) {
      EntryInformation itunes = (EntryInformation) item.getModule(ITunes.URI);
      if (itunes.getDuration() != null) {
        builder.duration(Duration.ofMillis(itunes.getDuration().getMilliseconds()));
      }
      builder.explicit(Boolean.TRUE.equals(itunes.getExplicitNullable()));
      EpisodeType.fromFeedValue(itunes.getEpisodeType()).ifPresent(builder::episodeType);
      imageOf(itunes).ifPresent(builder::imageUrl);
      if (itunes.getSeason() != null && itunes.getSeason() > 0) {
        builder.season(itunes.getSeason());
      }
      if (itunes.getEpisode() != null && itunes.getEpisode() > 0) {
        builder.episodeNumber(itunes.getEpisode());
      }
    }
    return builder.build();
  }

  private static Optional<URI> imageOf(EntryInformation itunes) {
    if (itunes.getImageUri() != null) {
      return Optional.of(URI.create(itunes.getImageUri().strip()));
    }
    URL image = itunes.getImage();
    return image == null ? Optional.empty() : Optional.of(URI.create(image.toString()));
  }

  private static IOException missing(int position, String element) {
    return new IOException("Feed item " + position + " has no " + element);
  }
}
