package dev.cutover.azure.metrics;

import com.azure.core.util.Context;
import com.azure.resourcemanager.monitor.MonitorManager;
import com.azure.resourcemanager.monitor.fluent.models.MetricInner;
import com.azure.resourcemanager.monitor.fluent.models.ResponseInner;
import com.azure.resourcemanager.monitor.models.MetricValue;
import dev.cutover.azure.AzureClients;
import dev.cutover.azure.AzureErrors;
import dev.cutover.core.CutoverException;
import dev.cutover.core.traffic.MetricQuery;
import dev.cutover.core.traffic.MetricSource;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Reads gate metrics from Azure Monitor through the metrics API of Azure Resource Manager (id
 * {@code azuremonitor}; REST API, <a
 * href="https://learn.microsoft.com/en-us/rest/api/monitor/metrics/list">Metrics - List</a>,
 * 2018-01-01).
 *
 * <p>Metrics ({@link MetricQuery#metric()}), for an Application Gateway named by its ARM resource
 * id (metric names, units and aggregations from <a
 * href="https://learn.microsoft.com/en-us/azure/azure-monitor/reference/supported-metrics/microsoft-network-applicationgateways-metrics">Supported
 * metrics for Microsoft.Network/applicationGateways</a>; meanings from <a
 * href="https://learn.microsoft.com/en-us/azure/application-gateway/application-gateway-metrics">Metrics
 * for Application Gateway</a>):
 *
 * <ul>
 *   <li>{@code error-rate}: percent, {@code 100 * FailedRequests / TotalRequests}, both the {@code
 *       Total} per period; a period without {@code TotalRequests} (no requests: Application Gateway
 *       reports no metrics then) yields no value, a period without {@code FailedRequests} counts 0
 *       failures.
 *   <li>{@code latency}: {@code ApplicationGatewayTotalTime} (milliseconds) / 1000, in seconds;
 *       aggregation {@code Average} unless the query names another ({@code Maximum}).
 *   <li>any other name: that metric of the resource with the query's aggregation ({@code Average},
 *       {@code Total}, {@code Maximum}, {@code Minimum}, {@code Count}; default {@code Average}),
 *       in its own unit, from its first time series.
 * </ul>
 */
public final class AzureMonitorMetricSource implements MetricSource {

  /** The id gates name this source by. */
  public static final String ID = "azuremonitor";

  static final String APP_GATEWAY_NAMESPACE = "Microsoft.Network/applicationGateways";
  private static final String ACTION = "Microsoft.Insights/metrics/read";

  private final AzureClients clients;
  private MonitorManager monitor;

  public AzureMonitorMetricSource(AzureClients clients) {
    this.clients = Objects.requireNonNull(clients, "clients");
  }

  @Override
  public String id() {
    return ID;
  }

  /**
   * @return the values per period in {@code [from, to)}, oldest first: percent for {@code
   *     error-rate}, seconds for {@code latency}; empty when Azure Monitor has no data
   * @throws CutoverException for an unknown aggregation, a resource that is not an Application
   *     Gateway where one is needed, a metric Azure Monitor reports an error for, or a failed call
   */
  @Override
  public List<Double> values(MetricQuery query, Instant from, Instant to) {
    String resource = resourceUri(query);
    switch (query.metric()) {
      case "error-rate" -> {
        requireAppGateway(query);
        ResponseInner response =
            list(
                query,
                resource,
                "FailedRequests,TotalRequests",
                "Total",
                APP_GATEWAY_NAMESPACE,
                from,
                to);
        Map<Instant, Double> failed = series(query, response, "FailedRequests", MetricValue::total);
        Map<Instant, Double> total = series(query, response, "TotalRequests", MetricValue::total);
        List<Double> values = new ArrayList<>();
        total.forEach(
            (at, requests) -> {
              if (requests > 0) {
                values.add(100.0 * failed.getOrDefault(at, 0.0) / requests);
              }
            });
        return List.copyOf(values);
      }
      case "latency" -> {
        requireAppGateway(query);
        String aggregation = query.statistic() == null ? "Average" : query.statistic();
        Function<MetricValue, Double> read = aggregation(query, aggregation);
        ResponseInner response =
            list(
                query,
                resource,
                "ApplicationGatewayTotalTime",
                aggregation,
                APP_GATEWAY_NAMESPACE,
                from,
                to);
        return series(query, response, "ApplicationGatewayTotalTime", read).values().stream()
            .map(milliseconds -> milliseconds / 1000.0)
            .toList();
      }
      default -> {
        String aggregation = query.statistic() == null ? "Average" : query.statistic();
        Function<MetricValue, Double> read = aggregation(query, aggregation);
        ResponseInner response = list(query, resource, query.metric(), aggregation, null, from, to);
        return List.copyOf(series(query, response, query.metric(), read).values());
      }
    }
  }

  private ResponseInner list(
      MetricQuery query,
      String resource,
      String metricNames,
      String aggregation,
      String namespace,
      Instant from,
      Instant to) {
    try {
      return monitor()
          .serviceClient()
          .getMetrics()
          .listWithResponse(
              resource,
              from + "/" + to,
              query.period(),
              metricNames,
              aggregation,
              null,
              null,
              null,
              null,
              namespace,
              Context.NONE)
          .getValue();
    } catch (RuntimeException e) {
      throw AzureErrors.translate(e, ACTION, query.resource());
    }
  }

  /** The points of one metric's first time series that carry the aggregation, by time. */
  private static Map<Instant, Double> series(
      MetricQuery query,
      ResponseInner response,
      String metricName,
      Function<MetricValue, Double> aggregation) {
    Map<Instant, Double> points = new TreeMap<>();
    if (response == null || response.value() == null) {
      return points;
    }
    for (MetricInner metric : response.value()) {
      if (metric.name() == null || !metricName.equalsIgnoreCase(metric.name().value())) {
        continue;
      }
      if (metric.errorCode() != null && !"Success".equalsIgnoreCase(metric.errorCode())) {
        throw new CutoverException(
            where(query)
                + ": Azure Monitor answered "
                + metric.errorCode()
                + " for "
                + metricName
                + (metric.errorMessage() == null ? "" : ": " + metric.errorMessage()),
            "check the metric name and aggregation against the resource's supported metrics",
            false,
            null);
      }
      if (metric.timeseries() == null || metric.timeseries().isEmpty()) {
        return points;
      }
      for (MetricValue value : metric.timeseries().get(0).data()) {
        Double number = aggregation.apply(value);
        OffsetDateTime at = value.timestamp();
        if (number != null && at != null) {
          points.put(at.toInstant(), number);
        }
      }
      return points;
    }
    return points;
  }

  private static Function<MetricValue, Double> aggregation(MetricQuery query, String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "average" -> MetricValue::average;
      case "total", "sum" -> MetricValue::total;
      case "maximum" -> MetricValue::maximum;
      case "minimum" -> MetricValue::minimum;
      case "count" -> MetricValue::count;
      default ->
          throw new CutoverException(
              where(query) + ": unknown aggregation '" + name + "'",
              "use Average, Total, Maximum, Minimum or Count",
              false,
              null);
    };
  }

  /** The resource id without its leading slash, as the metrics path takes it. */
  private static String resourceUri(MetricQuery query) {
    String id = query.resource().startsWith("/") ? query.resource().substring(1) : query.resource();
    if (!id.regionMatches(true, 0, "subscriptions/", 0, "subscriptions/".length())) {
      throw new CutoverException(
          where(query) + ": expected an ARM resource id /subscriptions/…/providers/…",
          null,
          false,
          null);
    }
    return id;
  }

  private static void requireAppGateway(MetricQuery query) {
    if (!query
        .resource()
        .toLowerCase(Locale.ROOT)
        .contains("/providers/" + APP_GATEWAY_NAMESPACE.toLowerCase(Locale.ROOT) + "/")) {
      throw new CutoverException(
          where(query) + ": '" + query.resource() + "' is not an Application Gateway resource id",
          "metric "
              + query.metric()
              + " reads "
              + APP_GATEWAY_NAMESPACE
              + " metrics; name another metric for other resources",
          false,
          null);
    }
  }

  private static String where(MetricQuery query) {
    return "azuremonitor " + query.resource() + " " + query.metric();
  }

  private synchronized MonitorManager monitor() {
    if (monitor == null) {
      monitor = MonitorManager.authenticate(clients.pipeline(), clients.profile());
    }
    return monitor;
  }
}
