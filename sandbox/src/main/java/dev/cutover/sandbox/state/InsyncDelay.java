package dev.cutover.sandbox.state;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long a Route 53 change stays {@code PENDING} in the sandbox before {@code GetChange} answers
 * {@code INSYNC}: the stub's transformer parameter {@code insyncDelay}, else the system property
 * {@value #PROPERTY}, else the environment variable {@value #ENV}, else {@link #DEFAULT}.
 *
 * <p>Values: {@code 500ms}, {@code 5s}, {@code 2m}, a number of seconds, or ISO-8601 ({@code
 * PT5S}).
 */
public final class InsyncDelay {

  /** The environment variable, e.g. {@code CUTOVER_SANDBOX_INSYNC_DELAY=5s}. */
  public static final String ENV = "CUTOVER_SANDBOX_INSYNC_DELAY";

  /** The system property, e.g. {@code -Dcutover.sandbox.insyncDelay=5s}. */
  public static final String PROPERTY = "cutover.sandbox.insyncDelay";

  /** The transformer parameter of a {@code route53-rrset} stub. */
  public static final String PARAMETER = "insyncDelay";

  /** 3 s: long enough to see {@code PENDING}, short enough for a demo. */
  public static final Duration DEFAULT = Duration.ofSeconds(3);

  private static final Pattern SIMPLE = Pattern.compile("(\\d+)\\s*(ms|s|m)?");

  private InsyncDelay() {}

  /** The configured delay: property, then environment, then {@link #DEFAULT}. */
  static Duration configured() {
    String property = System.getProperty(PROPERTY);
    if (property != null && !property.isBlank()) {
      return parse(property, PROPERTY);
    }
    String env = System.getenv(ENV);
    if (env != null && !env.isBlank()) {
      return parse(env, ENV);
    }
    return DEFAULT;
  }

  /**
   * @param where the setting the text came from, for the error message
   * @throws IllegalArgumentException naming {@code where} if the text is not a duration
   */
  static Duration parse(String text, String where) {
    String value = text.trim().toLowerCase(Locale.ROOT);
    Matcher simple = SIMPLE.matcher(value);
    if (simple.matches()) {
      long amount = Long.parseLong(simple.group(1));
      String unit = simple.group(2) == null ? "s" : simple.group(2);
      return switch (unit) {
        case "ms" -> Duration.ofMillis(amount);
        case "m" -> Duration.ofMinutes(amount);
        default -> Duration.ofSeconds(amount);
      };
    }
    try {
      return Duration.parse(text.trim());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          where + "='" + text + "': expected a duration such as 500ms, 5s, 2m or PT5S", e);
    }
  }
}
