package io.gridcast.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridcast.bridge.Flow;
import io.gridcast.bridge.flows.FeedPublishingConfig;
import io.gridcast.bridge.flows.IssueAudioUpdatesConfig;
import io.gridcast.bridge.flows.IssueAudioUpdatesFlow;
import io.gridcast.spotify.feed.FileSystemFeedSink;
import io.gridcast.spotify.feed.PodcastFeed;
import io.gridcast.testkit.SpotifyDemoData;
import io.gridcast.testkit.TradingGridDemoData;
import io.gridcast.testkit.TradingGridResource;
import io.gridcast.testkit.TradingGridSandbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Flow 3 as a script: resolved trading issues and process changes become audio updates on
 * Spotify. On the embedded default it writes the feed and audio into {@code <dir>/audio-updates},
 * registers the feed for the demo show "Cadena de Suministro al Día" (which no other example
 * publishes into or reads, so their runs stay unchanged), and (once) resolves the demo
 * process change "Earlier Friday cut-off" with a recorded update attached, as a person would;
 * later runs find nothing new. With credentials: {@code GRIDCAST_AUDIO_SHOW_ID}, {@code
 * GRIDCAST_FEED_FILE}, {@code GRIDCAST_FEED_URL}, {@code GRIDCAST_MEDIA_DIR} and {@code
 * GRIDCAST_MEDIA_BASE_URL}.
 */
final class IssueAudioUpdatesExample implements Example {

  static final String ISSUE = TradingGridDemoData.ISSUE_IN_PROGRESS;
  /** The demo show the audio updates are published into; used by no other example. */
  static final String SHOW = SpotifyDemoData.SHOW_CADENA_AL_DIA;

  @Override
  public String name() {
    return "audio-updates";
  }

  @Override
  public String summary() {
    return "publish resolved trading issues as audio updates on Spotify and link them back (flow 3)";
  }

  @Override
  public Flow<?, ?> flow(Environment env) {
    FeedPublishingConfig.Builder publishing = FeedPublishingConfig.builder();
    if (env.embedded()) {
      Path folder = env.dir().resolve("audio-updates");
      Path feedFile = folder.resolve("feed.xml");
      createDirectories(folder);
      publishing.showId(SHOW)
          .feedSink(FileSystemFeedSink.create(feedFile, URI.create("https://feeds.halvorsen-pike.example/audio-updates.xml"),
              channel()))
          .mediaFolder(folder.resolve("media"))
          .mediaBaseUrl(URI.create("https://media.halvorsen-pike.example/audio-updates/"));
      // the sandbox reads the file where a real Spotify would fetch the public URL
      env.spotifySandbox().registerFeed(SHOW, feedFile.toUri());
    } else {
      publishing.showId(Launcher.requiredEnv("GRIDCAST_AUDIO_SHOW_ID"))
          .feedSink(FileSystemFeedSink.create(Path.of(Launcher.requiredEnv("GRIDCAST_FEED_FILE")),
              URI.create(Launcher.requiredEnv("GRIDCAST_FEED_URL")), channel()))
          .mediaFolder(Path.of(Launcher.requiredEnv("GRIDCAST_MEDIA_DIR")))
          .mediaBaseUrl(URI.create(Launcher.requiredEnv("GRIDCAST_MEDIA_BASE_URL")));
    }
    return IssueAudioUpdatesFlow.create(env.spotify(), env.tradingGrid(),
        IssueAudioUpdatesConfig.builder().publishing(publishing.build()).templates(env.templates()).build());
  }

  @Override
  public void beforeRun(Environment env) {
    if (env.embedded()) {
      resolveOnce(env.tradingGridSandbox());
    }
  }

  /** The process change gets its recorded update and is resolved, unless an earlier run did that. */
  private static void resolveOnce(TradingGridSandbox tg) {
    JsonNode issue = tg.resource(TradingGridResource.ISSUES, ISSUE).orElseThrow();
    String status = issue.path("status").asText();
    if (status.equals("resolved") || status.equals("closed")) {
      return;
    }
    byte[] audio = ("ID3\u0004 Halvorsen & Pike audio update: the peak Friday cut-off moves to 14:00.")
        .getBytes(StandardCharsets.UTF_8);
    JsonNode document = tg.uploadDocument("peak-cutoff-audio-update.mp3", "audio/mpeg", audio);
    ObjectNode patch = JsonNodeFactory.instance.objectNode();
    patch.putArray("attachments").add(document.path("id").asText());
    tg.update(TradingGridResource.ISSUES, ISSUE, patch);
    tg.resolveIssue(ISSUE, "From 23 November to 4 January the Friday ASN cut-off is 14:00 instead of 16:00.",
        "Updated the EDI 856 cut-off in the receiving schedule.", "Sent the peak calendar to every active supplier.");
  }

  private static PodcastFeed channel() {
    return PodcastFeed.builder()
        .title("Halvorsen & Pike supplier audio updates")
        .link(URI.create("https://suppliers.halvorsen-pike.example"))
        .description("Resolved trading issues and process changes, explained in a few minutes.")
        .author("Halvorsen & Pike Supplier Desk")
        .ownerName("Supplier Desk")
        .ownerEmail("supplier-desk@halvorsen-pike.example")
        .category("Business")
        .imageUrl(URI.create("https://media.halvorsen-pike.example/audio-updates/cover.png"))
        .build();
  }

  private static void createDirectories(Path folder) {
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + folder, e);
    }
  }
}
