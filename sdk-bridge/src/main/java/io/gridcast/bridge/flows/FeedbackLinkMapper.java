package io.gridcast.bridge.flows;

import io.gridcast.bridge.Mapper;
import io.gridcast.bridge.RunContext;
import io.gridcast.bridge.text.PostTemplates;
import io.gridcast.bridge.text.TemplateModel;
import io.gridcast.tradinggrid.model.Link;

/**
 * The link from an episode's announcement post to its feedback thread: {@code rel}
 * {@value #REL}, titled by the {@code feedback-link.title} template. Pure and thread-safe.
 */
final class FeedbackLinkMapper implements Mapper<FeedbackThreadLink, AnnouncementLink> {

  /** The {@code rel} of the link to the feedback thread. */
  static final String REL = "feedback";

  private final PostTemplates templates;

  FeedbackLinkMapper(PostTemplates templates) {
    this.templates = templates;
  }

  @Override
  public AnnouncementLink map(FeedbackThreadLink source, RunContext run) {
    TemplateModel model = templates.model().text("show", source.episode().showName())
        .text("episode", source.episode().episode().name());
    return new AnnouncementLink(source.postId(), Link.builder().rel(REL)
        .title(templates.title("feedback-link.title", model, EpisodeAnnouncementMapper.MAX_TITLE_CHARS, "Feedback"))
        .url(source.threadUrl()).build(), source.postFingerprint());
  }
}
