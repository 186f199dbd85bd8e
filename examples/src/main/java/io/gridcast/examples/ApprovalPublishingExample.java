package io.gridcast.examples;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridcast.bridge.Flow;
import io.gridcast.bridge.RunReport;
import io.gridcast.bridge.flows.ApprovalGatedPublishingConfig;
import io.gridcast.bridge.flows.ApprovalGatedPublishingFlow;
import io.gridcast.bridge.flows.ContentSubmission;
import io.gridcast.bridge.flows.FeedPublishingConfig;
import io.gridcast.spotify.feed.FileSystemFeedSink;
import io.gridcast.spotify.feed.PodcastFeed;
import io.gridcast.testkit.SpotifyDemoData;
import io.gridcast.testkit.TradingGridDemoData;
import io.gridcast.testkit.TradingGridResource;
import io.gridcast.testkit.TradingGridSandbox;
import io.gridcast.tradinggrid.TradingGridClient;
import io.gridcast.tradinggrid.model.ContentPackage;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Flow 5 as a script: episode 44 of the supplier podcast is submitted for review by legal,
 * compliance and partner operations and released to Spotify once all three approved: the cover
 * becomes the episode's {@code itunes:image}, hosted beside the audio in the media folder, the
 * release notes its show notes, and the audit trail holds each document's SHA-256. On the
 * embedded default it provides the package's 1400x1400 cover once (uploaded on first use, in plan
 * mode too, and found again by {@code externalRef}, so that a plan and a run see the same
 * package), registers the feed for the demo show "Archive Sessions", and has the three reviewers
 * approve once, as people would; later runs find everything done. With credentials: {@code
 * GRIDCAST_RELEASE_SHOW_ID}, {@code GRIDCAST_FEED_FILE}, {@code GRIDCAST_FEED_URL}, {@code
 * GRIDCAST_MEDIA_DIR}, {@code GRIDCAST_MEDIA_BASE_URL}, {@code GRIDCAST_ARTWORK_DOCUMENT_ID}.
 */
final class ApprovalPublishingExample implements Example {

  private static final String SUBMITTER = "content-team@halvorsen-pike.example";
  private static final String FLOW_NAME = "approval-publishing";
  private static final String SUBMISSION_KEY = "supply-minutes-44";

  @Override
  public String name() {
    return "approval-publishing";
  }

  @Override
  public String summary() {
    return "release content packages to Spotify once every required role approved them (flow 5)";
  }

  @Override
  public Flow<?, ?> flow(Environment env) {
    FeedPublishingConfig.Builder publishing = FeedPublishingConfig.builder();
    String artwork;
    if (env.embedded()) {
      Path folder = env.dir().resolve("approval-publishing");
      Path feedFile = folder.resolve("feed.xml");
      try {
        Files.createDirectories(folder);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create " + folder, e);
      }
      publishing.showId(SpotifyDemoData.SHOW_ARCHIVE_SESSIONS)
          .feedSink(FileSystemFeedSink.create(feedFile, URI.create("https://feeds.halvorsen-pike.example/supply-minutes.xml"),
              channel()))
          .mediaFolder(folder.resolve("media"))
          .mediaBaseUrl(URI.create("https://media.halvorsen-pike.example/supply-minutes/"));
      env.spotifySandbox().registerFeed(SpotifyDemoData.SHOW_ARCHIVE_SESSIONS, feedFile.toUri());
      // demo input, like the documents of the package: the same cover for a plan and a run
      artwork = coverOnce(env.tradingGrid());
    } else {
      publishing.showId(Launcher.requiredEnv("GRIDCAST_RELEASE_SHOW_ID"))
          .feedSink(FileSystemFeedSink.create(Path.of(Launcher.requiredEnv("GRIDCAST_FEED_FILE")),
              URI.create(Launcher.requiredEnv("GRIDCAST_FEED_URL")), channel()))
          .mediaFolder(Path.of(Launcher.requiredEnv("GRIDCAST_MEDIA_DIR")))
          .mediaBaseUrl(URI.create(Launcher.requiredEnv("GRIDCAST_MEDIA_BASE_URL")));
      artwork = Launcher.requiredEnv("GRIDCAST_ARTWORK_DOCUMENT_ID");
    }
    ContentPackage pkg = ContentPackage.builder()
        .scriptDocumentId(TradingGridDemoData.DOCUMENT_EP43_SCRIPT)
        .artworkDocumentId(artwork)
        .releaseNotesDocumentId(TradingGridDemoData.DOCUMENT_EP43_RELEASE_NOTES)
        .audioDocumentId(TradingGridDemoData.DOCUMENT_EP43_AUDIO)
        .build();
    return ApprovalGatedPublishingFlow.create(env.spotify(), env.tradingGrid(),
        ApprovalGatedPublishingConfig.builder().templates(env.templates())
            .publishing(publishing.build())
            .flowName(FLOW_NAME)
            .addSubmissions(new ContentSubmission(SUBMISSION_KEY, "Supply Chain Minutes 44: Peak without panic",
                "Why the Friday ASN cut-off moves to 14:00 during peak, and how to plan for it.", pkg, SUBMITTER))
            .build());
  }

  /**
   * On the embedded sandboxes the reviewers approve the request the run submitted, unless they
   * already decided in an earlier run; the flow then runs again to release the package.
   */
  @Override
  public boolean afterRun(Environment env, RunReport report) {
    return env.embedded() && approveOnce(env.tradingGridSandbox());
  }

  /** The reviewers approve, unless they already decided in an earlier run; true when they approved now. */
  private static boolean approveOnce(TradingGridSandbox tg) {
    boolean approved = false;
    for (JsonNode approval : tg.resources(TradingGridResource.APPROVALS)) {
      if (approval.path("externalRef").asText().equals("gridcast:approval:" + FLOW_NAME + ":" + SUBMISSION_KEY)
          && approval.path("decisions").isEmpty()) {
        String id = approval.path("id").asText();
        tg.decideApproval(id, "legal", "approve", "m.okafor@halvorsen-pike.example", "Music licences checked.");
        tg.decideApproval(id, "compliance", "approve", "j.berg@halvorsen-pike.example", null);
        tg.decideApproval(id, "partner_operations", "approve", "a.silva@halvorsen-pike.example", null);
        approved = true;
      }
    }
    return approved;
  }

  /** A 1400x1400 PNG cover, uploaded once and found again by its externalRef. */
  private static String coverOnce(TradingGridClient tg) {
    String ref = "gridcast-example:supply-minutes-44-cover";
    return tg.documents().findByExternalRef(ref).map(d -> d.id()).orElseGet(() -> {
      BufferedImage image = new BufferedImage(1400, 1400, BufferedImage.TYPE_INT_RGB);
      Graphics2D g = image.createGraphics();
      g.setColor(new Color(0x1D, 0xB9, 0x54));
      g.fillRect(0, 0, 1400, 1400);
      g.dispose();
      ByteArrayOutputStream png = new ByteArrayOutputStream();
      try {
        ImageIO.write(image, "png", png);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return tg.documents().upload(png.toByteArray(), "supply-minutes-44-cover.png", "image/png", ref,
          "gridcast-example-supply-minutes-44-cover").id();
    });
  }

  private static PodcastFeed channel() {
    return PodcastFeed.builder()
        .title("Supply Chain Minutes")
        .link(URI.create("https://suppliers.halvorsen-pike.example"))
        .description("The Halvorsen & Pike supplier podcast.")
        .author("Halvorsen & Pike Content Team")
        .ownerName("Content Team")
        .ownerEmail(SUBMITTER)
        .category("Business")
        .imageUrl(URI.create("https://media.halvorsen-pike.example/supply-minutes/cover.png"))
        .build();
  }
}
