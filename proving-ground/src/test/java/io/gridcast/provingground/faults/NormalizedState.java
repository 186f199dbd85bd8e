package io.gridcast.provingground.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.gridcast.provingground.faults.SandboxState.Record;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A view of a pair's state that two pairs driven through the same scenario must share exactly,
 * whatever faults one of them went through: per kind, the sorted list of every record's content
 * as canonical JSON, without what legitimately differs between two runs, that is
 *
 * <ul>
 *   <li>times: fields named {@code …At} or {@code …_at}, and every instant written in text (an
 *       audit entry's {@code at}, a feed item's {@code pubDate}, "rated … on 2026-…Z" in an
 *       issue) reads {@code ⟨time⟩};
 *   <li>resource versions (a write repeated with the same content after a lost answer bumps the
 *       version only);
 *   <li>the ids the sandboxes drew for what the scenario created: each is replaced, wherever it
 *       appears (links, URIs, externalRefs, feed guids, file names), by an alias naming the
 *       record by its identity, e.g. {@code ⟨tradinggrid:posts:spotify:episode:…⟩} or {@code
 *       ⟨spotify:playlists:In-store music · …⟩}. Two records with the same identity get
 *       {@code #2}, {@code #3}, …, so a duplicate shows as an extra record.
 * </ul>
 *
 * <p>Everything else counts: a duplicate, a lost write, a half-applied update, a reference to
 * the wrong record or a field written twice differently makes the views differ.
 */
final class NormalizedState {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  /** A moment, e.g. {@code 2026-11-27T11:49:24.832Z}: when something happened differs between two runs. */
  private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})");

  private NormalizedState() {}

  /** The ids a pair holds before anything happened to it: they are the same in every pair, never aliased. */
  static Set<String> ids(List<Record> records) {
    Set<String> ids = new HashSet<>();
    for (Record r : records) {
      if (r.id() != null) {
        ids.add(r.id());
      }
      ids.addAll(r.selfIds());
    }
    return ids;
  }

  /** The view of {@code records}, aliasing every id not among {@code initialIds}. */
  static SortedMap<String, List<String>> of(List<Record> records, Set<String> initialIds) {
    Map<String, String> aliases = aliases(records, initialIds);
    SortedMap<String, List<String>> view = new TreeMap<>();
    for (Record r : records) {
      view.computeIfAbsent(r.kind(), k -> new ArrayList<>()).add(substitute(canonical(r.json()), aliases).toString());
    }
    view.values().forEach(list -> list.sort(Comparator.naturalOrder()));
    return view;
  }

  /**
   * Assigns aliases to the ids drawn during the scenario, a record only once the ids it refers
   * to have theirs (so that its identity is stated in aliases too); what is left in a cycle is
   * named by its content as it stands.
   */
  private static Map<String, String> aliases(List<Record> records, Set<String> initialIds) {
    Set<String> drawn = new LinkedHashSet<>();
    List<Record> pending = new ArrayList<>();
    for (Record r : records) {
      if (r.id() != null && !initialIds.contains(r.id())) {
        drawn.add(r.id());
        pending.add(r);
      }
      r.selfIds().stream().filter(id -> !initialIds.contains(id)).forEach(drawn::add);
    }
    // a stable order, so that records with the same identity are numbered alike in every pair
    pending.sort(Comparator.comparing(Record::kind).thenComparing(r -> canonical(r.json()).toString()));
    Map<String, String> aliases = new HashMap<>();
    // ids drawn inside a record the pair started with (a comment on a seeded site request) are
    // named after that record
    for (Record r : records) {
      if (r.id() != null && initialIds.contains(r.id())) {
        for (String self : r.selfIds()) {
          if (!initialIds.contains(self)) {
            aliases.put(self, "⟨" + r.kind() + ":" + r.id() + "/self⟩");
          }
        }
      }
    }
    Set<String> taken = new HashSet<>();
    boolean progress = true;
    while (!pending.isEmpty()) {
      boolean force = !progress;
      progress = false;
      for (var it = pending.iterator(); it.hasNext(); ) {
        Record r = it.next();
        String text = renderWhileNaming(r, aliases);
        if (!force && refersToUnaliased(text, drawn, aliases, r)) {
          continue;
        }
        String alias = unique(identity(r, text, aliases), taken);
        aliases.put(r.id(), "⟨" + alias + "⟩");
        for (String self : r.selfIds()) {
          aliases.put(self, "⟨" + alias + "/" + "self" + "⟩");
        }
        it.remove();
        progress = true;
        if (force) {
          break; // one forced name may be all a cycle needs
        }
      }
    }
    return aliases;
  }

  private static boolean refersToUnaliased(String text, Set<String> drawn, Map<String, String> aliases, Record self) {
    for (String id : drawn) {
      if (!aliases.containsKey(id) && !id.equals(self.id()) && !self.selfIds().contains(id) && text.contains(id)) {
        return true;
      }
    }
    return false;
  }

  /** What a record is, in words that do not depend on drawn ids. */
  private static String identity(Record r, String text, Map<String, String> aliases) {
    JsonNode json = r.json();
    String ref = json.path("externalRef").asText("");
    if (!ref.isEmpty()) {
      return r.kind() + ":" + substitute(ref, aliases);
    }
    if (json.hasNonNull("fileName")) {
      return r.kind() + ":" + json.path("fileName").asText() + ":" + json.path("sha256").asText();
    }
    if (r.kind().startsWith("spotify:")) {
      return r.kind() + ":" + json.path("_show").asText("") + json.path("name").asText();
    }
    return r.kind() + ":" + SandboxState.sha256(text.getBytes(StandardCharsets.UTF_8)).substring(0, 12);
  }

  private static String unique(String identity, Set<String> taken) {
    String alias = identity;
    for (int n = 2; !taken.add(alias); n++) {
      alias = identity + "#" + n;
    }
    return alias;
  }

  /** A drawn record's content while it has no alias yet: its own ids stand as {@code ⟨self⟩}. */
  private static String renderWhileNaming(Record r, Map<String, String> aliases) {
    Map<String, String> withSelf = new HashMap<>(aliases);
    withSelf.put(r.id(), "⟨self⟩");
    for (String self : r.selfIds()) {
      withSelf.put(self, "⟨self/self⟩");
    }
    return substitute(canonical(r.json()), withSelf).toString();
  }

  /** Sorted fields, without times and versions. */
  static JsonNode canonical(JsonNode node) {
    if (node.isObject()) {
      ObjectNode out = JSON.objectNode();
      List<String> names = new ArrayList<>();
      node.fieldNames().forEachRemaining(names::add);
      names.sort(Comparator.naturalOrder());
      for (String name : names) {
        if (!isVolatile(name)) {
          out.set(name, canonical(node.get(name)));
        }
      }
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = JSON.arrayNode();
      node.forEach(e -> out.add(canonical(e)));
      return out;
    }
    if (node.isTextual() && INSTANT.matcher(node.asText()).find()) {
      return TextNode.valueOf(INSTANT.matcher(node.asText()).replaceAll("⟨time⟩"));
    }
    return node;
  }

  private static boolean isVolatile(String field) {
    return field.equals("version") || field.endsWith("At") || field.endsWith("_at");
  }

  private static JsonNode substitute(JsonNode node, Map<String, String> aliases) {
    if (node.isTextual()) {
      return TextNode.valueOf(substitute(node.asText(), aliases));
    }
    if (node.isObject()) {
      ObjectNode out = JSON.objectNode();
      node.fields().forEachRemaining(e -> out.set(e.getKey(), substitute(e.getValue(), aliases)));
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = JSON.arrayNode();
      node.forEach(e -> out.add(substitute(e, aliases)));
      return out;
    }
    return node;
  }

  private static String substitute(String text, Map<String, String> aliases) {
    String out = text;
    for (Map.Entry<String, String> a : aliases.entrySet()) {
      if (out.contains(a.getKey())) {
        out = out.replace(a.getKey(), a.getValue());
      }
    }
    return out;
  }

  /**
   * What one view holds that the other does not, per kind, counting duplicates: empty when the
   * views are equal.
   */
  static SortedMap<String, List<String>> difference(SortedMap<String, List<String>> expected,
      SortedMap<String, List<String>> actual) {
    SortedMap<String, List<String>> diff = new TreeMap<>();
    Set<String> kinds = new HashSet<>(expected.keySet());
    kinds.addAll(actual.keySet());
    for (String kind : kinds) {
      List<String> missing = minus(expected.getOrDefault(kind, List.of()), actual.getOrDefault(kind, List.of()));
      List<String> extra = minus(actual.getOrDefault(kind, List.of()), expected.getOrDefault(kind, List.of()));
      List<String> lines = new ArrayList<>();
      missing.forEach(m -> lines.add("missing: " + m));
      extra.forEach(x -> lines.add("extra:   " + x));
      if (!lines.isEmpty()) {
        diff.put(kind, lines);
      }
    }
    return diff;
  }

  private static List<String> minus(Collection<String> from, Collection<String> remove) {
    List<String> left = new ArrayList<>(from);
    for (String r : remove) {
      left.remove(r);
    }
    return left;
  }
}
