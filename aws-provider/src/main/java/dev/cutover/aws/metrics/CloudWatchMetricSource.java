package dev.cutover.aws.metrics;

import dev.cutover.aws.AwsClients;
import dev.cutover.aws.AwsErrors;
import dev.cutover.aws.mapping.Arns;
import dev.cutover.core.CutoverException;
import dev.cutover.core.traffic.MetricQuery;
import dev.cutover.core.traffic.MetricSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;
import software.amazon.awssdk.services.cloudwatch.model.StatusCode;

/**
 * Reads gate metrics from CloudWatch with {@code GetMetricData} (id {@code cloudwatch}; API
 * Reference, <a
 * href="https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_GetMetricData.html">GetMetricData</a>).
 *
 * <p>Metrics ({@link MetricQuery#metric()}), for an Application Load Balancer named by its ARN or
 * its ARN suffix {@code app/NAME/ID} (the {@code LoadBalancer} dimension of namespace {@code
 * AWS/ApplicationELB}; Elastic Load Balancing Guide, <a
 * href="https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-cloudwatch-metrics.html">CloudWatch
 * metrics for your Application Load Balancer</a>):
 *
 * <ul>
 *   <li>{@code error-rate}: percent of requests answered 5xx, {@code 100 * (FILL(m1, 0) + FILL(m2,
 *       0)) / m3} with m1 {@code HTTPCode_Target_5XX_Count}, m2 {@code HTTPCode_ELB_5XX_Count}, m3
 *       {@code RequestCount}, each the {@code Sum} per period. The 5XX counts are published only
 *       when non-zero, hence {@code FILL(…, 0)} (CloudWatch User Guide, <a
 *       href="https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/using-metric-math.html">Using
 *       metric math</a>); a period without requests has no {@code RequestCount} and yields no
 *       value.
 *   <li>{@code latency}: {@code TargetResponseTime} in seconds, statistic {@code p99} unless the
 *       query names another.
 *   <li>{@code NAMESPACE:METRIC_NAME} (split at the last colon), e.g. {@code
 *       AWS/ApplicationELB:TargetResponseTime}: that metric with the query's statistic (default
 *       {@code Average}) in its own unit; the resource is an ALB as above, or dimensions {@code
 *       Name=Value[,Name=Value]}.
 * </ul>
 *
 * <p>The period must be 1, 5, 10, 30 or a multiple of 60 seconds (GetMetricData, {@code Period}).
 */
public final class CloudWatchMetricSource implements MetricSource {

  /** The id gates name this source by. */
  public static final String ID = "cloudwatch";

  static final String NAMESPACE_ALB = "AWS/ApplicationELB";
  static final String ERROR_RATE_EXPRESSION = "100 * (FILL(m1, 0) + FILL(m2, 0)) / m3";
  private static final String ACTION = "cloudwatch:GetMetricData";

  private final AwsClients clients;

  public CloudWatchMetricSource(AwsClients clients) {
    this.clients = Objects.requireNonNull(clients, "clients");
  }

  @Override
  public String id() {
    return ID;
  }

  /**
   * @return the values per period in {@code [from, to)}, oldest first: percent for {@code
   *     error-rate}, seconds for {@code latency}; empty when CloudWatch has no data
   * @throws CutoverException for an unknown metric, a resource that is not an ALB where one is
   *     needed, an invalid period, or a failed call ({@code retryable()} for throttling, 5xx and
   *     {@code InternalError} results)
   */
  @Override
  public List<Double> values(MetricQuery query, Instant from, Instant to) {
    int period = period(query);
    checkRegion(query);
    List<MetricDataQuery> queries = queries(query, period);
    String resultId = queries.get(queries.size() - 1).id();
    GetMetricDataRequest request =
        GetMetricDataRequest.builder()
            .startTime(from)
            .endTime(to)
            .scanBy(ScanBy.TIMESTAMP_ASCENDING)
            .metricDataQueries(queries)
            .build();
    Map<Instant, Double> points = new TreeMap<>();
    try {
      for (GetMetricDataResponse page : clients.cloudWatch().getMetricDataPaginator(request)) {
        for (MetricDataResult result : page.metricDataResults()) {
          if (!resultId.equals(result.id())) {
            continue;
          }
          if (result.statusCode() == StatusCode.INTERNAL_ERROR
              || result.statusCode() == StatusCode.FORBIDDEN) {
            throw new CutoverException(
                where(query) + ": " + ACTION + " answered " + result.statusCodeAsString(),
                result.statusCode() == StatusCode.FORBIDDEN
                    ? "grant " + ACTION + " and access to the metric's namespace"
                    : "run again",
                result.statusCode() == StatusCode.INTERNAL_ERROR,
                null);
          }
          for (int i = 0; i < Math.min(result.timestamps().size(), result.values().size()); i++) {
            points.put(result.timestamps().get(i), result.values().get(i));
          }
        }
      }
    } catch (SdkException e) {
      throw AwsErrors.translate(e, ACTION, clients.region().id());
    }
    return List.copyOf(points.values());
  }

  private static List<MetricDataQuery> queries(MetricQuery query, int period) {
    return switch (query.metric()) {
      case "error-rate" -> {
        List<Dimension> alb = List.of(albDimension(query));
        yield List.of(
            stat("m1", NAMESPACE_ALB, "HTTPCode_Target_5XX_Count", alb, "Sum", period, false),
            stat("m2", NAMESPACE_ALB, "HTTPCode_ELB_5XX_Count", alb, "Sum", period, false),
            stat("m3", NAMESPACE_ALB, "RequestCount", alb, "Sum", period, false),
            MetricDataQuery.builder()
                .id("e1")
                .expression(ERROR_RATE_EXPRESSION)
                .label("error-rate")
                .period(period)
                .returnData(true)
                .build());
      }
      case "latency" ->
          List.of(
              stat(
                  "m1",
                  NAMESPACE_ALB,
                  "TargetResponseTime",
                  List.of(albDimension(query)),
                  query.statistic() == null ? "p99" : query.statistic(),
                  period,
                  true));
      default -> {
        int colon = query.metric().lastIndexOf(':');
        if (colon <= 0 || colon == query.metric().length() - 1) {
          throw new CutoverException(
              where(query) + ": unknown metric '" + query.metric() + "'",
              "use error-rate, latency or NAMESPACE:METRIC_NAME"
                  + " (e.g. AWS/ApplicationELB:TargetResponseTime)",
              false,
              null);
        }
        yield List.of(
            stat(
                "m1",
                query.metric().substring(0, colon),
                query.metric().substring(colon + 1),
                dimensions(query),
                query.statistic() == null ? "Average" : query.statistic(),
                period,
                true));
      }
    };
  }

  private static MetricDataQuery stat(
      String id,
      String namespace,
      String metric,
      List<Dimension> dimensions,
      String statistic,
      int period,
      boolean returnData) {
    return MetricDataQuery.builder()
        .id(id)
        .metricStat(
            s ->
                s.metric(m -> m.namespace(namespace).metricName(metric).dimensions(dimensions))
                    .period(period)
                    .stat(statistic))
        .returnData(returnData)
        .build();
  }

  /** {@code Name=Value[,Name=Value]}, or an ALB ARN or ARN suffix. */
  private static List<Dimension> dimensions(MetricQuery query) {
    if (!query.resource().contains("=")) {
      return List.of(albDimension(query));
    }
    List<Dimension> dimensions = new ArrayList<>();
    for (String pair : query.resource().split(",")) {
      int equals = pair.indexOf('=');
      if (equals <= 0) {
        throw new CutoverException(
            where(query) + ": dimension '" + pair + "' is not Name=Value", null, false, null);
      }
      dimensions.add(
          Dimension.builder()
              .name(pair.substring(0, equals).trim())
              .value(pair.substring(equals + 1).trim())
              .build());
    }
    return dimensions;
  }

  /**
   * The {@code LoadBalancer} dimension: the ARN's final portion {@code app/NAME/ID} (ELB Guide,
   * "Metric dimensions for Application Load Balancers").
   */
  static Dimension albDimension(MetricQuery query) {
    String resource = query.resource();
    int marker = resource.indexOf(":loadbalancer/");
    String suffix = marker < 0 ? resource : resource.substring(marker + ":loadbalancer/".length());
    if (!suffix.startsWith("app/") || suffix.split("/").length != 3) {
      throw new CutoverException(
          where(query)
              + ": '"
              + resource
              + "' is not an Application Load Balancer ARN or app/NAME/ID suffix",
          "metric " + query.metric() + " reads AWS/ApplicationELB by its LoadBalancer dimension",
          false,
          null);
    }
    return Dimension.builder().name("LoadBalancer").value(suffix).build();
  }

  /**
   * An ALB ARN ({@code arn:aws:elasticloadbalancing:REGION:ACCOUNT:loadbalancer/app/…}) names its
   * region; CloudWatch answers a client of another region with no data, so refuse that at once.
   */
  private void checkRegion(MetricQuery query) {
    String region = Arns.region(query.resource());
    if (region != null && !region.equals(clients.region().id())) {
      throw new CutoverException(
          where(query)
              + ": the load balancer is in "
              + region
              + " but CloudWatch is read in "
              + clients.region().id(),
          "read CloudWatch in the load balancer's region",
          false,
          null);
    }
  }

  private static int period(MetricQuery query) {
    long seconds = query.period().toSeconds();
    boolean highResolution = seconds == 1 || seconds == 5 || seconds == 10 || seconds == 30;
    if (!highResolution && (seconds < 60 || seconds % 60 != 0)) {
      throw new CutoverException(
          where(query) + ": period " + seconds + " s is not 1, 5, 10, 30 or a multiple of 60 s",
          null,
          false,
          null);
    }
    return (int) seconds;
  }

  private static String where(MetricQuery query) {
    return "cloudwatch " + query.resource() + " " + query.metric();
  }
}
