package dev.cutover.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.cutover.aws.AwsApi.ec2Error;
import static dev.cutover.aws.AwsApi.error;
import static dev.cutover.aws.AwsApi.query;
import static dev.cutover.aws.AwsApi.scan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.cutover.core.CutoverException;
import dev.cutover.core.model.ResourceKind;
import dev.cutover.core.spi.LiveRequest;
import dev.cutover.core.spi.ProgressListener;
import dev.cutover.core.spi.Providers;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Refused, throttled and unreachable calls, and bad locations: one clear line each. */
class AwsScanErrorsTest {

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @Test
  void scan_unauthorizedOperation_oneLineNamingTheIamAction() {
    wm.stubFor(
        query("DescribeSecurityGroups")
            .willReturn(
                ec2Error(
                    403,
                    "UnauthorizedOperation",
                    "You are not authorized to perform this operation.")));

    CutoverException e = failure(() -> scan(wm, ProgressListener.NONE, ResourceKind.FIREWALL));

    assertThat(e.getMessage())
        .isEqualTo(
            "aws us-east-1: ec2:DescribeSecurityGroups was refused (UnauthorizedOperation):"
                + " You are not authorized to perform this operation.")
        .doesNotContain("\n");
    assertThat(e.suggestion())
        .isEqualTo("grant ec2:DescribeSecurityGroups to the caller's IAM policy");
    assertThat(e.retryable()).isFalse();
  }

  @Test
  void scan_route53AccessDenied_oneLineNamingTheIamAction() {
    wm.stubFor(
        get(urlPathEqualTo("/2013-04-01/hostedzone"))
            .willReturn(
                error(
                    403,
                    "AccessDenied",
                    "User is not authorized to perform: route53:ListHostedZones")));

    CutoverException e =
        failure(() -> scan(wm, ProgressListener.NONE, ResourceKind.DNS_RECORD_SET));

    assertThat(e.getMessage())
        .startsWith("aws us-east-1: route53:ListHostedZones was refused (AccessDenied)")
        .doesNotContain("\n");
    assertThat(e.suggestion()).contains("route53:ListHostedZones");
  }

  @Test
  void scan_throttling_retriedBySdkThenRetryableError() {
    wm.stubFor(
        query("DescribeLoadBalancers").willReturn(error(400, "Throttling", "Rate exceeded")));

    CutoverException e = failure(() -> scan(wm, ProgressListener.NONE, ResourceKind.LOAD_BALANCER));

    assertThat(e.getMessage())
        .isEqualTo(
            "aws us-east-1: elasticloadbalancing:DescribeLoadBalancers was throttled (Throttling)"
                + " and the retries ran out");
    assertThat(e.retryable()).isTrue();
    wm.verify(3, postRequestedFor(urlEqualTo("/")));
  }

  @Test
  void scan_unreachableEndpoint_oneLineRetryableError() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    LiveRequest request =
        new LiveRequest(
            "us-east-1",
            Set.of(ResourceKind.NETWORK),
            URI.create("http://127.0.0.1:" + closedPort),
            null);

    CutoverException e = failure(() -> new AwsProvider().scan(request));

    assertThat(e.getMessage())
        .startsWith("aws us-east-1: ec2:DescribeVpcs could not reach the endpoint")
        .doesNotContain("\n");
    assertThat(e.suggestion()).contains("--aws-endpoint");
    assertThat(e.retryable()).isTrue();
  }

  @Test
  void scan_malformedRegion_rejectedBeforeAnyCall() {
    CutoverException e =
        failure(() -> new AwsProvider().scan(LiveRequest.of("foo", URI.create(wm.baseUrl()))));

    assertThat(e.getMessage()).isEqualTo("aws location 'foo': expected a region such as us-east-1");
    assertThat(wm.findAll(anyRequestedFor(anyUrl()))).isEmpty();
  }

  @Test
  void region_acceptsRegionCodesOfEveryPartition() {
    assertThat(AwsProvider.region("us-east-1")).isEqualTo("us-east-1");
    assertThat(AwsProvider.region("ap-southeast-2")).isEqualTo("ap-southeast-2");
    assertThat(AwsProvider.region("us-gov-west-1")).isEqualTo("us-gov-west-1");
    assertThat(AwsProvider.region("cn-northwest-1")).isEqualTo("cn-northwest-1");
    for (String bad : new String[] {"", "us-east", "US-EAST-1", "us-east-1a", "eastus"}) {
      assertThat(failure(() -> AwsProvider.region(bad)).getMessage())
          .isEqualTo("aws location '" + bad + "': expected a region such as us-east-1");
    }
  }

  @Test
  void providers_serviceLoader_findsTheAwsProvider() {
    assertThat(Providers.load().require("aws")).isInstanceOf(AwsProvider.class);
  }

  private static CutoverException failure(Runnable call) {
    CutoverException e = catchThrowableOfType(CutoverException.class, call::run);
    assertThat(e).as("a CutoverException").isNotNull();
    return e;
  }
}
