package io.gridcast.spotify.feed;

import com.rometools.modules.itunes.EntryInformationImpl;
import com.rometools.modules.itunes.FeedInformationImpl;
import com.rometools.modules.itunes.types.Category;
import com.rometools.modules.itunes.types.Subcategory;
import com.rometools.rome.feed.module.Module;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Description;
import com.rometools.rome.feed.rss.Enclosure;
import com.rometools.rome.feed.rss.Guid;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * Writes a {@link PodcastFeed} as RSS 2.0 with the iTunes podcast namespace, using ROME.
 *
 * <p>The channel gets {@code title}, {@code link}, {@code description}, {@code language}, {@code
 * copyright}, {@code itunes:author}, {@code itunes:owner}, {@code itunes:category}, {@code
 * itunes:image}, {@code itunes:explicit} and {@code itunes:type episodic}. Each item gets {@code
 * title}, {@code description}, {@code guid isPermaLink="false"}, {@code pubDate}, {@code
 * enclosure} with {@code url}, {@code length} and {@code type}, {@code itunes:duration}, {@code
 * itunes:explicit}, {@code itunes:episodeType}, and where set {@code itunes:image}, {@code
 * itunes:season}, {@code itunes:episode} and {@code link}. These are the tags Spotify reads when
 * it ingests a feed. Items are written in the order of {@link PodcastFeed#items()}.
 *
 * <p>A {@code FeedWriter} holds no state and is thread-safe.
 */
public final class FeedWriter {

  private static final String GENERATOR = "Gridcast";

  /** Creates a writer. */
  public FeedWriter() {}

  /**
   * Writes {@code feed} to {@code out} as UTF-8-declared XML; does not close {@code out}.
   *
   * @throws IOException if writing fails or ROME cannot render the feed (for example a text
   *     containing characters XML cannot carry)
   */
  public void write(PodcastFeed feed, Writer out) throws IOException {
    try {
      new WireFeedOutput().output(toChannel(feed), out, true);
    } catch (FeedException | IllegalArgumentException e) {
      // JDOM refuses text XML cannot carry (such as U+0000) with an IllegalArgumentException.
      throw new IOException("Could not render podcast feed: " + e.getMessage(), e);
    }
  }

  /**
   * Returns {@code feed} as an XML string.
   *
   * @throws IOException if ROME cannot render the feed
   */
  public String writeToString(PodcastFeed feed) throws IOException {
    StringWriter out = new StringWriter();
    write(feed, out);
    return out.toString();
  }

  private static Channel toChannel(PodcastFeed feed) {
    Channel channel = new Channel("rss_2.0");
    channel.setTitle(feed.title());
    channel.setLink(feed.link().toString());
    channel.setDescription(feed.description());
    channel.setLanguage(feed.language());
    channel.setGenerator(GENERATOR);
    feed.copyright().ifPresent(channel::setCopyright);

    FeedInformationImpl itunes = new FeedInformationImpl();
    itunes.setAuthor(feed.author());
    itunes.setOwnerName(feed.ownerName());
    itunes.setOwnerEmailAddress(feed.ownerEmail());
    itunes.setImageUri(feed.imageUrl().toString());
    itunes.setExplicitNullable(feed.explicit());
    itunes.setType("episodic");
    Category category = new Category(feed.category());
    feed.subcategory().ifPresent(sub -> category.addSubcategory(new Subcategory(sub)));
    itunes.setCategories(new ArrayList<>(List.of(category)));
    channel.setModules(new ArrayList<>(List.<Module>of(itunes)));

    List<Item> items = new ArrayList<>();
    for (FeedItem item : feed.items()) {
      items.add(toItem(item));
    }
    channel.setItems(items);
    return channel;
  }

  private static Item toItem(FeedItem source) {
    Item item = new Item();
    item.setTitle(source.title());
    Description description = new Description();
    description.setValue(source.description());
    item.setDescription(description);
    Guid guid = new Guid();
    guid.setValue(source.guid());
    guid.setPermaLink(false);
    item.setGuid(guid);
    item.setPubDate(Date.from(source.pubDate()));
    source.link().ifPresent(link -> item.setLink(link.toString()));
    Enclosure enclosure = new Enclosure();
    enclosure.setUrl(source.enclosureUrl().toString());
    enclosure.setLength(source.enclosureLength());
    enclosure.setType(source.enclosureType());
    item.setEnclosures(new ArrayList<>(List.of(enclosure)));

    EntryInformationImpl itunes = new EntryInformationImpl();
    itunes.setTitle(source.title());
    itunes.setDuration(
        new com.rometools.modules.itunes.types.Duration(source.duration().toMillis()));
    itunes.setExplicitNullable(source.explicit());
    itunes.setEpisodeType(source.episodeType().feedValue());
    source.imageUrl().ifPresent(url -> itunes.setImageUri(url.toString()));
    source.season().ifPresent(itunes::setSeason);
    source.episodeNumber().ifPresent(itunes::setEpisode);
    item.setModules(new ArrayList<>(List.<Module>of(itunes)));
    return item;
  }
}
