package dev.cutover.core.traffic.gate;

import dev.cutover.core.CutoverException;
import dev.cutover.core.traffic.MetricQuery;
import java.net.URI;
import java.time.Duration;

/**
 * A gate as written on the command line ({@code --gate}, {@code --blue-gate}) and in the {@code
 * switch.gates} list of {@code cutover.yaml}. Three kinds:
 *
 * <ul>
 *   <li>{@code http:URL[,status=200][,latency=2s][,samples=3]}: GET the URL {@code samples} times
 *       per evaluation; the gate fails if any answer has another status, takes longer than {@code
 *       latency}, or does not come.
 *   <li>{@code metric:SOURCE:RESOURCE:METRIC OP THRESHOLD[,stat=p99][,period=1m][,missing=fail]}:
 *       the gate FAILS when a value of the metric in the window meets the condition, e.g. {@code
 *       metric:cloudwatch:app/web/50dc6c495c0c9188:error-rate>1%} and {@code
 *       metric:azuremonitor:/subscriptions/…/applicationGateways/agw:latency>2s} (the seed
 *       runbook's "roll back if error rate > 1 % or latency > 2 s"). {@code SOURCE} is a metric
 *       source id ({@code cloudwatch}, {@code azuremonitor}); {@code RESOURCE} is what that source
 *       measures (it may contain {@code :} and {@code /}); {@code METRIC} is a preset ({@code
 *       error-rate} in percent, {@code latency} in seconds) or a native name; {@code OP} one of
 *       {@code > >= < <=}; {@code THRESHOLD} a number with an optional unit {@code %}, {@code s},
 *       {@code ms} (ms is converted to seconds).
 *   <li>{@code parity[:PATH][,missing=fail]}: the last parity report ({@code cutover parity
 *       --format json}) has no finding the environment's policy blocks; default path {@code
 *       <env>/.cutover/parity.json}.
 * </ul>
 *
 * <p>Missing data (a metric with no datapoints by the end of a bake, an absent parity report) fails
 * the gate unless the gate says {@code missing=pass}.
 */
public sealed interface GateSpec {

  /** The text it was parsed from, which is also its name in the journal and in messages. */
  String text();

  /** An HTTP probe. */
  record Http(String text, URI url, int status, Duration latency, int samples)
      implements GateSpec {}

  /** A metric threshold; {@code op} applied as {@code value OP threshold} means failure. */
  record Metric(String text, MetricQuery query, String op, double threshold, boolean missingPasses)
      implements GateSpec {

    /** True if {@code value} meets the failure condition. */
    public boolean breaches(double value) {
      return switch (op) {
        case ">" -> value > threshold;
        case ">=" -> value >= threshold;
        case "<" -> value < threshold;
        default -> value <= threshold;
      };
    }
  }

  /** The parity report; {@code report} null means the environment's default. */
  record Parity(String text, String report, boolean missingPasses) implements GateSpec {}

  /** Default status an HTTP gate expects. */
  int DEFAULT_STATUS = 200;

  /** Default latency limit of an HTTP gate: the seed runbook's 2 s. */
  Duration DEFAULT_LATENCY = Duration.ofSeconds(2);

  /** Default number of requests per HTTP evaluation. */
  int DEFAULT_SAMPLES = 3;

  /**
   * Parses one gate.
   *
   * @throws CutoverException naming the gate and the expected syntax
   */
  static GateSpec parse(String text) {
    return GateParser.parse(text);
  }
}
