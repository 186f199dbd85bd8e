package io.gridcast.core.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Random damage to a valid JSON document, for property tests of decoders: values replaced by
 * values of the wrong type, nulls, huge or unknown ones; fields removed; the text truncated, a
 * character deleted or stray JSON inserted. Damaged documents sit close to valid ones, so they
 * reach deeper into a decoder than random bytes do.
 */
public final class JsonDamage {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** What one damage step does. */
  public enum Kind { REPLACE_VALUE, REMOVE_FIELD, TRUNCATE, DELETE_CHARACTER, INSERT_TEXT }

  /** One damage step: its kind, where it lands (taken modulo the candidates) and what it puts there. */
  public record Step(Kind kind, int where, String snippet) {}

  private static final List<String> SNIPPETS = List.of(
      "null", "0", "-1", "1.5", "1e400", "99999999999999999999", "\"\"", "\"x\"", "[]", "[null]", "{}", "true",
      "\"2019-13\"", "\"2019-00\"", "\"decade\"", "\"unknown_value\"", "\"\\u0000\"", "[[[[", "{\"a\":", ",", "}", "]", "\"");

  private JsonDamage() {}

  /** One to three damage steps. */
  public static Arbitrary<List<Step>> steps() {
    return Combinators.combine(Arbitraries.of(Kind.class), Arbitraries.integers().greaterOrEqual(0), Arbitraries.of(SNIPPETS))
        .as(Step::new).list().ofMinSize(1).ofMaxSize(3);
  }

  /** The document after the steps, as UTF-8 bytes. */
  public static byte[] apply(String json, List<Step> steps) {
    String current = json;
    for (Step step : steps) {
      current = apply(current, step);
    }
    return current.getBytes(StandardCharsets.UTF_8);
  }

  private static String apply(String text, Step step) {
    switch (step.kind()) {
      case TRUNCATE:
        return text.substring(0, step.where() % (text.length() + 1));
      case DELETE_CHARACTER:
        if (text.isEmpty()) {
          return text;
        }
        int at = step.where() % text.length();
        return text.substring(0, at) + text.substring(at + 1);
      case INSERT_TEXT:
        int into = step.where() % (text.length() + 1);
        return text.substring(0, into) + step.snippet() + text.substring(into);
      default:
        return damageTree(text, step);
    }
  }

  private static String damageTree(String text, Step step) {
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (IOException earlierDamage) {
      return text; // an earlier step already broke the text
    }
    List<Slot> slots = new ArrayList<>();
    collect(root, slots, step.kind() == Kind.REMOVE_FIELD);
    if (slots.isEmpty()) {
      return text;
    }
    Slot slot = slots.get(step.where() % slots.size());
    if (step.kind() == Kind.REMOVE_FIELD) {
      ((ObjectNode) slot.parent()).remove(slot.field());
    } else {
      slot.set(valueOf(step.snippet()));
    }
    return root.toString();
  }

  private static JsonNode valueOf(String snippet) {
    try {
      JsonNode value = JSON.readTree(snippet);
      return value == null ? TextNode.valueOf(snippet) : value;
    } catch (IOException notJson) {
      return TextNode.valueOf(snippet);
    }
  }

  /** Where a value sits: an object's field or an array's index. */
  private record Slot(JsonNode parent, String field, int index) {
    void set(JsonNode value) {
      if (parent instanceof ObjectNode o) {
        o.set(field, value);
      } else {
        ((ArrayNode) parent).set(index, value);
      }
    }
  }

  private static void collect(JsonNode node, List<Slot> slots, boolean fieldsOnly) {
    if (node instanceof ObjectNode o) {
      o.fieldNames().forEachRemaining(name -> {
        slots.add(new Slot(o, name, -1));
        collect(o.get(name), slots, fieldsOnly);
      });
    } else if (node instanceof ArrayNode a) {
      for (int i = 0; i < a.size(); i++) {
        if (!fieldsOnly) {
          slots.add(new Slot(a, null, i));
        }
        collect(a.get(i), slots, fieldsOnly);
      }
    }
  }
}
