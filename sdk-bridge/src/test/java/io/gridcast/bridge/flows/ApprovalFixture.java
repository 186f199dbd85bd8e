package io.gridcast.bridge.flows;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridcast.bridge.Bridge;
import io.gridcast.bridge.Flow;
import io.gridcast.bridge.state.InMemoryStateStore;
import io.gridcast.bridge.testing.Sandboxes;
import io.gridcast.spotify.feed.FeedSink;
import io.gridcast.spotify.feed.FileSystemFeedSink;
import io.gridcast.spotify.feed.ReleaseWatcher;
import io.gridcast.testkit.SpotifyDemoData;
import io.gridcast.testkit.TradingGridDemoData;
import io.gridcast.testkit.TradingGridResource;
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
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Both sandboxes, a state store, a feed file and a media folder for the end-to-end tests of flow
 * 5's release of an approved package, with the records those tests read back.
 */
final class ApprovalFixture implements AutoCloseable {

  static final String SHOW = SpotifyDemoData.SHOW_ARCHIVE_SESSIONS;
  static final String SUBMITTER = "content-team@halvorsen-pike.example";
  static final String FLOW = "approval-publishing";
  static final String KEY = "ep44";
  static final String TITLE = "Supply Chain Minutes 44: Peak without panic";
  static final String DESCRIPTION = "How the peak cut-offs work.";
  static final URI MEDIA_BASE = URI.create("https://media.example.com/releases/");

  final Sandboxes sandboxes = Sandboxes.start();
  final InMemoryStateStore store = new InMemoryStateStore();
  final Bridge bridge = sandboxes.bridge(store);
  final Path dir;
  final Path feedFile;
  final FileSystemFeedSink feed;

  ApprovalFixture(Path dir) {
    this.dir = dir;
    this.feedFile = dir.resolve("releases.xml");
    this.feed = FileSystemFeedSink.create(feedFile, URI.create("https://feeds.example.com/releases.xml"),
        IssueAudioUpdatesFlowTest.channel());
    sandboxes.spotifySandbox.registerFeed(SHOW, feedFile.toUri());
  }

  /** The demo package of episode 43 with {@code artwork} as its cover. */
  static ContentPackage.Builder demoPackage(String artwork) {
    return ContentPackage.builder()
        .scriptDocumentId(TradingGridDemoData.DOCUMENT_EP43_SCRIPT)
        .artworkDocumentId(artwork)
        .releaseNotesDocumentId(TradingGridDemoData.DOCUMENT_EP43_RELEASE_NOTES)
        .audioDocumentId(TradingGridDemoData.DOCUMENT_EP43_AUDIO);
  }

  Flow<?, ?> flow(ContentPackage pkg) {
    return flow(pkg, DESCRIPTION, feed);
  }

  Flow<?, ?> flow(ContentPackage pkg, String description, FeedSink sink) {
    ReleaseWatcher watcher = ReleaseWatchers.ingesting(sandboxes);
    return ApprovalGatedPublishingFlow.create(sandboxes.spotify, sandboxes.tradingGrid,
        ApprovalGatedPublishingConfig.builder()
            .publishing(FeedPublishingConfig.builder().showId(SHOW).feedSink(sink).mediaFolder(dir.resolve("media"))
                .mediaBaseUrl(MEDIA_BASE).releaseWatcher(watcher).build())
            .addSubmissions(new ContentSubmission(KEY, TITLE, description, pkg, SUBMITTER))
            .flowName(FLOW)
            .build());
  }

  /** A square PNG cover of {@code side} pixels in one colour. */
  static byte[] cover(int side, int rgb) {
    BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(rgb));
    g.fillRect(0, 0, side, side);
    g.dispose();
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", png);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return png.toByteArray();
  }

  /** Uploads a document to Trading Grid as a person would; returns its id. */
  String upload(String fileName, String contentType, byte[] content) {
    return sandboxes.tradingGridSandbox.uploadDocument(fileName, contentType, content).path("id").asText();
  }

  String approvalId() {
    List<JsonNode> mine = approvals();
    if (mine.size() != 1) {
      throw new AssertionError("expected one approval of submission " + KEY + ", found " + mine.size());
    }
    return mine.get(0).path("id").asText();
  }

  /** The approvals this flow requested for submission {@link #KEY}, as Trading Grid holds them. */
  List<JsonNode> approvals() {
    return sandboxes.tradingGridSandbox.resources(TradingGridResource.APPROVALS).stream()
        .filter(a -> a.path("externalRef").asText().equals("gridcast:approval:" + FLOW + ":" + KEY)).toList();
  }

  JsonNode approval() {
    return sandboxes.tradingGridSandbox.resource(TradingGridResource.APPROVALS, approvalId()).orElseThrow();
  }

  List<JsonNode> trail() {
    return sandboxes.tradingGridSandbox.auditTrail(approvalId());
  }

  /** The details of the trail's entries with {@code action}, oldest first. */
  List<String> details(String action) {
    return trail().stream().filter(e -> e.path("action").asText().equals(action)).map(e -> e.path("detail").asText())
        .toList();
  }

  List<String> actions() {
    return trail().stream().map(e -> e.path("action").asText()).toList();
  }

  byte[] documentBytes(String documentId) {
    return sandboxes.tradingGridSandbox.documentContent(documentId).orElseThrow();
  }

  void decideAll(String decision) {
    String id = approvalId();
    sandboxes.tradingGridSandbox.decideApproval(id, "legal", "approve", "m.okafor@halvorsen-pike.example", null);
    sandboxes.tradingGridSandbox.decideApproval(id, "compliance", "approve", "j.berg@halvorsen-pike.example", null);
    sandboxes.tradingGridSandbox.decideApproval(id, "partner_operations", decision, "a.silva@halvorsen-pike.example",
        "Intro too long");
  }

  /** The feed file's {@code <item>} elements, parsed as XML (namespace aware). */
  List<Element> feedItems() throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    NodeList items = factory.newDocumentBuilder().parse(feedFile.toFile()).getElementsByTagName("item");
    return java.util.stream.IntStream.range(0, items.getLength()).mapToObj(i -> (Element) items.item(i)).toList();
  }

  /** The text of an item's first child element named {@code name} (no namespace). */
  static String child(Element item, String name) {
    return item.getElementsByTagName(name).item(0).getTextContent();
  }

  /** The {@code href} of an item's {@code itunes:image}. */
  static String itunesImage(Element item) {
    NodeList images = item.getElementsByTagNameNS("http://www.itunes.com/dtds/podcast-1.0.dtd", "image");
    return images.getLength() == 0 ? null : ((Element) images.item(0)).getAttribute("href");
  }

  List<Path> mediaFiles() throws IOException {
    Path media = dir.resolve("media");
    if (!Files.isDirectory(media)) {
      return List.of();
    }
    try (var files = Files.list(media)) {
      return files.map(media::relativize).sorted().toList();
    }
  }

  @Override
  public void close() {
    sandboxes.close();
  }
}
