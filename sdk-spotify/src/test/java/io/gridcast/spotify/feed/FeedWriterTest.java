package io.gridcast.spotify.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.rometools.modules.itunes.EntryInformation;
import com.rometools.modules.itunes.FeedInformation;
import com.rometools.modules.itunes.ITunes;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.io.WireFeedInput;
import java.io.StringReader;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedWriterTest {

  private final FeedWriter writer = new FeedWriter();

  private Channel writeAndParse(PodcastFeed feed) throws Exception {
    String xml = writer.writeToString(feed);
    return (Channel) new WireFeedInput().build(new StringReader(xml));
  }

  @Test
  void writesRss2WithTheChannelTagsSpotifyReads() throws Exception {
    Channel channel = writeAndParse(FeedSamples.channel());

    assertThat(channel.getFeedType()).isEqualTo("rss_2.0");
    assertThat(channel.getTitle()).isEqualTo("Northwind Partner Briefing");
    assertThat(channel.getLanguage()).isEqualTo("en");
    FeedInformation itunes = (FeedInformation) channel.getModule(ITunes.URI);
    assertThat(itunes.getAuthor()).isEqualTo("Northwind Logistics");
    assertThat(itunes.getOwnerName()).isEqualTo("Northwind Partner Operations");
    assertThat(itunes.getOwnerEmailAddress()).isEqualTo("podcast@northwind.example");
    assertThat(itunes.getCategories()).singleElement().satisfies(c -> {
      assertThat(c.getName()).isEqualTo("Business");
      assertThat(c.getSubcategories()).extracting("name").containsExactly("Management");
    });
    assertThat(itunes.getImage().toString())
        .isEqualTo("https://cdn.northwind.example/podcast/cover-3000.jpg");
    assertThat(itunes.getExplicitNullable()).isFalse();
  }

  @Test
  void writesTheItemTagsSpotifyReads() throws Exception {
    FeedItem bonus =
        FeedItem.builder()
            .from(FeedSamples.item("nw-ep-7", "Bonus: Q&A", Instant.parse("2026-03-02T09:00:00Z")))
            .episodeType(EpisodeType.BONUS)
            .explicit(true)
            .season(2)
            .episodeNumber(7)
            .imageUrl(URI.create("https://cdn.northwind.example/podcast/ep7.jpg"))
            .build();

    Channel channel = writeAndParse(FeedSamples.channel().withItems(bonus));

    Item item = channel.getItems().get(0);
    assertThat(item.getGuid().getValue()).isEqualTo("nw-ep-7");
    assertThat(item.getGuid().isPermaLink()).isFalse();
    assertThat(item.getPubDate().toInstant()).isEqualTo(Instant.parse("2026-03-02T09:00:00Z"));
    assertThat(item.getEnclosures()).singleElement().satisfies(e -> {
      assertThat(e.getUrl()).isEqualTo("https://cdn.northwind.example/audio/nw-ep-7.mp3");
      assertThat(e.getLength()).isEqualTo(4_812_345L);
      assertThat(e.getType()).isEqualTo("audio/mpeg");
    });
    EntryInformation itunes = (EntryInformation) item.getModule(ITunes.URI);
    assertThat(itunes.getDuration().getMilliseconds()).isEqualTo(3_725_000L);
    assertThat(itunes.getExplicitNullable()).isTrue();
    assertThat(itunes.getEpisodeType()).isEqualTo("bonus");
    assertThat(itunes.getSeason()).isEqualTo(2);
    assertThat(itunes.getEpisode()).isEqualTo(7);
    assertThat(itunes.getImage().toString()).isEqualTo("https://cdn.northwind.example/podcast/ep7.jpg");
  }

  @Test
  void writesItunesDurationAsHoursMinutesSeconds() throws Exception {
    String xml = writer.writeToString(FeedSamples.channel().withItems(
        FeedSamples.item("nw-ep-1", "One", Instant.parse("2026-03-01T09:00:00Z"))));

    assertThat(xml).contains("<itunes:duration>01:02:05</itunes:duration>");
    assertThat(xml).contains("<itunes:episodeType>full</itunes:episodeType>");
  }

  @Test
  void readsBackWhatItWrote() throws Exception {
    List<FeedItem> items = List.of(
        FeedSamples.item("nw-ep-2", "Two", Instant.parse("2026-03-02T09:00:00Z")),
        FeedItem.builder()
            .from(FeedSamples.item("nw-ep-1", "One", Instant.parse("2026-03-01T09:00:00Z")))
            .episodeType(EpisodeType.TRAILER)
            .season(1)
            .link(URI.create("https://partners.northwind.example/podcast/1"))
            .build());

    String xml = writer.writeToString(FeedSamples.channel().withItems(items));

    assertThat(new FeedReader().readItems(new StringReader(xml))).isEqualTo(items);
  }

  @Test
  void truncatesDatesAndDurationsToWholeSeconds() {
    FeedItem item = FeedItem.builder()
        .from(FeedSamples.item("nw", "T", Instant.parse("2026-03-01T09:00:00.750Z")))
        .duration(Duration.ofMillis(61_999))
        .build();

    assertThat(item.pubDate()).isEqualTo(Instant.parse("2026-03-01T09:00:00Z"));
    assertThat(item.duration()).isEqualTo(Duration.ofSeconds(61));
  }

  @Test
  void refusesInvalidItemsNamingTheField() {
    FeedItem valid = FeedSamples.item("nw", "T", Instant.parse("2026-03-01T09:00:00Z"));

    assertThatIllegalArgumentException()
        .isThrownBy(() -> FeedItem.builder().from(valid).guid(" ").build())
        .withMessageContaining("guid");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> FeedItem.builder().from(valid)
            .enclosureUrl(URI.create("file:///etc/passwd")).build())
        .withMessageContaining("enclosureUrl");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> FeedItem.builder().from(valid).enclosureLength(-1).build())
        .withMessageContaining("enclosureLength");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> FeedItem.builder().from(valid).season(0).build())
        .withMessageContaining("season");
  }
}
