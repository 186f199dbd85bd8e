package io.gridcast.examples;

import java.util.List;
import java.util.Optional;

/** Every example the launcher knows, in the order {@code --help} lists them. */
final class Examples {

  static final List<Example> ALL = List.of(
      new EpisodeAnnouncementsExample(),   // flow 1
      new TrainingSeriesExample(),         // flow 2
      new IssueAudioUpdatesExample(),      // flow 3
      new CampaignCoordinationExample(),   // flow 4
      new ApprovalPublishingExample(),     // flow 5
      new PartnerFeedbackExample(),        // flow 6
      new BusinessMusicExample(),          // flow 7
      new PerformanceReportExample());     // flow 8

  private Examples() {}

  static Optional<Example> named(String name) {
    return ALL.stream().filter(e -> e.name().equals(name)).findFirst();
  }
}
