package io.gridcast.examples;

import java.util.List;
import java.util.Optional;

/** Every example the launcher knows, in the order {@code --help} lists them. */
final class Examples {

  static final List<ExampleFlow> ALL = List.of(
      new EpisodeAnnouncementsExample(),
      new IssueAudioUpdatesExample(),
      new ApprovalPublishingExample(),
      new PerformanceReportExample(),
      new PartnerFeedbackExample(),
      new TrainingSeriesExample(),
      new BusinessMusicExample(),
      new CampaignCoordinationExample());

  private Examples() {}

  static Optional<ExampleFlow> named(String name) {
    return ALL.stream().filter(e -> e.name().equals(name)).findFirst();
  }
}
