package io.gridcast.bridge.flows;

import io.gridcast.bridge.Snapshot;
import io.gridcast.bridge.RunContext;
import io.gridcast.bridge.Mapper;
import io.gridcast.bridge.policy.PartnerDirectory;
import io.gridcast.bridge.policy.RoutingPolicy;
import io.gridcast.bridge.text.LinkPolicy;
import io.gridcast.bridge.text.PostTemplates;
import io.gridcast.bridge.text.TemplateModel;
import io.gridcast.tradinggrid.model.PostCreate;
import io.gridcast.tradinggrid.model.PostKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The default training post of an episode: the {@code training} template (the announcement's
 * layout with an FAQ section: the configured questions, then the episode's own {@code faq.md}
 * sheet) as a {@link PostKind#TRAINING} post, or the post a custom mapper writes, the
 * given existing documents attached and the episode's supporting documents to upload. Its
 * {@code externalRef} is {@link #postRef}. Pure for a given partner and document snapshot;
 * thread-safe.
 */
final class TrainingPostMapper implements Mapper<ShowEpisode, PostWithDocuments> {

  private final Mapper<ShowEpisode, PostCreate> layout;
  private final boolean custom;
  private final Map<String, String> faqs;
  private final List<String> documentIds;
  private final Snapshot<TrainingDocuments> documents;
  private final PostTemplates templates;

  TrainingPostMapper(RoutingPolicy<ShowEpisode> audience, Snapshot<PartnerDirectory> partners, List<String> tags,
      Map<String, String> faqs, List<String> documentIds, Snapshot<TrainingDocuments> documents, PostTemplates templates,
      Optional<Mapper<ShowEpisode, PostCreate>> custom) {
    this.layout = custom.orElseGet(() -> new EpisodeAnnouncementMapper(audience, partners, tags, PostKind.TRAINING, LinkPolicy.none(),
        templates));
    this.custom = custom.isPresent();
    this.templates = templates;
    this.faqs = faqs; // the config's map: immutable, in the order given
    this.documentIds = List.copyOf(documentIds);
    this.documents = documents;
  }

  /** The training post's {@code externalRef} for an episode key (distinct from its announcement's). */
  public static String postRef(String episodeKey) {
    return "gridcast:training:" + episodeKey;
  }

  @Override
  public PostWithDocuments map(ShowEpisode source, RunContext run) {
    PostCreate base = layout.map(source, run);
    TrainingDocuments docs = run.snapshot(documents);
    if (!custom) {
      TemplateModel model = EpisodeAnnouncementMapper.model(templates.model(), source, EpisodeAnnouncementMapper.episodeLink(source.episode()))
          .notes("releaseNotes", source.episode().description(), LinkPolicy.anyHttps());
      Map<String, String> all = new LinkedHashMap<>(faqs);
      all.putAll(docs.faqsFor(source.episode().id())); // the episode's own sheet, after the shared questions
      List<TemplateModel> questions = new ArrayList<>(all.size());
      // the host's own text: questions shown as text, answers as the Markdown the host wrote
      all.forEach((q, a) -> questions.add(model.child().text("question", q.strip()).markdown("answer", a.strip())));
      model.flag("hasFaqs", !questions.isEmpty()).list("faqs", questions);
      base = base.withTitle(templates.title("training.title", model, EpisodeAnnouncementMapper.MAX_TITLE_CHARS, base.title()))
          .withBody(templates.render("training", model));
    }
    List<String> attachments = new ArrayList<>(base.attachments());
    attachments.addAll(documentIds);
    PostCreate post = base.withAttachments(attachments).withExternalRef(postRef(source.key()));
    return new PostWithDocuments(post, docs.forEpisode(source.episode().id()));
  }
}
