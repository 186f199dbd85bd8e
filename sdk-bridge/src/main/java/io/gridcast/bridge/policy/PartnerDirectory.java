package io.gridcast.bridge.policy;

import io.gridcast.bridge.Snapshot;
import io.gridcast.tradinggrid.TradingGridClient;
import io.gridcast.tradinggrid.model.OnboardingStage;
import io.gridcast.tradinggrid.model.Partner;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A snapshot of a community's partners, read once per run, that routing rules resolve against.
 * Immutable and thread-safe.
 */
public final class PartnerDirectory {

  private final List<Partner> partners;
  /** Audiences already resolved against this snapshot: routing runs once per item, the answer rarely varies. */
  private final ConcurrentHashMap<Object, Object> resolved = new ConcurrentHashMap<>();

  private PartnerDirectory(Collection<Partner> partners) {
    this.partners = List.copyOf(partners);
  }

  /** A directory of the given partners. */
  public static PartnerDirectory of(Collection<Partner> partners) {
    return new PartnerDirectory(partners);
  }

  /**
   * The partner directory as a {@link Snapshot}: read once per run (one paged listing), on
   * first use, and shared by every item and stage of that run.
   */
  public static Snapshot<PartnerDirectory> snapshot(TradingGridClient tradingGrid) {
    java.util.Objects.requireNonNull(tradingGrid, "tradingGrid");
    return Snapshot.of("partner directory", () -> load(tradingGrid));
  }

  /** Reads every partner of the client's community (one paged listing). */
  public static PartnerDirectory load(TradingGridClient tradingGrid) {
    List<Partner> all = new ArrayList<>();
    tradingGrid.partners().list().forEach(all::add);
    return new PartnerDirectory(all);
  }

  /** Every partner in this snapshot (unmodifiable). */
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

  /** Ids of partners in any of the regions (computed once per set of regions). */
  public Set<String> inRegions(Set<String> regions) {
    return memo(List.of("regions", Set.copyOf(regions)),
        () -> Collections.unmodifiableSortedSet(new TreeSet<>(partnerIds(p -> regions.contains(p.region())))));
  }

  /** Ids of partners at any of the onboarding stages (computed once per set of stages). */
  public Set<String> atStages(Set<OnboardingStage> stages) {
    return memo(List.of("stages", Set.copyOf(stages)),
        () -> Collections.unmodifiableSortedSet(new TreeSet<>(partnerIds(p -> stages.contains(p.onboardingStage())))));
  }

  /** Ids of every partner (computed once). */
  public Set<String> all() {
    return memo("all", () -> Collections.unmodifiableSortedSet(new TreeSet<>(partnerIds(p -> true))));
  }

  /** A value derived from this snapshot, computed once per key; the snapshot never changes. */
  @SuppressWarnings("unchecked")
  <T> T memo(Object key, Supplier<T> compute) {
    Object value = resolved.get(key);
    if (value == null) {
      // not computeIfAbsent: computations nest (an audience needs the ids it is built from)
      value = compute.get();
      Object raced = resolved.putIfAbsent(key, value);
      value = raced != null ? raced : value;
    }
    return (T) value;
  }
}
