package io.gridcast.bridge.flows;

import io.gridcast.bridge.Mapper;
import io.gridcast.bridge.RunContext;
import io.gridcast.bridge.text.LinkPolicy;
import io.gridcast.bridge.text.PostTemplates;
import io.gridcast.bridge.text.TemplateModel;
import io.gridcast.tradinggrid.model.Audience;
import io.gridcast.tradinggrid.model.Campaign;
import io.gridcast.tradinggrid.model.Document;
import io.gridcast.tradinggrid.model.PostCreate;
import io.gridcast.tradinggrid.model.PostKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The campaign kit: one announcement for the campaign's participating partners with the brief,
 * the approval documents attached by their ids (each must exist, or the item fails with {@link
 * MissingApprovalDocumentException}) and the sponsor disclosure, from the {@code campaign-kit}
 * templates. Pure and thread-safe.
 */
final class CampaignKitMapper implements Mapper<CampaignKit, PostWithDocuments> {

  private final List<String> tags;
  private final PostTemplates templates;

  CampaignKitMapper(List<String> tags, PostTemplates templates) {
    this.tags = List.copyOf(tags);
    this.templates = templates;
  }

  @Override
  public PostWithDocuments map(CampaignKit source, RunContext run) {
    Campaign c = source.campaign();
    List<String> ids = new ArrayList<>();
    List<TemplateModel> documents = new ArrayList<>();
    for (Map.Entry<String, Optional<Document>> e : source.approvalDocuments().entrySet()) {
      Document d = e.getValue().orElseThrow(() -> new MissingApprovalDocumentException(c.id(), e.getKey()));
      if (!ids.contains(d.id())) {
        ids.add(d.id());
        documents.add(templates.model().child().code("fileName", d.fileName()));
      }
    }
    TemplateModel model = SponsorDisclosure.disclose(templates.model(), c).text("campaign", c.name())
        .notes("brief", c.brief(), LinkPolicy.anyHttps()).list("documents", documents)
        .flag("hasDocuments", !documents.isEmpty());
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put("campaignId", c.id());
    SponsorDisclosure.metadata(metadata, c);
    PostCreate post = PostCreate.builder()
        .kind(PostKind.ANNOUNCEMENT)
        .title(templates.title("campaign-kit.title", model, EpisodeAnnouncementMapper.MAX_TITLE_CHARS, "Campaign kit"))
        .body(templates.render("campaign-kit", model))
        .metadata(metadata)
        .audience(Audience.ofPartners(SponsorDisclosure.participants(c)))
        .attachments(ids)
        .tags(tags)
        .externalRef(source.key())
        .build();
    return new PostWithDocuments(post, List.of());
  }
}
