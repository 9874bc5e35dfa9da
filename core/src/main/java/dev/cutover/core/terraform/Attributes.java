package dev.cutover.core.terraform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Typed reads of the plain-Java attribute trees in {@link StateResource#attributes()} and in its
 * nested blocks, tolerant of what real states hold: absent keys, nulls, numbers as text.
 */
public final class Attributes {

  private Attributes() {}

  /** A string; numbers and booleans as text; null if absent, null or empty. */
  public static String string(Map<String, Object> block, String key) {
    Object value = block.get(key);
    if (value == null) {
      return null;
    }
    String text =
        value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
            ? Long.toString(n.longValue())
            : value.toString();
    return text.isEmpty() ? null : text;
  }

  /** An Integer from a number or numeric text; null otherwise. */
  public static Integer integer(Object value) {
    if (value instanceof Number n) {
      return n.intValue();
    }
    if (value instanceof String s && !s.isBlank()) {
      try {
        return Integer.valueOf(s.trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  public static Integer integer(Map<String, Object> block, String key) {
    return integer(block.get(key));
  }

  /** A Boolean from a boolean or {@code "true"/"false"}; null otherwise. */
  public static Boolean bool(Object value) {
    if (value instanceof Boolean b) {
      return b;
    }
    if (value instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
      return Boolean.valueOf(s);
    }
    return null;
  }

  public static Boolean bool(Map<String, Object> block, String key) {
    return bool(block.get(key));
  }

  /** A list of nested blocks (objects); non-object items are skipped; empty if absent. */
  @SuppressWarnings("unchecked")
  public static List<Map<String, Object>> blocks(Object value) {
    List<Map<String, Object>> blocks = new ArrayList<>();
    if (value instanceof List<?> list) {
      for (Object item : list) {
        if (item instanceof Map<?, ?> map) {
          blocks.add((Map<String, Object>) map);
        }
      }
    } else if (value instanceof Map<?, ?> map) {
      blocks.add((Map<String, Object>) map);
    }
    return blocks;
  }

  public static List<Map<String, Object>> blocks(Map<String, Object> block, String key) {
    return blocks(block.get(key));
  }

  /** A list of strings; a single string becomes a one-element list; nulls and empties dropped. */
  public static List<String> strings(Object value) {
    List<String> strings = new ArrayList<>();
    if (value instanceof List<?> list) {
      for (Object item : list) {
        if (item != null && !item.toString().isEmpty()) {
          strings.add(item.toString());
        }
      }
    } else if (value != null && !value.toString().isEmpty()) {
      strings.add(value.toString());
    }
    return strings;
  }

  public static List<String> strings(Map<String, Object> block, String key) {
    return strings(block.get(key));
  }

  /** A map of strings (tags); null values dropped; empty if absent. */
  public static Map<String, String> stringMap(Object value) {
    Map<String, String> map = new LinkedHashMap<>();
    if (value instanceof Map<?, ?> source) {
      source.forEach(
          (k, v) -> {
            if (k != null && v != null) {
              map.put(k.toString(), v.toString());
            }
          });
    }
    return map;
  }
}
