package dev.cutover.core.traffic.run;

import java.util.List;

/**
 * The checks before step 1: is the way back open? The router's own preflight (record exists, both
 * members, credentials can read and, as far as checkable, write), the record's TTL against {@code
 * --max-ttl}, blue's health ({@code --blue-gate}), and one evaluation of every gate.
 *
 * @param checks in the order they ran
 */
public record Preflight(List<Check> checks) {

  /** How a check came out. */
  public enum Level {
    OK,
    WARN,
    REFUSE
  }

  /**
   * One check.
   *
   * @param name what was checked
   * @param level ok, warn (printed, does not stop), refuse (the switch does not start)
   * @param detail one line
   */
  public record Check(String name, Level level, String detail) {}

  public Preflight {
    checks = List.copyOf(checks);
  }

  public boolean refused() {
    return checks.stream().anyMatch(c -> c.level() == Level.REFUSE);
  }

  /** The refusing checks as one line. */
  public String refusals() {
    return checks.stream()
        .filter(c -> c.level() == Level.REFUSE)
        .map(c -> c.name() + ": " + c.detail())
        .reduce((a, b) -> a + "; " + b)
        .orElse("");
  }
}
