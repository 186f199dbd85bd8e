package io.gridcast.bridge.flows;

import io.gridcast.bridge.RunContext;
import io.gridcast.bridge.Mapper;
import io.gridcast.bridge.text.LinkPolicy;
import io.gridcast.bridge.text.PostTemplates;
import io.gridcast.bridge.text.TemplateModel;
import io.gridcast.core.LogSafe;
import io.gridcast.tradinggrid.model.Audience;
import io.gridcast.tradinggrid.model.Link;
import io.gridcast.tradinggrid.model.PartnerInstruction;
import io.gridcast.tradinggrid.model.PostCreate;
import io.gridcast.tradinggrid.model.PostKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The default posts of a milestone: for every partner with campaign instructions, one
 * announcement visible to that partner only, with that partner's instructions and the sponsor
 * disclosure, from the {@code campaign-milestone} templates. Before launch it says when the
 * milestone is due and that the link follows; once live, the same post (same {@code
 * externalRef}) carries the link to the release. Pure and thread-safe.
 */
final class MilestonePostsMapper implements Mapper<MilestoneRelease, MilestonePosts> {

  private final List<String> tags;
  private final PostTemplates templates;

  MilestonePostsMapper(List<String> tags, PostTemplates templates) {
    this.tags = List.copyOf(tags);
    this.templates = templates;
  }

  @Override
  public MilestonePosts map(MilestoneRelease source, RunContext run) {
    List<PartnerInstruction> instructions = new ArrayList<>(source.campaign().partnerInstructions());
    instructions.sort(Comparator.comparing(PartnerInstruction::partnerId));
    List<PostCreate> posts = new ArrayList<>();
    String link = source.link().map(l -> LinkPolicy.spotify().check(l).orElseThrow(() -> new IllegalArgumentException(
        "the Spotify link of milestone " + source.milestone().id() + " is not an https link on Spotify's hosts: "
            + LogSafe.quoted(l)))).orElse(null);
    for (PartnerInstruction i : instructions) {
      if (i.instructions().isBlank()) {
        continue; // a partner without instructions of their own has the campaign kit
      }
      TemplateModel model = templates.model().text("campaign", source.campaign().name()).text("milestone", source.milestone().title())
          .date("due", source.milestone().dueDate()).flag("live", link != null)
          .notes("instructions", i.instructions(), LinkPolicy.anyHttps());
      SponsorDisclosure.disclose(model, source.campaign());
      if (link != null) {
        model.text("item", source.itemName().orElseThrow()).url("episodeUrl", link, LinkPolicy.spotify());
      }
      Map<String, String> metadata = new LinkedHashMap<>();
      metadata.put("campaignId", source.campaign().id());
      metadata.put("milestoneId", source.milestone().id());
      source.milestone().spotifyUri().ifPresent(u -> metadata.put("spotifyUri", u));
      SponsorDisclosure.metadata(metadata, source.campaign());
      PostCreate.Builder post = PostCreate.builder()
          .kind(PostKind.ANNOUNCEMENT)
          .title(templates.title("campaign-milestone.title", model, EpisodeAnnouncementMapper.MAX_TITLE_CHARS, "Campaign milestone"))
          .body(templates.render("campaign-milestone", model))
          .metadata(metadata)
          .audience(Audience.ofPartners(List.of(i.partnerId())))
          .tags(tags)
          .externalRef(source.key() + ":partner:" + i.partnerId());
      if (link != null) {
        post.addLinks(Link.builder().rel("listen").title(templates.line("link-listen.title")).url(link).build());
      }
      posts.add(post.build());
    }
    return new MilestonePosts(source.campaign().id(), source.milestone().id(), source.isLive(), posts);
  }
}
