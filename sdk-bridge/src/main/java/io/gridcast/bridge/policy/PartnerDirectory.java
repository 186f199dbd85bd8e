package io.gridcast.bridge.policy;

import io.gridcast.tradinggrid.TradingGridClient;
import io.gridcast.tradinggrid.model.OnboardingStage;
import io.gridcast.tradinggrid.model.Partner;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * A snapshot of a community's partners, read once per run, that routing rules resolve against.
 * Immutable and thread-safe.
 */
public final class PartnerDirectory {

  private final List<Partner> partners;

  private PartnerDirectory(Collection<Partner> partners) {
    this.partners = List.copyOf(partners);
  }

  /** A directory of the given partners. */
  public static PartnerDirectory of(Collection<Partner> partners) {
    return new PartnerDirectory(partners);
  }

  /** Reads every partner of the client's community (one paged listing). */
  public static PartnerDirectory load(TradingGridClient tradingGrid) {
    List<Partner> all = new ArrayList<>();
    tradingGrid.partners().list().forEach(all::add);
    return new PartnerDirectory(all);
  }

  public List<Partner> partners() {
    return partners;
  }

  /** Ids of the partners matching {@code filter}, sorted (so audiences fingerprint stably). */
  public Set<String> partnerIds(Predicate<Partner> filter) {
    Set<String> ids = new TreeSet<>();
    for (Partner p : partners) {
      if (filter.test(p)) {
        ids.add(p.id());
      }
    }
    return ids;
  }

  /** Ids of partners in any of the regions. */
  public Set<String> inRegions(Set<String> regions) {
    return partnerIds(p -> regions.contains(p.region()));
  }

  /** Ids of partners at any of the onboarding stages. */
  public Set<String> atStages(Set<OnboardingStage> stages) {
    return partnerIds(p -> stages.contains(p.onboardingStage()));
  }
}
