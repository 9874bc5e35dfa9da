package dev.cutover.core.report;

import dev.cutover.core.compare.Comparison;
import dev.cutover.core.compare.Finding;
import dev.cutover.core.compare.Report;
import dev.cutover.core.compare.ResourceRef;
import dev.cutover.core.compare.Severity;
import dev.cutover.core.json.Json;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/** Renders a comparison {@link Report}: {@code table} for people, {@code json} for scripts. */
public final class ReportRenderer {

  private static final String RESET = "\u001b[0m";

  private ReportRenderer() {}

  /** The stable JSON form of DESIGN.md. */
  public static String json(Report report) {
    return Json.write(report);
  }

  /** {@link #table(Report, boolean)} without colour. */
  public static String table(Report report) {
    return table(report, false);
  }

  /**
   * A terminal report: a header naming the comparison and both sides, the findings grouped by
   * severity (highest first), each with its rule id, resource(s), message, values and remediation,
   * then a summary line ({@code 2 high, 0 medium, 1 low, 0 info}). A report without findings says
   * so.
   *
   * @param color colour the severity headings with ANSI escapes (for a terminal)
   */
  public static String table(Report report, boolean color) {
    String[] sides = sideNames(report.comparison());
    StringBuilder text = new StringBuilder();
    text.append("cutover ").append(report.comparison()).append('\n');
    int width = Math.max(sides[0].length(), sides[1].length()) + 1;
    text.append("  ")
        .append(pad(sides[0] + ":", width))
        .append(' ')
        .append(report.left())
        .append('\n');
    text.append("  ")
        .append(pad(sides[1] + ":", width))
        .append(' ')
        .append(report.right())
        .append('\n');
    if (report.sandbox()) {
      text.append("  (read from the sandbox, not a real cloud)\n");
    }
    text.append('\n');
    if (report.findings().isEmpty()) {
      text.append(cleanLine(report.comparison())).append('\n');
    }
    for (Severity severity : Severity.values()) {
      List<Finding> group =
          report.findings().stream().filter(f -> f.severity() == severity).toList();
      if (group.isEmpty()) {
        continue;
      }
      String heading = severity.jsonName().toUpperCase(Locale.ROOT) + " (" + group.size() + ")";
      text.append(color ? colour(severity) + heading + RESET : heading).append('\n');
      for (Finding finding : group) {
        finding(text, finding, report.comparison(), sides);
      }
      text.append('\n');
    }
    text.append(summary(report)).append('\n');
    return text.toString();
  }

  private static void finding(
      StringBuilder text, Finding f, Comparison comparison, String[] sides) {
    text.append("  ")
        .append(f.rule())
        .append("  ")
        .append(f.type())
        .append("  ")
        .append(resources(f, comparison))
        .append('\n');
    text.append("    ").append(f.message()).append('\n');
    if (f.attribute() != null && (f.leftValue() != null || f.rightValue() != null)) {
      text.append("    ")
          .append(f.attribute())
          .append(": ")
          .append(sides[0])
          .append(' ')
          .append(Objects.toString(f.leftValue(), "(none)"))
          .append(" | ")
          .append(sides[1])
          .append(' ')
          .append(Objects.toString(f.rightValue(), "(none)"))
          .append('\n');
    }
    if (f.remediation() != null) {
      text.append("    fix: ").append(f.remediation()).append('\n');
    }
  }

  /** The resource(s): one label for drift (same resource), {@code left -> right} otherwise. */
  private static String resources(Finding f, Comparison comparison) {
    ResourceRef left = f.left();
    ResourceRef right = f.right();
    if (left == null || right == null) {
      return f.subject().kind() + " " + f.subject().label();
    }
    String l = left.label();
    String r = right.label();
    return left.kind() + " " + (comparison == Comparison.DRIFT || l.equals(r) ? l : l + " -> " + r);
  }

  /** {@code 2 high, 0 medium, 1 low, 0 info}. */
  static String summary(Report report) {
    return report.summary().entrySet().stream()
        .map((Map.Entry<Severity, Integer> e) -> e.getValue() + " " + e.getKey())
        .collect(Collectors.joining(", "));
  }

  private static String[] sideNames(Comparison comparison) {
    switch (comparison) {
      case DRIFT:
        return new String[] {"state", "live"};
      case PARITY:
        return new String[] {"source", "target"};
      default:
        return new String[] {"left", "right"};
    }
  }

  private static String cleanLine(Comparison comparison) {
    switch (comparison) {
      case DRIFT:
        return "No drift: live matches the state.";
      case PARITY:
        return "No differences: the target matches the source.";
      default:
        return "No differences.";
    }
  }

  private static String pad(String text, int width) {
    return text + " ".repeat(Math.max(0, width - text.length()));
  }

  private static String colour(Severity severity) {
    switch (severity) {
      case HIGH:
        return "\u001b[31m";
      case MEDIUM:
        return "\u001b[33m";
      case LOW:
        return "\u001b[36m";
      default:
        return "\u001b[2m";
    }
  }
}
