package io.gridcast.spotify.feed;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

/** Sample feed data shared by the feed tests. */
final class FeedSamples {

  private FeedSamples() {}

  static PodcastFeed channel() {
    return PodcastFeed.builder()
        .title("Northwind Partner Briefing")
        .link(URI.create("https://partners.northwind.example/podcast"))
        .description("Weekly briefings for Northwind's trading partners.")
        .author("Northwind Logistics")
        .ownerName("Northwind Partner Operations")
        .ownerEmail("podcast@northwind.example")
        .category("Business")
        .subcategory("Management")
        .imageUrl(URI.create("https://cdn.northwind.example/podcast/cover-3000.jpg"))
        .copyright("(C) 2026 Northwind Logistics")
        .build();
  }

  static FeedItem item(String guid, String title, Instant pubDate) {
    return FeedItem.builder()
        .guid(guid)
        .title(title)
        .description("What changed, who is affected, and what partners should do next.")
        .pubDate(pubDate)
        .enclosureUrl(URI.create("https://cdn.northwind.example/audio/" + guid + ".mp3"))
        .enclosureLength(4_812_345)
        .duration(Duration.ofSeconds(3_725))
        .build();
  }
}
