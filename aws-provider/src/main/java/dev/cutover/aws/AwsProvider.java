package dev.cutover.aws;

import dev.cutover.aws.live.LiveScan;
import dev.cutover.aws.mapping.AwsTypes;
import dev.cutover.aws.metrics.CloudWatchMetricSource;
import dev.cutover.aws.state.AwsStateMapper;
import dev.cutover.aws.traffic.Route53Router;
import dev.cutover.core.CutoverException;
import dev.cutover.core.model.Inventory;
import dev.cutover.core.spi.CloudProvider;
import dev.cutover.core.spi.DriftNormalizer;
import dev.cutover.core.spi.LiveRequest;
import dev.cutover.core.spi.StateMapper;
import dev.cutover.core.traffic.MetricSource;
import dev.cutover.core.traffic.TrafficRouter;
import java.net.URI;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.providers.AwsProfileRegionProvider;
import software.amazon.awssdk.regions.providers.AwsRegionProviderChain;
import software.amazon.awssdk.regions.providers.SystemSettingsRegionProvider;

/**
 * Amazon Web Services: {@code aws_*} Terraform state ({@link AwsStateMapper}), live inventory of
 * one region (EC2, ELBv2, RDS; Route 53, which is global, with it), AWS drift normalisation ({@link
 * AwsDriftNormalizer}), the {@code route53} traffic router ({@link Route53Router}) and the {@code
 * cloudwatch} metric source ({@link CloudWatchMetricSource}). Registered for {@link
 * java.util.ServiceLoader} in {@code META-INF/services/dev.cutover.core.spi.CloudProvider}.
 */
public final class AwsProvider implements CloudProvider {

  /**
   * An AWS region code: two letters, one or more words, a number ({@code us-east-1}, {@code
   * ap-southeast-2}, {@code us-gov-west-1}, {@code cn-north-1}; AWS General Reference, "AWS
   * Regions"). Checked by form, not against a list, so that new regions work without a release.
   */
  private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");

  private final StateMapper stateMapper = new AwsStateMapper();
  private final DriftNormalizer driftNormalizer = new AwsDriftNormalizer();

  @Override
  public String id() {
    return AwsTypes.CLOUD;
  }

  @Override
  public StateMapper stateMapper() {
    return stateMapper;
  }

  /**
   * Reads the requested kinds of the region {@code request.location()}, with clients built for
   * {@code request.endpoint()} (null: the SDK's own resolution, which honours {@code
   * AWS_ENDPOINT_URL}) and closed afterwards. Progress is reported per API page.
   *
   * @throws CutoverException for a location that is not a region, and as {@link AwsErrors} for
   *     refused, throttled or failed calls and unreachable endpoints
   */
  @Override
  public Inventory scan(LiveRequest request) {
    String region = region(request.location());
    try (AwsClients clients = new AwsClients(region, request.endpoint())) {
      return new Inventory("aws:" + region, LiveScan.scan(clients, region, request));
    }
  }

  @Override
  public DriftNormalizer driftNormalizer() {
    return driftNormalizer;
  }

  /** {@code route53}: Route 53 is global; its clients sign for us-east-1 against an override. */
  @Override
  public Optional<TrafficRouter> trafficRouter(String scheme, URI endpoint) {
    if (!Route53Router.SCHEME.equals(scheme)) {
      return Optional.empty();
    }
    return Optional.of(new Route53Router(new AwsClients("us-east-1", endpoint)));
  }

  /**
   * {@code cloudwatch}, in the region of {@code AWS_REGION} or the profile's {@code region},
   * us-east-1 when none is set. CloudWatch metrics are regional: a gate on a load balancer
   * elsewhere fails with a message that says which region to set.
   */
  @Override
  public Optional<MetricSource> metricSource(String id, URI endpoint) {
    if (!CloudWatchMetricSource.ID.equals(id)) {
      return Optional.empty();
    }
    return Optional.of(new CloudWatchMetricSource(new AwsClients(defaultRegion(), endpoint)));
  }

  /**
   * The region from {@code AWS_REGION}/{@code aws.region} or the profile, not the SDK's full
   * default chain: its last link asks the EC2 instance metadata service, which can stall for
   * seconds on a machine outside EC2 before a gate even starts.
   */
  private static String defaultRegion() {
    try {
      return new AwsRegionProviderChain(
              new SystemSettingsRegionProvider(), new AwsProfileRegionProvider())
          .getRegion()
          .id();
    } catch (SdkClientException e) {
      return "us-east-1";
    }
  }

  /**
   * The location as a region code.
   *
   * @throws CutoverException if it is not one
   */
  static String region(String location) {
    String region = location == null ? "" : location.trim();
    if (!REGION.matcher(region).matches()) {
      throw new CutoverException(
          "aws location '" + location + "': expected a region such as us-east-1",
          "name the region as in 'aws:us-east-1'",
          false,
          null);
    }
    return region;
  }
}
