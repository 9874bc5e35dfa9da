package dev.cutover.core.traffic.plan;

import dev.cutover.core.CutoverException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The duration syntax of the switch's flags and {@code cutover.yaml}: one or more of {@code
 * <number><unit>} with units {@code ms}, {@code s}, {@code m}, {@code h}, e.g. {@code 90s}, {@code
 * 10m}, {@code 1h30m}, {@code 500ms}.
 */
public final class Durations {

  private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h)");

  private Durations() {}

  /**
   * Parses a duration.
   *
   * @param what the flag or field, for the message ({@code --bake})
   * @throws CutoverException naming {@code what} for anything else than the syntax above
   */
  public static Duration parse(String text, String what) {
    String value = text == null ? "" : text.trim();
    Matcher m = PART.matcher(value);
    Duration total = Duration.ZERO;
    int end = 0;
    while (m.find() && m.start() == end) {
      long n = Long.parseLong(m.group(1));
      total =
          total.plus(
              switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
              });
      end = m.end();
    }
    if (value.isEmpty() || end != value.length()) {
      throw new CutoverException(
          what + ": '" + text + "' is not a duration; expected e.g. 90s, 10m, 1h, 1h30m, 500ms");
    }
    return total;
  }

  /** The compact form {@link #parse} reads back: {@code 1h30m}, {@code 90s} as {@code 1m30s}. */
  public static String format(Duration duration) {
    if (duration.isZero()) {
      return "0s";
    }
    StringBuilder out = new StringBuilder();
    long hours = duration.toHours();
    int minutes = duration.toMinutesPart();
    int seconds = duration.toSecondsPart();
    int millis = duration.toMillisPart();
    if (hours > 0) {
      out.append(hours).append('h');
    }
    if (minutes > 0) {
      out.append(minutes).append('m');
    }
    if (seconds > 0) {
      out.append(seconds).append('s');
    }
    if (millis > 0) {
      out.append(millis).append("ms");
    }
    return out.toString();
  }
}
