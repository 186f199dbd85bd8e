package io.gridcast.bridge.flows;

import io.gridcast.bridge.RunContext;
import io.gridcast.bridge.Mapper;
import io.gridcast.bridge.text.PostTemplates;
import io.gridcast.bridge.text.TemplateModel;
import io.gridcast.tradinggrid.model.Site;
import io.gridcast.tradinggrid.model.SiteRequest;

/**
 * The default rules for open site requests. Pure and thread-safe.
 *
 * <ul>
 *   <li>a request naming a site that does not exist is refused;
 *   <li>{@code new_site}: refused when the site has no licence documents (a site cannot go live
 *       without them) or its licence expired (by the run's clock, in the site's time zone),
 *       accepted otherwise;
 *   <li>{@code playlist_change}: refused when the site has no licence documents or the details
 *       hold no valid {@link PlaylistChange} instruction, accepted otherwise;
 *   <li>{@code licence}: accepted once the site has licence documents that have not expired (by
 *       the run's clock, in the site's time zone), left open until then;
 *   <li>{@code support} (and types this version does not know): left for people.
 * </ul>
 *
 * Every refusal carries a comment saying why and what to do instead (the {@code site-request-refused} template).
 */
public final class SiteRequestDecider implements Mapper<SiteRequestCase, SiteRequestDecision> {

  private final PostTemplates templates;

  public SiteRequestDecider(PostTemplates templates) {
    this.templates = templates;
  }

  @Override
  public SiteRequestDecision map(SiteRequestCase source, RunContext run) {
    SiteRequest r = source.request();
    if (source.site().isEmpty()) {
      return refuse(r, "unknownSite", templates.model().code("siteId", r.siteId()));
    }
    Site site = source.site().get();
    TemplateModel about = templates.model().text("site", site.name());
    boolean licensed = !site.licenceDocumentIds().isEmpty();
    switch (r.type()) {
      case NEW_SITE:
        if (!licensed) {
          return refuse(r, "noLicenceToGoLive", about);
        }
        if (SiteCalendar.licenceExpired(site, run.startedAt())) {
          return refuse(r, "licenceExpired", about.date("validUntil", site.licenceValidUntil().orElseThrow()));
        }
        return SiteRequestDecision.accept(r.id());
      case PLAYLIST_CHANGE:
        if (!licensed) {
          return refuse(r, "noLicenceForMusic", about);
        }
        try {
          if (PlaylistChange.parse(r.details()).isEmpty()) {
            return refuse(r, "noChange", about);
          }
        } catch (IllegalArgumentException e) {
          return refuse(r, "badChange", about.text("problem", e.getMessage()));
        }
        return SiteRequestDecision.accept(r.id());
      case LICENCE:
        return licensed && !SiteCalendar.licenceExpired(site, run.startedAt())
            ? SiteRequestDecision.accept(r.id()) : SiteRequestDecision.leave(r.id());
      default:
        return SiteRequestDecision.leave(r.id());
    }
  }

  /** Refused, with the {@code site-request-refused} comment for {@code reason}. */
  private SiteRequestDecision refuse(SiteRequest r, String reason, TemplateModel model) {
    for (String flag : REASONS) {
      model.flag(flag, flag.equals(reason));
    }
    return SiteRequestDecision.refuse(r.id(), templates.render("site-request-refused", model));
  }

  private static final java.util.List<String> REASONS =
      java.util.List.of("unknownSite", "noLicenceToGoLive", "licenceExpired", "noLicenceForMusic", "noChange", "badChange");
}
