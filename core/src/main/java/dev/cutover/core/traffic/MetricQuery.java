package dev.cutover.core.traffic;

import java.time.Duration;
import java.util.Objects;

/**
 * One metric a gate watches.
 *
 * @param source the metric source id: {@code cloudwatch}, {@code azuremonitor}
 * @param resource what is measured: an ALB's ARN suffix ({@code app/NAME/ID}) or ARN for
 *     CloudWatch, an Application Gateway resource id for Azure Monitor
 * @param metric a preset every source knows, {@code error-rate} (percent of requests answered 5xx)
 *     or {@code latency} (seconds), or a native metric name ({@code
 *     AWS/ApplicationELB:TargetResponseTime}, {@code FailedRequests})
 * @param statistic {@code Average}, {@code Sum}, {@code Maximum}, {@code p99}, ...; null for the
 *     preset's own
 * @param period aggregation period
 */
public record MetricQuery(
    String source, String resource, String metric, String statistic, Duration period) {
  public MetricQuery {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(metric, "metric");
    period = period == null ? Duration.ofMinutes(1) : period;
  }
}
