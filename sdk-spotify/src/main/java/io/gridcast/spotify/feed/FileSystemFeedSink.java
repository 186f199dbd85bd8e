package io.gridcast.spotify.feed;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link FeedSink} that keeps the feed as an RSS file, for a web server or CDN origin to serve.
 *
 * <p>Every change rewrites the whole file atomically: the new feed goes to a temporary file in
 * the same directory, is flushed to disk, and is then moved over the old file with {@link
 * StandardCopyOption#ATOMIC_MOVE}. A crash therefore leaves either the old or the new feed, never
 * a half-written one. The directory's file system must support atomic moves (local file systems
 * do); otherwise {@link #upsert(FeedItem)} fails and the old feed stays.
 *
 * <p>The channel metadata is taken from the {@code channel} given at construction on every write
 * (so changing it updates the feed); its items are ignored, the items come from the file. Items
 * are written newest first by {@link FeedItem#pubDate()}. Upserts are serialized within the JVM
 * and, through a {@code <file>.lock} file lock, across processes on the same host. Instances are
 * thread-safe.
 */
public final class FileSystemFeedSink implements FeedSink {

  private static final Logger LOG = LoggerFactory.getLogger(FileSystemFeedSink.class);
  private static final Comparator<FeedItem> NEWEST_FIRST =
      Comparator.comparing(FeedItem::pubDate).reversed().thenComparing(FeedItem::guid);

  private final Path file;
  private final Path lockFile;
  private final URI feedUrl;
  private final PodcastFeed channel;
  private final FeedWriter writer = new FeedWriter();
  private final FeedReader reader = new FeedReader();
  private final ReentrantLock lock = new ReentrantLock();

  private FileSystemFeedSink(Path file, URI feedUrl, PodcastFeed channel) {
    this.file = file.toAbsolutePath();
    this.lockFile = this.file.resolveSibling(this.file.getFileName() + ".lock");
    this.feedUrl = feedUrl;
    this.channel = channel;
  }

  /**
   * Creates a sink writing {@code file}, which Spotify fetches at {@code feedUrl}.
   *
   * @param file the feed file; its directory must exist; the file is created on first upsert
   * @param feedUrl the public URL of the feed, as registered with Spotify
   * @param channel the channel metadata; its items are ignored
   * @throws IllegalArgumentException if {@code feedUrl} is not absolute http(s) or {@code file}
   *     has no parent directory
   * @throws NullPointerException if an argument is null
   */
  public static FileSystemFeedSink create(Path file, URI feedUrl, PodcastFeed channel) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(feedUrl, "feedUrl");
    Objects.requireNonNull(channel, "channel");
    FeedChecks.httpUrl(feedUrl, "feedUrl");
    if (file.toAbsolutePath().getParent() == null) {
      throw new IllegalArgumentException("file must be inside a directory, got " + file);
    }
    return new FileSystemFeedSink(file, feedUrl, channel);
  }

  /** Returns the feed file this sink writes. */
  public Path file() {
    return file;
  }

  @Override
  public URI feedUrl() {
    return feedUrl;
  }

  @Override
  public List<FeedItem> items() throws IOException {
    if (!Files.exists(file)) {
      return List.of();
    }
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return reader.readItems(in);
    }
  }

  @Override
  public UpsertOutcome upsert(FeedItem item) throws IOException {
    Objects.requireNonNull(item, "item");
    lock.lock();
    try (FileChannel lockChannel =
        FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      // Held until the channel closes; keeps other processes from interleaving their upserts.
      lockChannel.lock();
      List<FeedItem> items = new ArrayList<>(items());
      UpsertOutcome outcome = merge(items, item);
      if (outcome != UpsertOutcome.UNCHANGED) {
        items.sort(NEWEST_FIRST);
        writeAtomically(PodcastFeed.builder().from(channel).items(items).build());
      }
      LOG.debug("Feed item {} {} in {}", item.guid(), outcome, file);
      return outcome;
    } finally {
      lock.unlock();
    }
  }

  private static UpsertOutcome merge(List<FeedItem> items, FeedItem item) {
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i).guid().equals(item.guid())) {
        if (items.get(i).equals(item)) {
          return UpsertOutcome.UNCHANGED;
        }
        items.set(i, item);
        removeLaterDuplicates(items, i);
        return UpsertOutcome.UPDATED;
      }
    }
    items.add(item);
    return UpsertOutcome.CREATED;
  }

  /** Heals a feed that was edited by hand and holds a guid twice: the first one wins. */
  private static void removeLaterDuplicates(List<FeedItem> items, int kept) {
    String guid = items.get(kept).guid();
    for (int i = items.size() - 1; i > kept; i--) {
      if (items.get(i).guid().equals(guid)) {
        items.remove(i);
      }
    }
  }

  private void writeAtomically(PodcastFeed feed) throws IOException {
    Path temp = Files.createTempFile(file.getParent(), "." + file.getFileName() + "-", ".tmp");
    try {
      try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
        writer.write(feed, out);
      }
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        channel.force(true);
      }
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  @Override
  public String toString() {
    return "FileSystemFeedSink[" + file + " -> " + feedUrl + "]";
  }
}
