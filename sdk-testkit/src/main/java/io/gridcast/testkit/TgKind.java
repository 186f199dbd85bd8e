package io.gridcast.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * What the Trading Grid sandbox knows about one kind of resource: its collection and id prefix,
 * the contract operations whose request bodies create and update it (their schemas come from
 * {@link TgContract}), the ids it references, extra rules, list filters and order, and the events
 * its changes emit. The instances live in {@link TgKinds}; configured once, then read-only.
 */
final class TgKind {

  /** The order of a list, per the contract's operation summaries. */
  enum Order {
    OLDEST_FIRST,
    NEWEST_FIRST,
    RECENTLY_UPDATED_FIRST;

    Comparator<TgRecord> comparator() {
      Comparator<TgRecord> bySeq = Comparator.comparingLong(r -> r.seq);
      switch (this) {
        case NEWEST_FIRST: return bySeq.reversed();
        case RECENTLY_UPDATED_FIRST:
          return Comparator.<TgRecord, String>comparing(r -> r.json.path("updatedAt").asText()).thenComparing(bySeq).reversed();
        default: return bySeq;
      }
    }
  }

  /** A rule beyond the schema, checked on the resource as it would be after a create or update. */
  @FunctionalInterface
  interface Rule {
    /** @param before the resource before an update, {@code null} on create */
    void check(TgCommunity community, ObjectNode after, ObjectNode before);
  }

  /**
   * A list filter: whether a resource matches the query value. The value itself was checked
   * against the list operation's query parameter in the contract.
   */
  @FunctionalInterface
  interface Filter {
    boolean matches(ObjectNode resource, String value);
  }

  /** Ids at {@code path} (segments split by '/', '*' = every array item) must exist in {@code collection}. */
  record Ref(String path, String collection, String what) {}

  final String collection;
  final String idPrefix;
  final String resourceType;
  String createdEvent;
  String updatedEvent;
  Order order = Order.OLDEST_FIRST;
  boolean versioned;
  String timestampField = "createdAt";
  String parentField;
  /** The body of the contract's create operation, or null if the API cannot create this kind. */
  TgContract.Body createSchema;
  /** The body of the contract's update operation, or null if the API cannot update this kind. */
  TgContract.Body updateSchema;
  Set<String> fixed = Set.of();
  final ObjectNode initial = SandboxJson.object();
  final List<Ref> refs = new ArrayList<>();
  final List<Rule> rules = new ArrayList<>();
  final List<Rule> derivations = new ArrayList<>();
  final Map<String, Filter> filters = new LinkedHashMap<>();
  BiFunction<ObjectNode, ObjectNode, String> updateEventType = (before, after) -> updatedEvent;

  TgKind(String collection, String idPrefix, String resourceType) {
    this.collection = collection;
    this.idPrefix = idPrefix;
    this.resourceType = resourceType;
    filters.put("externalRef", (r, v) -> v.equals(r.path("externalRef").asText(null)));
  }

  /** For kinds that carry no {@code externalRef}, so that their lists do not filter on one. */
  TgKind withoutExternalRef() {
    filters.remove("externalRef");
    return this;
  }

  TgKind events(String created, String updated) {
    this.createdEvent = created;
    this.updatedEvent = updated;
    return this;
  }

  TgKind order(Order order) {
    this.order = order;
    return this;
  }

  TgKind versioned() {
    this.versioned = true;
    return this;
  }

  TgKind timestampField(String name) {
    this.timestampField = name;
    return this;
  }

  TgKind parentField(String name) {
    this.parentField = name;
    return this;
  }

  /** Creates take the request body of the contract's {@code operationId}. */
  TgKind create(String operationId) {
    this.createSchema = TgContract.get().body(operationId);
    return this;
  }

  /**
   * Updates take the request body of the contract's {@code operationId}; a {@code fixedField}
   * sent in an update gets a 422 (it cannot change) where other unknown properties are dropped.
   */
  TgKind update(String operationId, String... fixedFields) {
    this.updateSchema = TgContract.get().body(operationId);
    this.fixed = Set.of(fixedFields);
    return this;
  }

  TgKind initial(String field, String value) {
    initial.put(field, value);
    return this;
  }

  TgKind initial(String field, int value) {
    initial.put(field, value);
    return this;
  }

  TgKind initialArray(String field) {
    initial.putArray(field);
    return this;
  }

  TgKind ref(String path, String collection, String what) {
    refs.add(new Ref(path, collection, what));
    return this;
  }

  TgKind rule(Rule rule) {
    rules.add(rule);
    return this;
  }

  /** Sets server-computed fields (e.g. {@code resolvedAt}) after the rules passed. */
  TgKind derive(Rule derivation) {
    derivations.add(derivation);
    return this;
  }

  TgKind filter(String param, Filter filter) {
    filters.put(param, filter);
    return this;
  }

  /** Filter on a property equal to the query value. */
  TgKind filterEquals(String param) {
    return filter(param, (r, v) -> v.equals(r.path(param).asText(null)));
  }

  /** Filter on a timestamp property at or after the query's date-time. */
  TgKind filterSince(String param, String field) {
    return filter(param, (r, v) -> {
      JsonNode t = r.get(field);
      return t != null && !TgKinds.instant(t.asText()).isBefore(TgKinds.instant(v));
    });
  }

  /**
   * Checks references and rules on a resource as it would be stored. A reference an update leaves
   * as it was is not checked again, as the platform does: a request whose site was removed since
   * can still be commented on and closed.
   */
  void checkAll(TgCommunity community, ObjectNode after, ObjectNode before) {
    for (Ref ref : refs) {
      String pointer = "/" + ref.path;
      if (before != null && !ref.path.contains("*") && after.at(pointer).equals(before.at(pointer))) {
        continue;
      }
      checkRef(community, after, ref.path.split("/"), 0, "", ref);
    }
    for (Rule rule : rules) {
      rule.check(community, after, before);
    }
    for (Rule derivation : derivations) {
      derivation.check(community, after, before);
    }
  }

  private static void checkRef(TgCommunity community, JsonNode node, String[] segments, int i, String path, Ref ref) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return;
    }
    if (i == segments.length) {
      if (node.isArray()) {
        for (int k = 0; k < node.size(); k++) {
          checkRef(community, node.get(k), segments, i, path + "[" + k + "]", ref);
        }
      } else if (!community.exists(ref.collection, node.asText())) {
        throw TgApiException.validation(path + ": no " + ref.what + " " + node.asText() + " in community " + community.id);
      }
      return;
    }
    String segment = segments[i];
    if (segment.equals("*")) {
      for (int k = 0; k < node.size(); k++) {
        checkRef(community, node.get(k), segments, i + 1, path + "[" + k + "]", ref);
      }
    } else {
      checkRef(community, node.get(segment), segments, i + 1, path.isEmpty() ? segment : path + "." + segment, ref);
    }
  }

  @Override
  public String toString() {
    return "TgKind{" + collection + "}";
  }
}
