package io.gridcast.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridcast.bridge.Flow;
import io.gridcast.bridge.flows.FeedPublishingConfig;
import io.gridcast.bridge.flows.IssueAudience;
import io.gridcast.bridge.flows.IssueAudioUpdatesConfig;
import io.gridcast.bridge.flows.IssueAudioUpdatesFlow;
import io.gridcast.spotify.feed.FileSystemFeedSink;
import io.gridcast.spotify.feed.PodcastFeed;
import io.gridcast.testkit.SpotifyDemoData;
import io.gridcast.testkit.TradingGridDemoData;
import io.gridcast.testkit.TradingGridResource;
import io.gridcast.testkit.TradingGridSandbox;
import io.gridcast.tradinggrid.model.IssueType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Flow 3 as a script: resolved trading issues and introduced process changes become audio
 * updates on Spotify, each issue's script a Markdown document on the issue. On the embedded
 * default it writes the feed and audio into {@code <dir>/audio-updates}, registers the feed for the
 * demo show "Cadena de Suministro al Día" (which no other example publishes into or reads, so
 * their runs stay unchanged), and (once) introduces a process change, "Carton labels move to
 * GS1-128", with its recording attached, as a person would: the flow publishes it while it is
 * still open, for the {@code partners} audience (the region groups), and will not publish it again
 * when it is resolved. Trading issues are published when resolved, for everyone ({@code run
 * --watch audio-updates} and its {@code resolve} command show one); later runs find nothing new. With credentials: {@code GRIDCAST_AUDIO_SHOW_ID}, {@code
 * GRIDCAST_FEED_FILE}, {@code GRIDCAST_FEED_URL}, {@code GRIDCAST_MEDIA_DIR} and {@code
 * GRIDCAST_MEDIA_BASE_URL}.
 */
final class IssueAudioUpdatesExample implements Example {

  /** The demo show the audio updates are published into; used by no other example. */
  static final String SHOW = SpotifyDemoData.SHOW_CADENA_AL_DIA;
  /** The externalRef of the process change the example introduces once. */
  static final String NEW_CHANGE_REF = "example:process-change:gs1-128-labels";

  @Override
  public String name() {
    return "audio-updates";
  }

  @Override
  public String summary() {
    return "publish resolved trading issues and introduced process changes as audio updates on Spotify (flow 3)";
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
    FeedPublishingConfig show = publishing.build();
    // process changes concern the partners: their post goes to the region groups (here on the
    // same show; give the audience a FeedPublishingConfig of its own for a partner show)
    IssueAudience partners = IssueAudience.builder().name("partners").publishing(show)
        .addPartnerGroupIds(TradingGridDemoData.GROUP_EMEA, TradingGridDemoData.GROUP_NA, TradingGridDemoData.GROUP_APAC,
            TradingGridDemoData.GROUP_LATAM)
        .build();
    return IssueAudioUpdatesFlow.create(env.spotify(), env.tradingGrid(), IssueAudioUpdatesConfig.builder()
        .publishing(show)
        .putAudiences(IssueType.PROCESS_CHANGE, partners)
        .templates(env.templates())
        .build());
  }

  @Override
  public void beforeRun(Environment env) {
    if (env.embedded()) {
      introduceOnce(env.tradingGridSandbox());
    }
  }

  /** A new process change is logged with its recording attached (issue.created), unless an earlier run did. */
  private static void introduceOnce(TradingGridSandbox tg) {
    if (tg.countByExternalRef(TradingGridResource.ISSUES, NEW_CHANGE_REF) > 0) {
      return;
    }
    byte[] audio = ("ID3\u0004 Halvorsen & Pike audio update: carton labels move to GS1-128 on 1 February.")
        .getBytes(StandardCharsets.UTF_8);
    JsonNode document = tg.uploadDocument("gs1-128-labels-audio-update.mp3", "audio/mpeg", audio);
    ObjectNode change = JsonNodeFactory.instance.objectNode().put("type", "process_change").put("severity", "medium")
        .put("title", "Carton labels move to GS1-128")
        .put("description", "From 1 February every carton carries a GS1-128 label with its SSCC; the old "
            + "Code 39 labels are refused at receiving.")
        .put("externalRef", NEW_CHANGE_REF);
    change.putArray("correctiveActions").add("Print GS1-128 labels with the SSCC from your ASN.")
        .add("Send a test label to the supplier desk before 15 January.");
    change.putArray("attachments").add(document.path("id").asText());
    tg.create(TradingGridResource.ISSUES, change);
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
