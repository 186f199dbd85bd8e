package io.gridcast.bridge.flows;

import io.gridcast.bridge.RunContext;
import io.gridcast.bridge.Mapper;
import io.gridcast.bridge.text.PostMarkdown;
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
 * Every refusal carries a comment saying why and what to do instead.
 */
final class SiteRequestDecider implements Mapper<SiteRequestCase, SiteRequestDecision> {

  @Override
  public SiteRequestDecision map(SiteRequestCase source, RunContext run) {
    SiteRequest r = source.request();
    if (source.site().isEmpty()) {
      return SiteRequestDecision.refuse(r.id(), "Refused: site " + PostMarkdown.create().code(r.siteId()).build() + " does not exist in this community,"
          + " so there is nothing to change for it. Check the site id and raise the request again for an existing site.");
    }
    Site site = source.site().get();
    boolean licensed = !site.licenceDocumentIds().isEmpty();
    switch (r.type()) {
      case NEW_SITE:
        if (!licensed) {
          return SiteRequestDecision.refuse(r.id(), "Refused: " + PostMarkdown.escape(site.name()) + " cannot go live without its licence"
              + " documents. Upload the public-performance licence to the site, then raise a new request.");
        }
        if (SiteCalendar.licenceExpired(site, run.startedAt())) {
          return SiteRequestDecision.refuse(r.id(), PostMarkdown.create().markup("Refused: ").text(site.name())
              .markup(" cannot go live: its licence was valid until ").text(site.licenceValidUntil().orElseThrow().toString())
              .markup(". Upload the renewed public-performance licence to the site and set its new end date"
                  + " (`licenceValidUntil`), then raise a new request.").build());
        }
        return SiteRequestDecision.accept(r.id());
      case PLAYLIST_CHANGE:
        if (!licensed) {
          return SiteRequestDecision.refuse(r.id(), "Refused: " + PostMarkdown.escape(site.name()) + " has no licence documents, so no"
              + " music can be programmed for it. Upload the public-performance licence to the site first.");
        }
        try {
          if (PlaylistChange.parse(r.details()).isEmpty()) {
            return SiteRequestDecision.refuse(r.id(), "Refused: no playlist change found. Write one instruction per"
                + " line: `add spotify:track:…`, `remove spotify:track:…`, `move spotify:track:… to 1` or `rename New name`.");
          }
        } catch (IllegalArgumentException e) {
          return SiteRequestDecision.refuse(r.id(), "Refused: " + PostMarkdown.escape(e.getMessage()) + ".");
        }
        return SiteRequestDecision.accept(r.id());
      case LICENCE:
        return licensed && !SiteCalendar.licenceExpired(site, run.startedAt())
            ? SiteRequestDecision.accept(r.id()) : SiteRequestDecision.leave(r.id());
      default:
        return SiteRequestDecision.leave(r.id());
    }
  }
}
