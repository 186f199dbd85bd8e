/**
 * The eight flows between Spotify and Active Community. Each is a {@code ...Flow} class whose
 * static {@code create(spotify, tradingGrid, config)} returns a {@link io.gridcast.bridge.Flow}
 * to run with {@code bridge.run}, configured by an Immutables {@code ...Config}, with a Javadoc
 * example: episode announcements (1), training series (2), issue-resolution audio updates (3,
 * also {@code webhooks(...)} for verified deliveries), campaign coordination (4), approval-gated
 * publishing (5), partner feedback (6), business music programmes (7) and performance reports (8).
 *
 * <p>Also public, as building blocks of flows of your own and for the types the configurations
 * name: {@link io.gridcast.bridge.flows.ShowEpisodesSource} and {@link
 * io.gridcast.bridge.flows.ShowEpisode}, {@link io.gridcast.bridge.flows.EpisodeAnnouncementMapper}
 * and {@link io.gridcast.bridge.flows.IssueAudioUpdateMapper} (the default mappers, to wrap or
 * replace), {@link io.gridcast.bridge.flows.PostSink} (creates, updates and finds Trading Grid
 * posts), the extension point {@link io.gridcast.bridge.flows.AudioSource}, the items the
 * configurations and reports name ({@code IssueAudioUpdate}, {@code ContentSubmission}, {@code
 * SettledConflict}, {@code FeedbackChannel}, {@code FeedbackSnapshot}, {@code PerformanceData},
 * ...) and the exceptions a dead letter can carry. Internal (package-private): the other sinks,
 * sources and mappers, and the item types only one flow uses. Flow 8 needs the optional
 * JFreeChart dependency ({@code org.jfree:jfreechart}) for its chart.
 */
package io.gridcast.bridge.flows;
