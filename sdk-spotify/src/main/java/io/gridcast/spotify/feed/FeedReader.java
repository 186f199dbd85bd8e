package io.gridcast.spotify.feed;

import com.rometools.modules.itunes.EntryInformation;
import com.rometools.modules.itunes.ITunes;
import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Enclosure;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SAXBuilder;
import com.rometools.rome.io.WireFeedInput;
import com.rometools.rome.io.impl.XmlFixerReader;
import io.gridcast.core.LogSafe;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jdom2.JDOMException;
import org.jdom2.input.sax.XMLReaderJDOMFactory;
import org.xml.sax.SAXNotRecognizedException;
import org.xml.sax.SAXNotSupportedException;
import org.xml.sax.XMLReader;

/**
 * Reads the items of an RSS 2.0 podcast feed back into {@link FeedItem}s, using ROME: the
 * counterpart of {@link FeedWriter} for feed sinks that must merge into an existing feed.
 *
 * <p>Each item must carry a {@code guid}, a {@code title}, a {@code pubDate} and an {@code
 * enclosure} with a URL; {@code itunes:duration} defaults to zero and {@code
 * itunes:episodeType} to {@code full} when absent. DOCTYPE declarations are refused, so no DTD
 * is read and no entity is expanded.
 *
 * <p><b>Limits.</b> A feed is someone else's text, and the XML object model ROME builds on takes
 * time quadratic in the nesting depth (and in the attributes of one element): 200,000 nested
 * elements, under 1 MB, would keep a thread busy for minutes. So, as Jackson's {@code
 * StreamReadConstraints} do for JSON, the reader checks the document before ROME sees it: it
 * reads at most {@link Builder#maxChars(int) maxChars} characters (default {@value
 * #DEFAULT_MAX_CHARS}, 32 MiB), then a streaming pass over the same repaired XML that ROME parses
 * refuses elements nested deeper than {@link Builder#maxDepth(int) maxDepth} (default {@value
 * #DEFAULT_MAX_DEPTH}; the root element is depth 1, an {@code <item>} depth 3) and elements
 * with more than {@link Builder#maxAttributes(int) maxAttributes} attributes and namespace
 * declarations (default {@value #DEFAULT_MAX_ATTRIBUTES}). A feed over a limit raises a {@link
 * FeedLimitExceededException}, an {@link IOException} whose message names the limit and how to
 * raise it. The reader sets the JDK's own per-element limit ({@code jdk.xml.elementAttributeLimit},
 * 200 from JDK 24 on) to its {@code maxAttributes} on the parsers it uses, so the one limit holds
 * on every Java version.
 *
 * <pre>{@code
 * FeedReader reader = new FeedReader();                                  // the defaults
 * FeedReader lenient = FeedReader.builder().maxChars(128 << 20).build(); // a trusted 100 MB feed
 * }</pre>
 *
 * <p>A {@code FeedReader} holds no state besides its limits and is thread-safe.
 */
public final class FeedReader {

  /** The default of {@link Builder#maxChars(int)}: 33,554,432 characters (32 MiB). */
  public static final int DEFAULT_MAX_CHARS = 32 * 1024 * 1024;

  /** The default of {@link Builder#maxDepth(int)}: 64 nested elements. */
  public static final int DEFAULT_MAX_DEPTH = 64;

  /** The default of {@link Builder#maxAttributes(int)}: 256 attributes and namespace declarations on one element. */
  public static final int DEFAULT_MAX_ATTRIBUTES = 256;

  /** The JDK's per-element attribute limit (JAXP); 0 there means "no limit", so never set to 0. */
  private static final String JDK_ATTRIBUTE_LIMIT = "jdk.xml.elementAttributeLimit";
  /** The JAXP error code of that limit, the same on every JDK whatever the wording around it. */
  private static final String JDK_ATTRIBUTE_LIMIT_ERROR = "JAXP00010002";

  private final int maxChars;
  private final int maxDepth;
  private final int maxAttributes;

  /**
   * Creates a reader with the default limits: {@value #DEFAULT_MAX_CHARS} characters, depth
   * {@value #DEFAULT_MAX_DEPTH}, {@value #DEFAULT_MAX_ATTRIBUTES} attributes per element.
   */
  public FeedReader() {
    this(DEFAULT_MAX_CHARS, DEFAULT_MAX_DEPTH, DEFAULT_MAX_ATTRIBUTES);
  }

  private FeedReader(int maxChars, int maxDepth, int maxAttributes) {
    this.maxChars = maxChars;
    this.maxDepth = maxDepth;
    this.maxAttributes = maxAttributes;
  }

  /** A builder starting from the default limits; see {@link Builder}. */
  public static Builder builder() {
    return new Builder();
  }

  /** The longest feed read, in characters. */
  public int maxChars() {
    return maxChars;
  }

  /** The deepest element nesting read; the root element is depth 1. */
  public int maxDepth() {
    return maxDepth;
  }

  /** The most attributes and namespace declarations read on one element. */
  public int maxAttributes() {
    return maxAttributes;
  }

  /**
   * Reads all items of the feed in {@code in}, in document order; does not close {@code in}.
   *
   * @throws FeedLimitExceededException if the feed exceeds one of the reader's limits; nothing
   *     beyond the limit is read from {@code in}
   * @throws IOException if reading fails, the document is not an RSS feed (or not well-formed
   *     XML, or has a DOCTYPE), or an item lacks a required element (the message names the item's
   *     position and the element)
   */
  public List<FeedItem> readItems(Reader in) throws IOException {
    String xml = readCapped(in);
    checkStructure(xml);
    WireFeed feed;
    try {
      feed = new LimitedFeedInput(jdkAttributeLimit()).build(new StringReader(xml));
    } catch (FeedException | IllegalArgumentException e) {
      throw new IOException("Not a readable RSS podcast feed: " + LogSafe.text(e.getMessage()), e);
    }
    if (!(feed instanceof Channel)) {
      throw new IOException("Not an RSS feed: found " + LogSafe.text(feed.getFeedType()));
    }
    List<FeedItem> items = new ArrayList<>();
    int position = 0;
    for (Item item : ((Channel) feed).getItems()) {
      position++;
      try {
        items.add(toFeedItem(item, position));
      } catch (IllegalArgumentException | IllegalStateException e) {
        throw new IOException("Feed item " + position + " is not valid: " + LogSafe.text(e.getMessage()), e);
      }
    }
    return items;
  }

  @Override
  public String toString() {
    return "FeedReader{maxChars=" + maxChars + ", maxDepth=" + maxDepth + ", maxAttributes=" + maxAttributes + '}';
  }

  /** The whole feed, or a {@link FeedLimitExceededException} once it runs past {@code maxChars}. */
  private String readCapped(Reader in) throws IOException {
    StringBuilder sb = new StringBuilder(Math.min(maxChars, 64 * 1024));
    char[] buffer = new char[8192];
    int n;
    while ((n = in.read(buffer, 0, (int) Math.min(buffer.length, (long) maxChars + 1 - sb.length()))) > 0) {
      sb.append(buffer, 0, n);
      if (sb.length() > maxChars) {
        throw new FeedLimitExceededException("maxChars", maxChars, "Feed refused before parsing: it is longer than "
            + maxChars + " characters (the reader's maxChars limit). If the feed is trusted and really this large,"
            + " raise the limit with FeedReader.builder().maxChars(n)");
      }
    }
    return sb.toString();
  }

  /**
   * The streaming pass: runs over the text as ROME will see it (through ROME's {@link
   * XmlFixerReader}, which repairs HTML entities and leading junk), with DTDs and external entities
   * off, and checks the depth and attribute limits. Costs time linear in the feed's length.
   */
  private void checkStructure(String xml) throws IOException {
    XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
    factory.setProperty(JDK_ATTRIBUTE_LIMIT, jdkAttributeLimit());
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    XMLStreamReader stax = null;
    try {
      stax = factory.createXMLStreamReader(new XmlFixerReader(new StringReader(xml)));
      int depth = 0;
      while (stax.hasNext()) {
        switch (stax.next()) {
          case XMLStreamConstants.START_ELEMENT:
            depth++;
            if (depth > maxDepth) {
              throw new FeedLimitExceededException("maxDepth", maxDepth, "Feed refused before parsing: its elements"
                  + " nest deeper than " + maxDepth + " (the reader's maxDepth limit), at " + where(stax.getLocation())
                  + ". Deep nesting costs the XML parser quadratic time. If the feed is trusted,"
                  + " raise the limit with FeedReader.builder().maxDepth(n)");
            }
            int attributes = stax.getAttributeCount() + stax.getNamespaceCount();
            if (attributes > maxAttributes) {
              throw tooManyAttributes(attributes + " attributes and namespace declarations, more than " + maxAttributes,
                  ", at " + where(stax.getLocation()));
            }
            break;
          case XMLStreamConstants.END_ELEMENT:
            depth--;
            break;
          case XMLStreamConstants.DTD:
            throw new IOException("Not a readable RSS podcast feed: it has a DOCTYPE declaration, at "
                + where(stax.getLocation()) + "; feeds with DTDs or entity declarations are refused");
          default:
            break;
        }
      }
    } catch (XMLStreamException e) {
      if (String.valueOf(e.getMessage()).contains(JDK_ATTRIBUTE_LIMIT_ERROR)) {
        // the JDK's own count, set above, stopped the parser first: more than maxAttributes + 1
        String at = e.getLocation() == null ? "" : ", at " + where(e.getLocation());
        throw tooManyAttributes("so many attributes that the XML parser stopped counting, more than " + maxAttributes, at);
      }
      throw new IOException("Not a readable RSS podcast feed: " + LogSafe.text(parseError(e)), e);
    } finally {
      if (stax != null) {
        try {
          stax.close();
        } catch (XMLStreamException ignored) {
          // closing a reader over a string releases nothing that matters
        }
      }
    }
  }

  private FeedLimitExceededException tooManyAttributes(String howMany, String where) {
    return new FeedLimitExceededException("maxAttributes", maxAttributes, "Feed refused before parsing:"
        + " an element carries " + howMany + " (the reader's maxAttributes limit)" + where
        + ". Many attributes on one element cost the XML parser quadratic time. If the feed is trusted,"
        + " raise the limit with FeedReader.builder().maxAttributes(n)");
  }

  /**
   * The JDK limit that lets every element this reader accepts through: one above {@code
   * maxAttributes} (the JDK counts attributes only, this reader namespace declarations too).
   */
  private String jdkAttributeLimit() {
    return Long.toString(Math.min((long) maxAttributes + 1, Integer.MAX_VALUE));
  }

  /**
   * ROME's feed input with the JDK's attribute limit set on its SAX parser. A parser that does
   * not know the JDK's property (Xerces, say) keeps its own limits; the streaming pass has
   * already applied {@code maxAttributes}.
   */
  private static final class LimitedFeedInput extends WireFeedInput {
    private final String limit;

    LimitedFeedInput(String limit) {
      super(false, Locale.ROOT);
      this.limit = limit;
    }

    @Override
    protected SAXBuilder createSAXBuilder() {
      SAXBuilder builder = super.createSAXBuilder();
      XMLReaderJDOMFactory readers = builder.getXMLReaderFactory();
      builder.setXMLReaderFactory(new XMLReaderJDOMFactory() {
        @Override
        public XMLReader createXMLReader() throws JDOMException {
          XMLReader reader = readers.createXMLReader();
          try {
            reader.setProperty(JDK_ATTRIBUTE_LIMIT, limit);
          } catch (SAXNotRecognizedException | SAXNotSupportedException notTheJdksParser) {
            // its own limits apply; maxAttributes was checked before this parser runs
          }
          return reader;
        }

        @Override
        public boolean isValidating() {
          return readers.isValidating();
        }
      });
      return builder;
    }
  }

  /** The parser's own words, without the location prefix the JDK puts before them. */
  private static String parseError(XMLStreamException e) {
    String message = String.valueOf(e.getMessage());
    int at = message.indexOf("Message: ");
    String reason = at >= 0 ? message.substring(at + "Message: ".length()) : message;
    return e.getLocation() == null ? reason : where(e.getLocation()) + ": " + reason;
  }

  private static String where(Location location) {
    return "line " + location.getLineNumber() + ", column " + location.getColumnNumber();
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

  /**
   * Configures a {@link FeedReader}'s limits. Defaults: {@code maxChars} {@value
   * FeedReader#DEFAULT_MAX_CHARS} (32 MiB), {@code maxDepth} {@value
   * FeedReader#DEFAULT_MAX_DEPTH}, {@code maxAttributes} {@value
   * FeedReader#DEFAULT_MAX_ATTRIBUTES}. Not thread-safe.
   */
  public static final class Builder {
    private int maxChars = DEFAULT_MAX_CHARS;
    private int maxDepth = DEFAULT_MAX_DEPTH;
    private int maxAttributes = DEFAULT_MAX_ATTRIBUTES;

    private Builder() {}

    /**
     * The longest feed read, in characters; default {@value FeedReader#DEFAULT_MAX_CHARS} (32
     * MiB). The whole feed is held in memory while it is parsed.
     *
     * @throws IllegalArgumentException unless positive
     */
    public Builder maxChars(int maxChars) {
      this.maxChars = atLeast(1, maxChars, "maxChars");
      return this;
    }

    /**
     * The deepest element nesting read, the root element being depth 1 (an RSS {@code <item>} is
     * depth 3); default {@value FeedReader#DEFAULT_MAX_DEPTH}.
     *
     * @throws IllegalArgumentException unless positive
     */
    public Builder maxDepth(int maxDepth) {
      this.maxDepth = atLeast(1, maxDepth, "maxDepth");
      return this;
    }

    /**
     * The most attributes plus namespace declarations read on one element; default {@value
     * FeedReader#DEFAULT_MAX_ATTRIBUTES}.
     *
     * @throws IllegalArgumentException if negative
     */
    public Builder maxAttributes(int maxAttributes) {
      this.maxAttributes = atLeast(0, maxAttributes, "maxAttributes");
      return this;
    }

    /** A reader with these limits. */
    public FeedReader build() {
      return new FeedReader(maxChars, maxDepth, maxAttributes);
    }

    private static int atLeast(int min, int value, String name) {
      if (value < min) {
        throw new IllegalArgumentException(name + " must be " + min + " or more, was " + value);
      }
      return value;
    }
  }
}
