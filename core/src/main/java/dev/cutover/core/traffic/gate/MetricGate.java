package dev.cutover.core.traffic.gate;

import dev.cutover.core.CutoverException;
import dev.cutover.core.traffic.MetricSource;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;

/**
 * {@code metric:SOURCE:RESOURCE:METRIC OP THRESHOLD}: reads the metric's values per period since
 * the step went live and fails if any of them meets the condition. No data, or a source that cannot
 * be read, is pending during the bake and counts as missing at its end (fail, unless {@code
 * missing=pass}): metrics arrive minutes late (CloudWatch publishes ALB metrics per minute), so an
 * empty first minute is not yet a verdict.
 */
public final class MetricGate implements Gate {

  private final GateSpec.Metric spec;
  private final MetricSource source;

  public MetricGate(GateSpec.Metric spec, MetricSource source) {
    this.spec = spec;
    this.source = source;
  }

  @Override
  public String name() {
    return spec.text();
  }

  @Override
  public GateResult evaluate(Instant since, Instant now, boolean last) {
    List<Double> values;
    try {
      values = source.values(spec.query(), since, now);
    } catch (CutoverException e) {
      return missing(last, "cannot read " + spec.query().source() + ": " + e.getMessage());
    }
    if (values.isEmpty()) {
      return missing(last, "no datapoints since " + since);
    }
    for (int i = 0; i < values.size(); i++) {
      double value = values.get(i);
      if (spec.breaches(value)) {
        return GateResult.fail(
            name(),
            spec.query().metric()
                + " "
                + number(value)
                + " "
                + spec.op()
                + " "
                + spec.threshold()
                + " (datapoint "
                + (i + 1)
                + " of "
                + values.size()
                + ")");
      }
    }
    double worst =
        values.stream()
            .mapToDouble(Double::doubleValue)
            .reduce(spec.op().startsWith(">") ? Math::max : Math::min)
            .orElseThrow();
    return GateResult.pass(
        name(),
        values.size()
            + (values.size() == 1 ? " datapoint, worst " : " datapoints, worst ")
            + number(worst)
            + " (fails when "
            + spec.op()
            + " "
            + spec.threshold()
            + ")");
  }

  /** A value as people read it: one to three decimals ({@code 0.0847457} as {@code 0.085}). */
  private static String number(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return Double.toString(value);
    }
    BigDecimal rounded =
        BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros();
    return (rounded.scale() < 1 ? rounded.setScale(1) : rounded).toPlainString();
  }

  private GateResult missing(boolean last, String why) {
    if (!last) {
      return GateResult.pending(name(), why);
    }
    return spec.missingPasses()
        ? GateResult.pass(name(), why + "; missing=pass")
        : GateResult.fail(name(), why + "; missing data fails the gate (add ,missing=pass)");
  }
}
