package io.gridcast.bridge.flows;

import io.gridcast.tradinggrid.model.PostCreate;
import io.gridcast.bridge.Mapper;
import io.gridcast.bridge.text.PostTemplates;
import io.gridcast.bridge.RunCaps;
import io.gridcast.bridge.policy.RoutingPolicy;
import io.gridcast.core.GridcastStyle;
import io.gridcast.spotify.PlaylistsApi;
import io.gridcast.spotify.SpotifyUri;
import io.gridcast.tradinggrid.model.Audience;
import io.gridcast.tradinggrid.model.Site;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.immutables.value.Value;

/**
 * Settings of {@link BusinessMusicFlow} (the generated {@code BusinessMusicConfig}; build with
 * {@code BusinessMusicConfig.builder()}).
 *
 * <p>Required: a programme (at least one track or episode URI) every site playlist starts with.
 * Defaults: flow name {@code business-music} (its phases are {@code business-music.requests},
 * {@code .playlists} and {@code .notices}); no regional programmes; every region; playlist
 * names {@code "In-store music · " + site name}; private playlists; no cover; comments signed
 * {@code gridcast-business-music}; service notices to the site's partner and every partner in
 * the site's region, tagged {@code business-music} and {@code service-notice}; everything read
 * once a day and only what Trading Grid events name in between; no run caps.
 * Bad settings are refused with an {@link IllegalArgumentException} naming the setting.
 * Immutable and thread-safe.
 */
@Value.Immutable
@GridcastStyle
abstract class AbstractBusinessMusicConfig {

  /** Track or episode URIs (or links) every site playlist starts with, in order. */
  public abstract List<String> programme();

  /** Per region code, the items that replace {@link #programme()} for that region's sites. */
  public abstract Map<String, List<String>> regionalProgrammes();

  /** Only sites in these region codes; empty means every region. */
  public abstract Set<String> regions();

  /**
   * The flow's name; its phases are named {@code <name>.requests}, {@code <name>.playlists} and
   * {@code <name>.notices}. Default {@code business-music}; at most 50 characters.
   */
  @Value.Default
  public String flowName() {
    return "business-music";
  }

  /** Put before the site's name to name its playlist. */
  @Value.Default
  public String playlistNamePrefix() {
    return "In-store music · ";
  }

  /** Whether the playlists the flow creates are public. */
  @Value.Default
  public boolean publicPlaylists() {
    return false;
  }

  /** A JPEG cover for every site playlist (at most {@value io.gridcast.spotify.PlaylistsApi#MAX_COVER_BYTES} bytes). */
  public abstract Optional<byte[]> coverJpeg();

  /** The author of the comments the flow writes on site requests. */
  @Value.Default
  public String commentAuthor() {
    return "gridcast-business-music";
  }

  /** Who sees a site's service notices. */
  @Value.Default
  public RoutingPolicy<Site> noticeAudience() {
    return (site, partners) -> {
      Set<String> ids = new TreeSet<>(partners.inRegions(Set.of(site.region())));
      site.partnerId().ifPresent(ids::add);
      return Audience.ofPartners(ids);
    };
  }

  /** Tags of each service notice post; default {@code business-music} and {@code service-notice}. */
  @Value.Default
  public List<String> noticeTags() {
    return List.of("business-music", "service-notice");
  }

  /**
   * How often a run reads every site, request and playlist again. The runs between read the
   * Trading Grid events since the last run and only what they name (a run after a quiet period
   * costs one events request per phase); edits made on Spotify (a site's playlist deleted or
   * changed there) are noticed by the next whole read. Default one day; {@link Duration#ZERO}
   * reads everything on every run.
   */
  @Value.Default
  public Duration fullReadEvery() {
    return Duration.ofDays(1);
  }

  /**
   * Writes the service notice of a site's changed playlist; default {@link SitePlaylistNoticeMapper}
   * with {@link #noticeAudience()} and {@link #noticeTags()}.
   */
  public abstract Optional<Mapper<SitePlaylistState, PostCreate>> noticeMapper();

  /** Decides each open site request; default {@link SiteRequestDecider} (its rules are in its Javadoc). */
  public abstract Optional<Mapper<SiteRequestCase, SiteRequestDecision>> requestDecider();

  /**
   * Where the text of the posts, comments and issues this flow writes comes from; default
   * {@link PostTemplates#english()}. Give {@code PostTemplates.builder().locale(Locale.GERMAN).build()}
   * for German, or a folder of the host's own templates.
   */
  @Value.Default
  public PostTemplates templates() {
    return PostTemplates.english();
  }

  /** Limits for each phase's run (items seen, remote writes); default {@link RunCaps#none()}. */
  @Value.Default
  public RunCaps caps() {
    return RunCaps.none();
  }

  /** The programme for a site: its region's, or the default one. */
  public List<String> programmeFor(Site site) {
    return regionalProgrammes().getOrDefault(site.region(), programme());
  }

  @Value.Check
  void check() {
    if (programme().isEmpty()) {
      throw new IllegalArgumentException("programme is empty: business music needs at least one item every site"
          + " playlist starts with, e.g. addProgramme(\"spotify:track:…\")");
    }
    checkItems("programme", programme());
    regionalProgrammes().forEach((region, items) -> {
      if (items.isEmpty()) {
        throw new IllegalArgumentException("regionalProgrammes[" + region + "] is empty: give it items or leave the region out");
      }
      checkItems("regionalProgrammes[" + region + "]", items);
    });
    if (fullReadEvery().isNegative()) {
      throw new IllegalArgumentException("fullReadEvery must not be negative, was " + fullReadEvery());
    }
    if (flowName().length() > 50) {
      throw new IllegalArgumentException("flowName must be at most 50 characters (phase names are added), was " + flowName());
    }
    if (commentAuthor().isBlank()) {
      throw new IllegalArgumentException("commentAuthor must not be blank");
    }
    if (playlistNamePrefix().length() > 60) {
      throw new IllegalArgumentException("playlistNamePrefix must be at most 60 characters");
    }
    coverJpeg().ifPresent(jpeg -> {
      if (jpeg.length < 3 || (jpeg[0] & 0xff) != 0xFF || (jpeg[1] & 0xff) != 0xD8 || (jpeg[2] & 0xff) != 0xFF) {
        throw new IllegalArgumentException("coverJpeg is not a JPEG (it does not start with FF D8 FF)");
      }
      if (jpeg.length > PlaylistsApi.MAX_COVER_BYTES) {
        throw new IllegalArgumentException("coverJpeg is " + jpeg.length + " bytes; Spotify accepts at most "
            + PlaylistsApi.MAX_COVER_BYTES);
      }
    });
  }

  private static void checkItems(String setting, List<String> items) {
    for (String item : items) {
      SpotifyUri uri;
      try {
        uri = SpotifyUri.parse(item);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(setting + " holds " + item + ", which is not a Spotify URI or link", e);
      }
      if (uri.type() != SpotifyUri.Type.TRACK && uri.type() != SpotifyUri.Type.EPISODE) {
        throw new IllegalArgumentException(setting + " holds " + item + "; only tracks and episodes can be playlist items");
      }
    }
  }
}
