package dev.cutover.core.compare;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.cutover.core.CutoverException;
import java.util.Locale;

/**
 * How much a finding matters, highest first. The default policy blocks {@code high} and {@code
 * medium}.
 */
public enum Severity {
  HIGH,
  MEDIUM,
  LOW,
  INFO;

  @JsonValue
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses {@code high|medium|low|info} in any case.
   *
   * @throws CutoverException for anything else
   */
  @JsonCreator
  public static Severity parse(String text) {
    for (Severity severity : values()) {
      if (severity.jsonName().equalsIgnoreCase(text == null ? "" : text.trim())) {
        return severity;
      }
    }
    throw new CutoverException("unknown severity '" + text + "'; expected high|medium|low|info");
  }

  @Override
  public String toString() {
    return jsonName();
  }
}
