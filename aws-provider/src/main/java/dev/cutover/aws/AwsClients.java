package dev.cutover.aws;

import dev.cutover.core.source.Endpoints;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.route53.Route53Client;

/**
 * Builds the AWS SDK clients for one region and endpoint: one place for the HTTP client, retries,
 * timeouts, credentials and endpoint override.
 *
 * <ul>
 *   <li>Credentials: the SDK's default chain (environment, profile, SSO, container, instance
 *       profile). For a loopback endpoint (the sandbox) fixed dummy credentials, so a demo needs no
 *       AWS account.
 *   <li>Endpoint: {@code endpoint} when given; otherwise the SDK's own resolution, which honours
 *       {@code AWS_ENDPOINT_URL} and {@code AWS_ENDPOINT_URL_<SERVICE>}.
 *   <li>Retries: the SDK's {@link RetryMode#STANDARD} strategy (throttling, 5xx, transient network
 *       errors; 3 attempts with jittered backoff). Timeouts: 10 s per attempt, 60 s per call.
 *   <li>HTTP: the Apache client (no Netty; see SDK-NOTES).
 * </ul>
 *
 * <p>Clients are created on first use and closed with this object.
 */
public final class AwsClients implements AutoCloseable {

  private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);

  private final Region region;
  private final URI endpoint;
  private final SdkHttpClient http;
  private final AwsCredentialsProvider credentials;
  private final List<AutoCloseable> open = new ArrayList<>();

  private Ec2Client ec2;
  private ElasticLoadBalancingV2Client elbv2;
  private RdsClient rds;
  private Route53Client route53;
  private CloudWatchClient cloudWatch;

  /**
   * @param region the AWS region ({@code us-east-1})
   * @param endpoint an endpoint override, or null
   */
  public AwsClients(String region, URI endpoint) {
    this.region = Region.of(region);
    this.endpoint = endpoint;
    this.http =
        ApacheHttpClient.builder()
            .connectionTimeout(Duration.ofSeconds(5))
            .socketTimeout(ATTEMPT_TIMEOUT)
            .build();
    this.credentials =
        Endpoints.isLoopback(endpoint)
            ? StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIASANDBOX", "sandbox"))
            : DefaultCredentialsProvider.builder().build();
  }

  /** The endpoint override, or null. */
  public URI endpoint() {
    return endpoint;
  }

  public Region region() {
    return region;
  }

  public synchronized Ec2Client ec2() {
    if (ec2 == null) {
      ec2 = track(configure(Ec2Client.builder(), region).build());
    }
    return ec2;
  }

  public synchronized ElasticLoadBalancingV2Client elbv2() {
    if (elbv2 == null) {
      elbv2 = track(configure(ElasticLoadBalancingV2Client.builder(), region).build());
    }
    return elbv2;
  }

  public synchronized RdsClient rds() {
    if (rds == null) {
      rds = track(configure(RdsClient.builder(), region).build());
    }
    return rds;
  }

  /** Route 53, which is global, signed for {@link #route53SigningRegion()}. */
  public synchronized Route53Client route53() {
    if (route53 == null) {
      route53 = track(configure(Route53Client.builder(), route53SigningRegion()).build());
    }
    return route53;
  }

  /**
   * The region a Route 53 client signs for, whatever {@link #region()}: {@code aws-global} against
   * the public endpoint, {@code us-east-1} against an override (SDK-NOTES: the override does not
   * work with AWS_GLOBAL).
   */
  public Region route53SigningRegion() {
    return endpoint == null ? Region.AWS_GLOBAL : Region.US_EAST_1;
  }

  public synchronized CloudWatchClient cloudWatch() {
    if (cloudWatch == null) {
      cloudWatch = track(configure(CloudWatchClient.builder(), region).build());
    }
    return cloudWatch;
  }

  private <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(
      B builder, Region signingRegion) {
    builder
        .region(signingRegion)
        .credentialsProvider(credentials)
        .overrideConfiguration(
            ClientOverrideConfiguration.builder()
                .retryStrategy(RetryMode.STANDARD)
                .apiCallAttemptTimeout(ATTEMPT_TIMEOUT)
                .apiCallTimeout(CALL_TIMEOUT)
                .build());
    builder.httpClient(http);
    if (endpoint != null) {
      builder.endpointOverride(endpoint);
    }
    return builder;
  }

  private <C extends AutoCloseable> C track(C client) {
    open.add(client);
    return client;
  }

  @Override
  public synchronized void close() {
    for (AutoCloseable client : open) {
      try {
        client.close();
      } catch (Exception e) {
        // Closing releases connections only; nothing to tell the user.
      }
    }
    open.clear();
    http.close();
  }
}
