package dev.cutover.core.traffic;

import java.time.Instant;
import java.util.List;

/**
 * Reads metric values for gates (CloudWatch {@code GetMetricData}, Azure Monitor metrics). Reached
 * through {@link dev.cutover.core.spi.CloudProvider#metricSource(String, java.net.URI)}.
 */
public interface MetricSource {

  /** {@code cloudwatch}, {@code azuremonitor}. */
  String id();

  /**
   * The values of the query per period in {@code [from, to)}, oldest first, in the preset's unit
   * (percent, seconds). An empty list means no data; the gate decides what that means.
   *
   * @throws dev.cutover.core.CutoverException for an unknown preset, a refused or failed call
   */
  List<Double> values(MetricQuery query, Instant from, Instant to);
}
