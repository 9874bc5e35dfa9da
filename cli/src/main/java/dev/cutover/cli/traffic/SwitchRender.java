package dev.cutover.cli.traffic;

import dev.cutover.core.json.Json;
import dev.cutover.core.report.TextTable;
import dev.cutover.core.traffic.RecordRef;
import dev.cutover.core.traffic.TrafficRouter;
import dev.cutover.core.traffic.WeightScale;
import dev.cutover.core.traffic.WeightSnapshot;
import dev.cutover.core.traffic.journal.Holder;
import dev.cutover.core.traffic.journal.JournalEntry;
import dev.cutover.core.traffic.journal.JournalView;
import dev.cutover.core.traffic.plan.Durations;
import dev.cutover.core.traffic.plan.PlanStep;
import dev.cutover.core.traffic.plan.SwitchPlan;
import dev.cutover.core.traffic.plan.SwitchSettings;
import dev.cutover.core.traffic.run.Preflight;
import dev.cutover.core.traffic.run.RunResult;
import dev.cutover.core.traffic.run.SwitchStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Text and JSON forms of the switch's plan, preflight, status and results. */
final class SwitchRender {

  private SwitchRender() {}

  // ---- plan ----------------------------------------------------------------------------------

  static String planText(SwitchPlan plan, TrafficRouter router, Preflight preflight) {
    RecordRef record = plan.record();
    SwitchSettings s = plan.settings();
    WeightScale scale = plan.scale();
    StringBuilder out = new StringBuilder();
    out.append("Switch plan for ")
        .append(record.spec())
        .append("  blue=")
        .append(record.blue())
        .append("  green=")
        .append(record.green())
        .append('\n');
    out.append("Router      ")
        .append(router.scheme())
        .append(": weights ")
        .append(scale.min())
        .append("–")
        .append(scale.max())
        .append(", 100 % = ")
        .append(scale.unitsPerWhole())
        .append(scale.zeroDisables() ? ", 0 disables the member" : "")
        .append(" (")
        .append(scale.source())
        .append(")\n");
    out.append("Pre-switch  ")
        .append(plan.preSwitch().describe())
        .append("  TTL ")
        .append(plan.preSwitch().ttlSeconds())
        .append(" s  (every step's inverse: a rollback restores these)\n");
    out.append("Timing      bake ")
        .append(Durations.format(s.bake()))
        .append(" per step after live + TTL; deadline ")
        .append(Durations.format(s.deadline()))
        .append(" per step; gates every ")
        .append(Durations.format(s.interval()))
        .append(
            s.autoPromote()
                ? "; promotes itself after the last step"
                : "; last step waits for 'promote'")
        .append('\n');
    out.append("Gates       ")
        .append(
            s.gates().isEmpty() ? "(none: only the deadline guards)" : String.join("  ", s.gates()))
        .append('\n');
    if (!s.blueGates().isEmpty()) {
      out.append("Blue gates  ").append(String.join("  ", s.blueGates())).append('\n');
    }
    out.append('\n');
    TextTable table = new TextTable("STEP", "GREEN %", "WEIGHTS", "EFFECTIVE %", "ROUNDING");
    for (PlanStep step : plan.steps()) {
      table.row(
          step.number(),
          SwitchSettings.percent(step.greenBasisPoints()),
          step.target().describe(),
          SwitchSettings.percent(step.effectiveGreenBasisPoints()),
          step.roundingBasisPoints() == 0
              ? "exact"
              : (step.roundingBasisPoints() > 0 ? "+" : "")
                  + SwitchSettings.percent(step.roundingBasisPoints())
                  + " %");
    }
    out.append(table.render()).append('\n');
    out.append("Provider requests\n");
    for (PlanStep step : plan.steps()) {
      out.append("  step ").append(step.number()).append(":\n");
      router
          .describeWrite(record, step.target())
          .forEach(r -> out.append("    ").append(r).append('\n'));
    }
    out.append("  rollback (any step):\n");
    List<String> rollback = router.describeWrite(record, plan.preSwitch());
    if (rollback.isEmpty()) {
      // The router describes what a write would send now, and the pre-switch weights are live.
      out.append(
              "    nothing to send now (the pre-switch weights are live); from any step, one write of ")
          .append(plan.preSwitch().describe())
          .append(" shaped like that step's request\n");
    }
    rollback.forEach(r -> out.append("    ").append(r).append('\n'));
    if (preflight != null) {
      out.append("\nPreflight\n");
      for (Preflight.Check check : preflight.checks()) {
        out.append("  ")
            .append(String.format("%-6s", check.level()))
            .append(check.name())
            .append(": ")
            .append(check.detail())
            .append('\n');
      }
      out.append(preflight.refused() ? "would refuse to start\n" : "would start\n");
    }
    return out.toString();
  }

  static String planJson(SwitchPlan plan, TrafficRouter router, Preflight preflight) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("schemaVersion", 1);
    doc.put("record", plan.record().spec());
    doc.put("blue", plan.record().blue());
    doc.put("green", plan.record().green());
    doc.put("scale", plan.scale());
    doc.put("preSwitch", plan.preSwitch());
    SwitchSettings s = plan.settings();
    doc.put("bakeSeconds", s.bake().toSeconds());
    doc.put("deadlineSeconds", s.deadline().toSeconds());
    doc.put("intervalSeconds", s.interval().toSeconds());
    doc.put("maxTtlSeconds", s.maxTtl().toSeconds());
    doc.put("autoPromote", s.autoPromote());
    doc.put("gates", s.gates());
    doc.put("blueGates", s.blueGates());
    List<Map<String, Object>> steps = new ArrayList<>();
    for (PlanStep step : plan.steps()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("step", step.number());
      m.put("greenBasisPoints", step.greenBasisPoints());
      m.put("effectiveGreenBasisPoints", step.effectiveGreenBasisPoints());
      m.put("weights", step.target());
      m.put("requests", router.describeWrite(plan.record(), step.target()));
      steps.add(m);
    }
    doc.put("steps", steps);
    doc.put(
        "rollback",
        Map.of(
            "weights", plan.preSwitch(),
            "requests", router.describeWrite(plan.record(), plan.preSwitch())));
    if (preflight != null) {
      doc.put("preflight", preflight.checks());
      doc.put("refused", preflight.refused());
    }
    return Json.write(doc);
  }

  // ---- status --------------------------------------------------------------------------------

  static String statusText(SwitchStatus status) {
    StringBuilder out = new StringBuilder();
    out.append("Record      ").append(status.spec()).append('\n');
    out.append("Journal     ").append(status.journal()).append('\n');
    out.append("Runner      ")
        .append(
            status
                .runner()
                .map(h -> "running: " + h.describe())
                .orElse("none (no process holds the record)"))
        .append('\n');
    if (status.view().isEmpty()) {
      out.append("State       no switch journaled\n");
    } else {
      JournalView view = status.view().get();
      SwitchPlan plan = view.plan();
      int step = view.step();
      out.append("Run         ")
          .append(view.runId())
          .append(" started ")
          .append(view.begin().at())
          .append("  blue=")
          .append(view.record().blue())
          .append(" green=")
          .append(view.record().green())
          .append('\n');
      out.append("State       ")
          .append(view.state())
          .append(
              step > 0
                  ? " at step "
                      + step
                      + "/"
                      + plan.steps().size()
                      + " ("
                      + SwitchSettings.percent(plan.step(step).greenBasisPoints())
                      + " % green)"
                  : "")
          .append(view.lastState().map(e -> " since " + e.at()).orElse(""))
          .append('\n');
      view.lastState()
          .map(JournalEntry::reason)
          .ifPresent(r -> out.append("Reason      ").append(r).append('\n'));
      if (view.deadline() != null) {
        out.append("Deadline    ")
            .append(view.deadline())
            .append(" (")
            .append(relative(status.now(), view.deadline()))
            .append(")\n");
      }
      if (view.bakeEndsAt() != null) {
        out.append("Bake ends   ")
            .append(view.bakeEndsAt())
            .append(" (")
            .append(relative(status.now(), view.bakeEndsAt()))
            .append(")\n");
      }
      out.append("Pre-switch  ").append(view.preSwitch().describe()).append('\n');
      view.lastIntent()
          .ifPresent(
              i ->
                  out.append("Last intent ")
                      .append(i.action())
                      .append(' ')
                      .append(i.weights().describe())
                      .append(" at ")
                      .append(i.at())
                      .append(
                          view.lastReceipt()
                              .map(
                                  r ->
                                      (r.changeId() == null
                                              ? "  "
                                              : "  change " + r.changeId() + " ")
                                          + "("
                                          + r.status()
                                          + " when written)")
                              .orElse("  (no outcome journaled)"))
                      .append('\n'));
      out.append("Confirmed   ").append(view.confirmed().describe()).append('\n');
      for (JournalEntry gate : view.lastGates()) {
        out.append("Gate        ")
            .append(gate.verdict())
            .append(' ')
            .append(gate.gate())
            .append(": ")
            .append(gate.detail())
            .append(" (")
            .append(gate.at())
            .append(")\n");
      }
    }
    out.append("Live        ")
        .append(
            status.live().map(WeightSnapshot::describe).orElse("unreadable: " + status.liveError()))
        .append(status.match() == null ? "" : "  -> " + matchText(status))
        .append('\n');
    return out.toString();
  }

  private static String matchText(SwitchStatus status) {
    return switch (status.match()) {
      case INTENT -> "matches the last intent";
      case CONFIRMED -> "matches the last confirmed weights";
      case PRE_SWITCH -> "matches the pre-switch weights";
      case PARTIAL -> "part of the last intent applied (a write stopped half way)";
      case NONE -> "matches NOTHING the journal wrote: changed by hand; resume/reconcile will stop";
    };
  }

  static String statusJson(SwitchStatus status) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("schemaVersion", 1);
    doc.put("record", status.spec());
    doc.put("journal", status.journal().toString());
    doc.put("runner", status.runner().map(SwitchRender::holder).orElse(null));
    status
        .view()
        .ifPresent(
            view -> {
              doc.put("runId", view.runId());
              doc.put("blue", view.record().blue());
              doc.put("green", view.record().green());
              doc.put("state", view.state().jsonName());
              doc.put("step", view.step());
              doc.put("steps", view.plan().steps().size());
              doc.put(
                  "greenBasisPoints",
                  view.step() > 0 ? view.plan().step(view.step()).greenBasisPoints() : 0);
              doc.put("since", view.lastState().map(e -> e.at().toString()).orElse(null));
              doc.put("reason", view.lastState().map(JournalEntry::reason).orElse(null));
              doc.put("deadline", string(view.deadline()));
              doc.put("bakeEndsAt", string(view.bakeEndsAt()));
              doc.put("preSwitch", view.preSwitch());
              doc.put("lastIntent", view.lastIntent().map(JournalEntry::weights).orElse(null));
              doc.put("lastChangeId", view.lastReceipt().map(r -> r.changeId()).orElse(null));
              doc.put("confirmed", view.confirmed());
              List<Map<String, Object>> gates = new ArrayList<>();
              for (JournalEntry g : view.lastGates()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("gate", g.gate());
                m.put("verdict", g.verdict().name().toLowerCase(Locale.ROOT));
                m.put("detail", g.detail());
                m.put("at", g.at().toString());
                gates.add(m);
              }
              doc.put("gates", gates);
            });
    doc.put("live", status.live().orElse(null));
    doc.put("liveError", status.liveError());
    doc.put("liveMatches", status.match() == null ? null : status.match().jsonName());
    doc.put("now", status.now().toString());
    return Json.write(doc);
  }

  private static Map<String, Object> holder(Holder h) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("host", h.host());
    m.put("pid", h.pid());
    m.put("startedAt", string(h.startedAt()));
    m.put("command", h.command());
    return m;
  }

  // ---- results -------------------------------------------------------------------------------

  static String resultText(RunResult result) {
    return result.state()
        + " ("
        + result.cause().name().toLowerCase(Locale.ROOT)
        + "): "
        + result.message()
        + "\n";
  }

  static String resultJson(RunResult result, int exitCode) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("schemaVersion", 1);
    doc.put("state", result.state().jsonName());
    doc.put("cause", result.cause().name().toLowerCase(Locale.ROOT));
    doc.put("message", result.message());
    doc.put("exitCode", exitCode);
    return Json.write(doc);
  }

  private static String relative(Instant now, Instant at) {
    Duration d = Duration.between(now, at);
    return d.isNegative()
        ? Durations.format(d.negated().withNanos(0)) + " ago"
        : "in " + Durations.format(d.withNanos(0));
  }

  private static String string(Instant at) {
    return at == null ? null : at.toString();
  }
}
