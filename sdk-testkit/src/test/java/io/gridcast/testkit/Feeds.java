package io.gridcast.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test helper: writes small RSS 2.0 podcast feeds. */
final class Feeds {

  record Item(String guid, String title, String description, String duration, String pubDate, String explicit) {}

  private Feeds() {}

  static Path write(Path file, Item... items) {
    StringBuilder xml = new StringBuilder("""
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"
             xmlns:content="http://purl.org/rss/1.0/modules/content/">
          <channel>
            <title>Trading Grid Weekly</title>
            <language>en-us</language>
            <itunes:explicit>false</itunes:explicit>
        """);
    for (Item item : items) {
      xml.append("    <item>\n")
          .append("      <guid isPermaLink=\"false\">").append(item.guid()).append("</guid>\n")
          .append("      <title>").append(item.title()).append("</title>\n")
          .append("      <description><![CDATA[").append(item.description()).append("]]></description>\n")
          .append("      <enclosure url=\"https://cdn.example/audio/").append(item.guid()).append(".mp3\" length=\"1234\" type=\"audio/mpeg\"/>\n")
          .append("      <itunes:duration>").append(item.duration()).append("</itunes:duration>\n")
          .append("      <pubDate>").append(item.pubDate()).append("</pubDate>\n");
      if (item.explicit() != null) {
        xml.append("      <itunes:explicit>").append(item.explicit()).append("</itunes:explicit>\n");
      }
      xml.append("    </item>\n");
    }
    xml.append("  </channel>\n</rss>\n");
    try {
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.writeString(tmp, xml, StandardCharsets.UTF_8);
      Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
