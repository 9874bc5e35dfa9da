package dev.cutover.core.compare;

import java.util.Collection;
import java.util.Locale;
import java.util.stream.Collectors;

/** How compared values are written in findings and messages. */
final class Values {

  private Values() {}

  /** Null stays null; a collection is comma-separated; anything else its string form. */
  static String text(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Collection<?> items) {
      return items.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
    if (value instanceof Double d && d == Math.rint(d)) {
      return String.valueOf(d.longValue());
    }
    return value.toString();
  }

  /** Lower case, for case-insensitive keys; null stays null. */
  static String lower(String text) {
    return text == null ? null : text.toLowerCase(Locale.ROOT);
  }

  /** {@code text} or {@code (none)} for null or an empty collection. */
  static String orNone(Object value) {
    String text = text(value);
    return text == null || text.isEmpty() ? "(none)" : text;
  }
}
