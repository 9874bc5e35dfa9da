package dev.cutover.core.traffic.gate;

import dev.cutover.core.CutoverException;
import dev.cutover.core.policy.Policy;
import dev.cutover.core.traffic.MetricSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Turns gate specs into gates.
 *
 * @param metricSources the metric source for an id ({@code cloudwatch}), or null if none serves it
 * @param defaultParityReport the report {@code parity} without a path reads
 * @param policy which parity findings block
 * @param onSandbox the switch itself runs against the sandbox, so a parity report read from the
 *     sandbox may gate it; false (the default) refuses such reports
 */
public record Gates(
    Function<String, MetricSource> metricSources,
    Path defaultParityReport,
    Policy policy,
    boolean onSandbox) {

  public Gates {
    Objects.requireNonNull(metricSources, "metricSources");
    Objects.requireNonNull(defaultParityReport, "defaultParityReport");
    policy = policy == null ? Policy.defaults() : policy;
  }

  /** Gates of a switch against real clouds. */
  public Gates(
      Function<String, MetricSource> metricSources, Path defaultParityReport, Policy policy) {
    this(metricSources, defaultParityReport, policy, false);
  }

  /**
   * One gate per spec.
   *
   * @throws CutoverException for a spec that does not parse or names an unknown metric source
   */
  public List<Gate> create(List<String> specs) {
    return specs.stream().map(GateSpec::parse).map(this::create).toList();
  }

  private Gate create(GateSpec spec) {
    if (spec instanceof GateSpec.Http http) {
      return new HttpGate(http);
    }
    if (spec instanceof GateSpec.Metric metric) {
      MetricSource source = metricSources.apply(metric.query().source());
      if (source == null) {
        throw new CutoverException(
            "--gate '"
                + spec.text()
                + "': no provider serves metric source '"
                + metric.query().source()
                + "' (known: cloudwatch from aws, azuremonitor from azure)");
      }
      return new MetricGate(metric, source);
    }
    GateSpec.Parity parity = (GateSpec.Parity) spec;
    Path report = parity.report() == null ? defaultParityReport : Path.of(parity.report());
    return new ParityGate(parity, report, policy, onSandbox);
  }
}
