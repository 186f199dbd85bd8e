package io.gridcast.bridge.policy;

import io.gridcast.tradinggrid.model.Audience;
import io.gridcast.tradinggrid.model.OnboardingStage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Decides who sees what a flow writes: the {@link Audience} (partner groups and partners) of a
 * post for a source item. Rules compose: {@link #and} unites audiences, {@link #when} applies a
 * rule only to matching items, {@link #orElse} falls back when a rule yields nobody.
 *
 * <pre>{@code
 * RoutingPolicy<SimplifiedEpisode> routing = RoutingPolicy.<SimplifiedEpisode>groups("g_emea_partners")
 *     .and(RoutingPolicy.stages(OnboardingStage.CERTIFIED, OnboardingStage.ACTIVE))
 *     .and(RoutingPolicy.when(e -> e.name().contains("[DE]"), RoutingPolicy.regions("EMEA")));
 * }</pre>
 *
 * <p>Audiences are sorted, so the same partners always give the same fingerprint. Policies must
 * be pure and thread-safe.
 *
 * @param <S> the source item type
 */
@FunctionalInterface
public interface RoutingPolicy<S> {

  /** The audience for {@code item}; an empty audience means nobody. */
  Audience audienceFor(S item, PartnerDirectory partners);

  /** Fixed partner groups. */
  static <S> RoutingPolicy<S> groups(String... groupIds) {
    List<String> ids = sorted(Arrays.asList(groupIds));
    return (item, dir) -> Audience.builder().groupIds(ids).build();
  }

  /** Fixed partners. */
  static <S> RoutingPolicy<S> partners(String... partnerIds) {
    List<String> ids = sorted(Arrays.asList(partnerIds));
    return (item, dir) -> Audience.builder().partnerIds(ids).build();
  }

  /** Every partner in the given regions. */
  static <S> RoutingPolicy<S> regions(String... regions) {
    Set<String> r = Set.of(regions);
    return (item, dir) -> dir.memo(List.of("audience:regions", r), () -> partnersAudience(dir.inRegions(r)));
  }

  /** Every partner in the regions an item names (e.g. from its title or metadata). */
  static <S> RoutingPolicy<S> regionsOf(Function<S, Set<String>> regionsOfItem) {
    return (item, dir) -> {
      Set<String> r = Set.copyOf(regionsOfItem.apply(item));
      return dir.memo(List.of("audience:regions", r), () -> partnersAudience(dir.inRegions(r)));
    };
  }

  /** Every partner at the given onboarding stages. */
  static <S> RoutingPolicy<S> stages(OnboardingStage... stages) {
    Set<OnboardingStage> s = stages.length == 0 ? Set.of() : EnumSet.copyOf(Arrays.asList(stages));
    return (item, dir) -> dir.memo(List.of("audience:stages", s), () -> partnersAudience(dir.atStages(s)));
  }

  /** Everyone in the community (every partner known to the directory). */
  static <S> RoutingPolicy<S> everyone() {
    return (item, dir) -> dir.memo("audience:everyone", () -> partnersAudience(dir.all()));
  }

  /** Applies {@code rule} to items matching {@code condition}; others get nobody. */
  static <S> RoutingPolicy<S> when(Predicate<S> condition, RoutingPolicy<S> rule) {
    return (item, dir) -> condition.test(item) ? rule.audienceFor(item, dir) : Audience.builder().build();
  }

  /** The union of this audience and {@code other}'s. */
  default RoutingPolicy<S> and(RoutingPolicy<S> other) {
    return (item, dir) -> {
      Audience a = audienceFor(item, dir);
      Audience b = other.audienceFor(item, dir);
      Set<String> groups = new TreeSet<>(a.groupIds());
      groups.addAll(b.groupIds());
      Set<String> partners = new TreeSet<>(a.partnerIds());
      partners.addAll(b.partnerIds());
      return Audience.builder().groupIds(groups).partnerIds(partners).build();
    };
  }

  /** This audience, or {@code fallback}'s when this one is empty. */
  default RoutingPolicy<S> orElse(RoutingPolicy<S> fallback) {
    return (item, dir) -> {
      Audience a = audienceFor(item, dir);
      return a.groupIds().isEmpty() && a.partnerIds().isEmpty() ? fallback.audienceFor(item, dir) : a;
    };
  }

  /** An audience of the given partners, sorted so that it fingerprints stably. */
  private static Audience partnersAudience(Set<String> partnerIds) {
    return Audience.builder().partnerIds(new TreeSet<>(partnerIds)).build();
  }

  private static List<String> sorted(List<String> ids) {
    List<String> out = new ArrayList<>(new TreeSet<>(ids));
    return List.copyOf(out);
  }
}
