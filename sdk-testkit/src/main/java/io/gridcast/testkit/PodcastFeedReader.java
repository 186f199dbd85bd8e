package io.gridcast.testkit;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Reads the items of an RSS 2.0 podcast feed (with the iTunes and content namespaces) using the
 * JDK's DOM parser, with DTDs and external entities disabled.
 */
final class PodcastFeedReader {

  static final String ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd";
  static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";

  /**
   * One feed item, mapped to what an episode needs. {@code pubDate} may be null; so may {@code
   * imageUrl}, the item's own {@code itunes:image} (an absolute http or https URL).
   */
  record FeedItem(
      String guid,
      String title,
      String description,
      String htmlDescription,
      String enclosureUrl,
      long durationMs,
      LocalDate pubDate,
      boolean explicit,
      String language,
      String imageUrl) {}

  private PodcastFeedReader() {}

  static List<FeedItem> read(byte[] xml) throws IOException {
    Document doc;
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setExpandEntityReferences(false);
      factory.setXIncludeAware(false);
      DocumentBuilder builder = factory.newDocumentBuilder();
      doc = builder.parse(new ByteArrayInputStream(xml));
    } catch (ParserConfigurationException | SAXException e) {
      throw new IOException("not a readable RSS feed: " + e.getMessage(), e);
    }
    Element channel = firstChild(doc.getDocumentElement(), null, "channel");
    if (channel == null) {
      throw new IOException("not an RSS 2.0 feed: no <channel> element");
    }
    String language = normaliseLanguage(text(channel, null, "language"));
    boolean channelExplicit = isExplicit(text(channel, ITUNES, "explicit"));
    var items = new ArrayList<FeedItem>();
    for (Element item : children(channel, null, "item")) {
      String title = text(item, null, "title");
      String encoded = text(item, CONTENT, "encoded");
      String description = firstNonBlank(text(item, null, "description"), text(item, ITUNES, "summary"), encoded, "");
      String html = encoded != null ? encoded : description;
      Element enclosure = firstChild(item, null, "enclosure");
      String enclosureUrl = enclosure == null ? null : blankToNull(enclosure.getAttribute("url"));
      String guid = firstNonBlank(text(item, null, "guid"), enclosureUrl, (title == null ? "" : title) + "|" + text(item, null, "pubDate"));
      String explicit = text(item, ITUNES, "explicit");
      Element image = firstChild(item, ITUNES, "image");
      String imageUrl = image == null ? null : blankToNull(image.getAttribute("href"));
      if (imageUrl != null && !imageUrl.startsWith("https://") && !imageUrl.startsWith("http://")) {
        imageUrl = null; // Spotify ignores artwork it cannot fetch
      }
      items.add(new FeedItem(
          guid,
          title == null ? "Untitled episode" : title,
          stripTags(description),
          html.contains("<") ? html : "<p>" + escape(html) + "</p>",
          enclosureUrl,
          parseDuration(text(item, ITUNES, "duration")),
          parseDate(text(item, null, "pubDate")),
          explicit == null ? channelExplicit : isExplicit(explicit),
          language,
          imageUrl));
    }
    return items;
  }

  /** {@code HH:MM:SS}, {@code MM:SS} or plain seconds, to milliseconds; 0 when absent. */
  static long parseDuration(String raw) {
    if (raw == null || raw.isBlank()) {
      return 0;
    }
    long seconds = 0;
    try {
      for (String part : raw.trim().split(":")) {
        seconds = seconds * 60 + Long.parseLong(part.trim());
      }
    } catch (NumberFormatException e) {
      return 0;
    }
    return seconds * 1000;
  }

  private static LocalDate parseDate(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      return ZonedDateTime.parse(raw.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).withZoneSameInstant(ZoneOffset.UTC).toLocalDate();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static boolean isExplicit(String raw) {
    if (raw == null) {
      return false;
    }
    String v = raw.trim().toLowerCase(Locale.ROOT);
    return v.equals("true") || v.equals("yes") || v.equals("explicit");
  }

  private static String normaliseLanguage(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String[] parts = raw.trim().split("[-_]");
    return parts.length == 1 ? parts[0].toLowerCase(Locale.ROOT) : parts[0].toLowerCase(Locale.ROOT) + "-" + parts[1].toUpperCase(Locale.ROOT);
  }

  static String stripTags(String html) {
    String noTags = html.replaceAll("(?s)<[^>]*>", " ");
    return noTags.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
        .replaceAll("\\s+", " ").trim();
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static List<Element> children(Element parent, String ns, String name) {
    var out = new ArrayList<Element>();
    NodeList nodes = parent.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      Node n = nodes.item(i);
      if (n instanceof Element && matches((Element) n, ns, name)) {
        out.add((Element) n);
      }
    }
    return out;
  }

  private static Element firstChild(Element parent, String ns, String name) {
    List<Element> all = children(parent, ns, name);
    return all.isEmpty() ? null : all.get(0);
  }

  private static boolean matches(Element e, String ns, String name) {
    String local = e.getLocalName() != null ? e.getLocalName() : e.getNodeName();
    return name.equals(local) && (ns == null ? e.getNamespaceURI() == null : ns.equals(e.getNamespaceURI()));
  }

  private static String text(Element parent, String ns, String name) {
    Element e = firstChild(parent, ns, name);
    return e == null ? null : blankToNull(e.getTextContent().trim());
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private static String firstNonBlank(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v;
      }
    }
    return "";
  }
}
