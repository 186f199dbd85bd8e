package io.gridcast.bridge.flows;

import io.gridcast.bridge.RunContext;
import io.gridcast.bridge.Mapper;
import io.gridcast.bridge.text.PostTemplates;
import io.gridcast.bridge.text.TemplateModel;
import io.gridcast.tradinggrid.model.FormCreate;
import io.gridcast.tradinggrid.model.FormField;
import io.gridcast.tradinggrid.model.FormFieldType;
import io.gridcast.tradinggrid.model.ThreadCreate;
import java.util.List;

/**
 * The default feedback channel of an episode: a thread titled after the episode and a form with
 * three questions — {@value #RATING} (1-5, required), {@value #TOPIC} (one of the configured
 * topics, required) and {@value #COMMENT} (free text, optional). Pure and thread-safe.
 */
public final class FeedbackChannelMapper implements Mapper<ShowEpisode, FeedbackChannel> {

  /** The form's rating field key. */
  public static final String RATING = "rating";
  /** The form's topic field key. */
  public static final String TOPIC = "topic";
  /** The form's comment field key. */
  public static final String COMMENT = "comment";

  private final List<String> topics;
  private final PostTemplates templates;

  public FeedbackChannelMapper(List<String> topics, PostTemplates templates) {
    this.topics = List.copyOf(topics);
    this.templates = templates;
  }

  @Override
  public FeedbackChannel map(ShowEpisode source, RunContext run) {
    TemplateModel model = templates.model().text("show", source.showName()).text("episode", source.episode().name());
    ThreadCreate thread = ThreadCreate.builder()
        .title(templates.title("feedback-thread.title", model, EpisodeAnnouncementMapper.MAX_TITLE_CHARS, "Feedback"))
        .externalRef(FeedbackChannel.threadRef(source.key()))
        .build();
    FormCreate form = FormCreate.builder()
        .title(templates.title("feedback-form.title", model, EpisodeAnnouncementMapper.MAX_TITLE_CHARS, "Episode feedback"))
        .description(templates.render("feedback-form", model))
        .addFields(
            FormField.builder().key(RATING).label("How useful was this episode? (1-5)").type(FormFieldType.RATING).required(true).build(),
            FormField.builder().key(TOPIC).label("Which topic matters most to you?").type(FormFieldType.CHOICE).required(true)
                .choices(topics).build(),
            FormField.builder().key(COMMENT).label("Anything else?").type(FormFieldType.TEXT).required(false).build())
        .externalRef(FeedbackChannel.formRef(source.key()))
        .build();
    return new FeedbackChannel(thread, form);
  }
}
