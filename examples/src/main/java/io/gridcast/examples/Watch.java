package io.gridcast.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridcast.bridge.Bridge;
import io.gridcast.bridge.Flow;
import io.gridcast.bridge.RunReport;
import io.gridcast.bridge.Worker;
import io.gridcast.bridge.flows.TradingGridEvents;
import io.gridcast.spotify.feed.FeedItem;
import io.gridcast.spotify.feed.FileSystemFeedSink;
import io.gridcast.spotify.feed.PodcastFeed;
import io.gridcast.testkit.SpotifyDemoData;
import io.gridcast.testkit.TradingGridDemoData;
import io.gridcast.testkit.TradingGridResource;
import io.gridcast.testkit.TradingGridSandbox;
import io.gridcast.tradinggrid.model.EventType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code examples/run --watch [flow…|all]}: the chosen flows run continuously in a {@link Worker}
 * (every 5 s, and at once when the Trading Grid events feed, polled every second, shows a change
 * they care about), a line per finished run; typed commands change the embedded sandboxes as
 * people would, so that a change is seen travelling across: {@code episode} (a new episode of
 * Lieferkette Live comes out, through its RSS feed), {@code resolve} (a trading issue is logged
 * with a recorded update and resolved), {@code site} (a site asks for a track to be added to its
 * playlist), {@code status}, and {@code quit} (or Ctrl-C): the worker stops at an item
 * boundary, nothing lost.
 */
final class Watch {

  static final Duration INTERVAL = Duration.ofSeconds(5);
  static final Duration POLL = Duration.ofSeconds(1);

  /** The events that wake each example's flow, by example name. */
  private static final Map<String, List<EventType>> WAKES = Map.of(
      "audio-updates", List.of(EventType.ISSUE_RESOLVED, EventType.ISSUE_CREATED),
      "business-music", List.of(EventType.SITE_REQUEST_CREATED, EventType.SITE_UPDATED),
      "approval-publishing", List.of(EventType.APPROVAL_CREATED, EventType.APPROVAL_DECIDED, EventType.APPROVAL_COMPLETED),
      "campaign-coordination", List.of(EventType.CAMPAIGN_UPDATED),
      "partner-feedback", List.of(EventType.FORM_SUBMITTED, EventType.THREAD_MESSAGE_CREATED));

  private Watch() {}

  /**
   * Watches {@code examples} until {@code commands} says {@code quit} or ends.
   *
   * @return 0
   */
  static int run(List<Example> examples, Environment env, Bridge bridge, BufferedReader commands, PrintStream out) {
    Worker.Builder builder = Worker.builder(bridge).threads(2)
        .listener((flow, report, next) -> out.println(line(flow, report, next)));
    TradingGridEvents events = TradingGridEvents.of(env.tradingGrid());
    boolean wakes = false;
    List<String> names = new ArrayList<>();
    for (Example e : examples) {
      if (env.embedded()) {
        e.beforeRun(env); // what the demo's people do once, as before a single run
      }
      Flow<?, ?> flow = e.flow(env);
      builder.every(INTERVAL, Duration.ofSeconds(1), flow);
      names.add(flow.name());
      for (EventType type : WAKES.getOrDefault(e.name(), List.of())) {
        events = events.wake(flow.name(), type);
        wakes = true;
      }
    }
    if (wakes) {
      builder.wakeOn(events, POLL);
    }
    try (Worker worker = builder.build()) {
      Thread stopper = new Thread(worker::close, "gridcast-watch-stop");
      Runtime.getRuntime().addShutdownHook(stopper); // Ctrl-C: stop at an item boundary
      worker.start();
      out.println("watching " + names + ": each runs every " + INTERVAL.toSeconds() + " s"
          + (wakes ? ", and at once when the events feed (polled every " + POLL.toSeconds() + " s) shows a change it takes in" : ""));
      out.println(env.embedded()
          ? "type: episode (a new episode comes out), resolve (an issue is resolved with a recorded update),"
              + " site (a site asks for a track), status, quit"
          : "type: status, quit");
      try {
        for (String command = commands.readLine(); command != null; command = commands.readLine()) {
          String c = command.strip().toLowerCase(Locale.ROOT);
          if (c.equals("quit") || c.equals("q")) {
            break;
          }
          out.println(apply(c, env, worker));
        }
      } catch (IOException e) {
        out.println("cannot read commands any more (" + e.getMessage() + "); stopping");
      }
      out.println("stopping: running flows finish their item and record it");
      try {
        Runtime.getRuntime().removeShutdownHook(stopper);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running already
      }
    }
    out.println("stopped");
    return 0;
  }

  private static String apply(String command, Environment env, Worker worker) {
    switch (command) {
      case "" -> {
        return "";
      }
      case "status" -> {
        StringBuilder s = new StringBuilder();
        for (Worker.FlowStatus f : worker.status()) {
          s.append(String.format("  %-26s %s, last: %s, next: %s%n", f.flow(), f.running() ? "running" : "idle",
              f.lastReport().map(Watch::counts).orElse("-"),
              f.nextRunAt().map(t -> LocalTime.ofInstant(t, java.time.ZoneId.systemDefault()).truncatedTo(ChronoUnit.SECONDS)
                  .toString()).orElse("-")));
        }
        return s.toString().stripTrailing();
      }
      case "episode" -> {
        if (!env.embedded()) {
          return "episode changes the embedded sandboxes only";
        }
        String id = publishNewEpisode(env);
        return "episode " + id + " of Lieferkette Live is out: watch episode-announcements announce it";
      }
      case "resolve" -> {
        if (!env.embedded()) {
          return "resolve changes the embedded sandboxes only";
        }
        String id = resolveNewIssue(env.tradingGridSandbox());
        return "issue " + id + " logged with a recorded update and resolved: watch audio-updates pick it up";
      }
      case "site" -> {
        if (!env.embedded()) {
          return "site changes the embedded sandboxes only";
        }
        JsonNode r = env.tradingGridSandbox().raiseSiteRequest(TradingGridDemoData.SITE_ROTTERDAM, "playlist_change",
            "add spotify:track:" + SpotifyDemoData.trackId(5));
        return "site request " + r.path("id").asText() + " raised for Rotterdam: watch business-music decide it";
      }
      default -> {
        return "unknown command " + command + " (episode, resolve, site, status, quit)";
      }
    }
  }

  /**
   * Publishes a new episode of Lieferkette Live as its producers would: an item added to the
   * show's RSS feed (a file in the working directory), which Spotify ingests.
   */
  private static String publishNewEpisode(Environment env) {
    Path file = env.dir().resolve("lieferkette-live.xml");
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    String at = LocalTime.ofInstant(now, ZoneId.systemDefault()).toString();
    try {
      FileSystemFeedSink feed = FileSystemFeedSink.create(file, URI.create("https://feeds.example.com/lieferkette-live.xml"),
          PodcastFeed.builder().title("Lieferkette Live").link(URI.create("https://halvorsen-pike.example/podcast"))
              .description("Supply chain news for our partners.").author("Halvorsen & Pike").ownerName("Partner desk")
              .ownerEmail("partners@halvorsen-pike.example").category("Business")
              .imageUrl(URI.create("https://media.example.com/lieferkette.png")).build());
      feed.upsert(FeedItem.builder().guid("watch-" + now.getEpochSecond())
          .title("Lieferkette Live, " + at + ": what changed this week")
          .description("Carrier capacity, customs changes and the new ASN rules, in ten minutes.")
          .pubDate(now).enclosureUrl(URI.create("https://media.example.com/lieferkette-" + now.getEpochSecond() + ".mp3"))
          .enclosureLength(9_600_000).duration(Duration.ofMinutes(10)).build());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the feed " + file, e);
    }
    env.spotifySandbox().registerFeed(SpotifyDemoData.SHOW_LIEFERKETTE_LIVE, file.toUri());
    return env.spotifySandbox().ingestNow().stream().findFirst().orElseThrow();
  }

  /** Logs a trading issue, attaches a recorded update and resolves it, as a person would. */
  private static String resolveNewIssue(TradingGridSandbox tg) {
    String at = LocalTime.now().truncatedTo(ChronoUnit.SECONDS).toString();
    JsonNode issue = tg.logIssue("trading_issue", "ASN rejected at " + at, "An advance ship notice was rejected at the gateway.", null);
    String id = issue.path("id").asText();
    JsonNode document = tg.uploadDocument("update-" + id + ".mp3", "audio/mpeg",
        ("ID3\u0004 Halvorsen & Pike audio update for " + id).getBytes(StandardCharsets.UTF_8));
    ObjectNode patch = JsonNodeFactory.instance.objectNode();
    patch.putArray("attachments").add(document.path("id").asText());
    tg.update(TradingGridResource.ISSUES, id, patch);
    tg.resolveIssue(id, "The gateway now accepts the SSCC format the supplier sends.", "Widened the SSCC check.");
    return id;
  }

  static String line(String flow, RunReport report, Duration next) {
    String at = LocalTime.now().truncatedTo(ChronoUnit.SECONDS).toString();
    if (report == null) {
      return at + " " + flow + ": failed outside the engine; next in " + next.toSeconds() + " s";
    }
    return at + " " + flow + ": " + counts(report)
        + report.stoppedBecause().map(r -> "; stopped: " + r).orElse(report.leaseHeldElsewhere() ? "; lease held elsewhere" : "")
        + "; next in " + Math.max(0, next.toSeconds()) + " s";
  }

  private static String counts(RunReport r) {
    return String.format("created %d, updated %d, unchanged %d, failed %d", r.created(), r.updated(), r.unchanged(), r.failed());
  }
}
