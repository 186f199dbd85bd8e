package io.gridcast.bridge.flows;

import io.gridcast.tradinggrid.TradingGridClient;
import io.gridcast.tradinggrid.model.Issue;
import java.util.Optional;

/**
 * Where the audio of an issue's audio update comes from: the extension point of {@link
 * IssueAudioUpdatesFlow}. The default, {@link #issueAttachment(TradingGridClient)}, takes the
 * issue's first attachment with an {@code audio/*} content type (someone recorded the script
 * the flow attached as {@code issue-<id>-audio-update-script.md} and attached the recording).
 * Implement this interface to have a text-to-speech service read the script, or to fetch the
 * recording from a recording service or media library, and set it with {@code
 * IssueAudioUpdatesConfig.builder().audioSource(...)}.
 *
 * <p>The flow calls {@link #audioFor} once per delivery of an issue, after it has attached the
 * script document and before anything is published; the issue it passes is as it stands then
 * (its attachments include the script document, a {@code text/markdown} document). Rules:
 * <ul>
 *   <li>Return the same audio for the same issue content: the feed item and the media file are
 *       compared byte for byte, so audio that differs on every call (a TTS service that adds a
 *       timestamp, say) re-publishes the media file on every delivery.
 *   <li>Return empty when there is no audio yet: the issue is dead-lettered with {@link
 *       MissingAudioException} and told so once; replay the dead letter once the audio exists.
 *   <li>Throw for a failure (a service down, a rejected request): the bridge's failure policy
 *       retries or dead-letters the issue; nothing has been published at that point.
 *   <li>Be thread-safe; the flow may deliver several issues at once.
 * </ul>
 *
 * <p>A text-to-speech implementation, reading the script the flow's mapper wrote (the same text
 * as the script document) and keeping each rendering in a cache by the script's hash:
 *
 * <pre>{@code
 * final class SpeechAudioSource implements AudioSource {
 *   private final SpeechClient speech;           // the host's TTS client (Polly, Azure, Google ...)
 *   private final Mapper<Issue, IssueAudioUpdate> scripts;  // e.g. the flow's IssueAudioUpdateMapper
 *   private final Path cache;
 *
 *   public Optional<AudioClip> audioFor(Issue issue) {
 *     String script = scripts.map(issue, RunContext.detached("tts", Clock.systemUTC())).script();
 *     Path mp3 = cache.resolve(sha256Hex(script) + ".mp3");
 *     if (Files.notExists(mp3)) {
 *       Files.write(mp3, speech.synthesize(script, "en-GB-Neural", "audio/mpeg")); // same text, same bytes
 *     }
 *     return Optional.of(AudioClip.of(mp3.getFileName().toString(), "audio/mpeg", Files.readAllBytes(mp3)));
 *   }
 * }
 * }</pre>
 *
 * <p>A recording service that the studio uploads to, found by the issue's id:
 *
 * <pre>{@code
 * AudioSource studio = issue -> recordings.find("gridcast-issue-" + issue.id())   // Optional<Recording>
 *     .map(r -> AudioClip.of(r.fileName(), r.contentType(), r.bytes()).withDuration(r.duration()));
 * }</pre>
 */
@FunctionalInterface
public interface AudioSource {

  /**
   * The audio for {@code issue}, or empty when it has none (the flow then refuses the issue and
   * says so on the issue once).
   *
   * @param issue the issue as it stands, its script document attached
   * @return the audio, or empty when there is none yet
   */
  Optional<AudioClip> audioFor(Issue issue);

  /**
   * The issue's first attachment whose content type is {@code audio/*}, downloaded (its SHA-256
   * checked).
   *
   * @param tradingGrid the client the attachments are read with
   */
  static AudioSource issueAttachment(TradingGridClient tradingGrid) {
    return new IssueAttachmentAudioSource(tradingGrid);
  }
}
