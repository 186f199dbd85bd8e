/**
 * Podcast feed publishing: Spotify's Web API cannot upload podcast audio, so Gridcast publishes
 * an episode by adding it to the show's RSS feed, which Spotify ingests.
 *
 * <p>{@link io.gridcast.spotify.feed.PodcastFeed} and {@link io.gridcast.spotify.feed.FeedItem}
 * model the feed, {@link io.gridcast.spotify.feed.FeedWriter} writes RSS 2.0 with the iTunes
 * tags Spotify reads, {@link io.gridcast.spotify.feed.FeedReader} reads the items back, and a
 * {@link io.gridcast.spotify.feed.FeedSink} stores the feed where Spotify fetches it ({@link
 * io.gridcast.spotify.feed.FileSystemFeedSink} for a file served by a web server). Once an item
 * is in the feed, a {@link io.gridcast.spotify.feed.ReleaseWatcher} polls the show until Spotify
 * has ingested it and returns the episode; an {@link io.gridcast.spotify.feed.EpisodeMatcher}
 * decides which episode is the item's.
 */
package io.gridcast.spotify.feed;
