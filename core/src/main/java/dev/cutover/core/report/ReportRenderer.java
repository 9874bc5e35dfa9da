package dev.cutover.core.report;

import dev.cutover.core.compare.Report;
import dev.cutover.core.json.Json;

/** Renders a comparison {@link Report}: {@code table} for people, {@code json} for scripts. */
public final class ReportRenderer {

  private ReportRenderer() {}

  /** The stable JSON form of DESIGN.md. */
  public static String json(Report report) {
    return Json.write(report);
  }

  /** A terminal table, findings grouped by severity, with a summary line. */
  public static String table(Report report) {
    throw new UnsupportedOperationException("table renderer: in progress (compare helper)");
  }
}
