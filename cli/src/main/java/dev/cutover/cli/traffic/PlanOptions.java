package dev.cutover.cli.traffic;

import java.util.List;
import picocli.CommandLine.Option;

/**
 * The plan's flags ({@code plan}, {@code start}); each overrides its cutover.yaml field, except
 * {@code --gate} and {@code --blue-gate}, which add to the file's lists.
 */
public final class PlanOptions {

  @Option(
      names = "--steps",
      paramLabel = "PERCENTS",
      description = "Percent of traffic to green per step (default: 5,10,25,50,75,100).")
  String steps;

  @Option(
      names = "--bake",
      paramLabel = "DURATION",
      description =
          "Healthy time per step, from the moment the provider confirms the change live plus the"
              + " record's TTL (default: 10m). Durations: 90s, 10m, 1h, 1h30m.")
  String bake;

  @Option(
      names = "--deadline",
      paramLabel = "DURATION",
      description =
          "Per step: unless the next step or promote comes first, weights revert to the"
              + " pre-switch weights this long after the step was written (default: 30m).")
  String deadline;

  @Option(
      names = "--interval",
      paramLabel = "DURATION",
      description = "Time between gate evaluations during a bake (default: 30s).")
  String interval;

  @Option(
      names = "--max-ttl",
      paramLabel = "DURATION",
      description = "Refuse to start when the record's TTL is longer (default: 60s).")
  String maxTtl;

  @Option(
      names = "--live-timeout",
      paramLabel = "DURATION",
      description =
          "Roll back when the provider has not confirmed a step live (Route 53 INSYNC) after"
              + " this long (default: 10m).")
  String liveTimeout;

  @Option(
      names = "--gate",
      paramLabel = "GATE",
      description = {
        "Gate evaluated during every bake (repeatable; adds to cutover.yaml's):",
        "  http:URL[,status=200][,latency=2s][,samples=3]",
        "  metric:SOURCE:RESOURCE:METRIC>THRESHOLD[,stat=p99][,period=1m][,missing=pass]",
        "    fails when the condition holds, e.g."
            + " metric:cloudwatch:app/web/50dc6c495c0c9188:error-rate>1%% and ...:latency>2s;"
            + " operators > >= < <=; units %% s ms",
        "  parity[:FILE][,missing=pass]   the last parity report has no blocking finding",
        "Missing data fails a gate unless it says missing=pass."
      })
  List<String> gates;

  @Option(
      names = "--blue-gate",
      paramLabel = "GATE",
      description =
          "Gate evaluated once against blue before step 1 (repeatable; adds to cutover.yaml's).")
  List<String> blueGates;

  @Option(
      names = "--auto-promote",
      description =
          "Promote as soon as the last step's bake passes (default: wait for 'promote' until the"
              + " deadline, then revert).")
  Boolean autoPromote;
}
