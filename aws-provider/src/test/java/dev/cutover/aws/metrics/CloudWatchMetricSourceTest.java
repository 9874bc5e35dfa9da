package dev.cutover.aws.metrics;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.cutover.aws.AwsClients;
import dev.cutover.core.CutoverException;
import dev.cutover.core.traffic.MetricQuery;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CloudWatchMetricSourceTest {

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String ALB_ARN =
      "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/my-load-balancer/50dc6c495c0c9188";
  private static final Instant FROM = Instant.parse("2024-01-15T11:00:00Z");
  private static final Instant TO = Instant.parse("2024-01-15T11:03:00Z");

  private AwsClients clients;
  private CloudWatchMetricSource source;

  @BeforeEach
  void setUp() {
    clients = new AwsClients("us-east-1", URI.create(wm.baseUrl()));
    source = new CloudWatchMetricSource(clients);
  }

  @AfterEach
  void tearDown() {
    clients.close();
  }

  @Test
  void errorRate_albArn_asksFor5xxOverRequestsWithFillAndReturnsPercent() {
    wm.stubFor(post(urlEqualTo("/")).willReturn(xml("get_metric_data_error_rate.xml")));

    List<Double> values =
        source.values(new MetricQuery("cloudwatch", ALB_ARN, "error-rate", null, null), FROM, TO);

    assertThat(values).containsExactly(0.0, 0.5, 2.25);
    Map<String, String> form = onlyForm();
    assertThat(form)
        .containsEntry("Action", "GetMetricData")
        .containsEntry("StartTime", "2024-01-15T11:00:00Z")
        .containsEntry("EndTime", "2024-01-15T11:03:00Z")
        .containsEntry("ScanBy", "TimestampAscending")
        .containsEntry("MetricDataQueries.member.1.Id", "m1")
        .containsEntry(
            "MetricDataQueries.member.1.MetricStat.Metric.MetricName", "HTTPCode_Target_5XX_Count")
        .containsEntry(
            "MetricDataQueries.member.1.MetricStat.Metric.Namespace", "AWS/ApplicationELB")
        .containsEntry(
            "MetricDataQueries.member.1.MetricStat.Metric.Dimensions.member.1.Name", "LoadBalancer")
        .containsEntry(
            "MetricDataQueries.member.1.MetricStat.Metric.Dimensions.member.1.Value",
            "app/my-load-balancer/50dc6c495c0c9188")
        .containsEntry("MetricDataQueries.member.1.MetricStat.Stat", "Sum")
        .containsEntry("MetricDataQueries.member.1.MetricStat.Period", "60")
        .containsEntry("MetricDataQueries.member.1.ReturnData", "false")
        .containsEntry(
            "MetricDataQueries.member.2.MetricStat.Metric.MetricName", "HTTPCode_ELB_5XX_Count")
        .containsEntry("MetricDataQueries.member.3.MetricStat.Metric.MetricName", "RequestCount")
        .containsEntry("MetricDataQueries.member.4.Id", "e1")
        .containsEntry(
            "MetricDataQueries.member.4.Expression", "100 * (FILL(m1, 0) + FILL(m2, 0)) / m3")
        .containsEntry("MetricDataQueries.member.4.ReturnData", "true");
  }

  @Test
  void latency_pagedPartialData_followsNextTokenAndReturnsP99Seconds() {
    wm.stubFor(
        post(urlEqualTo("/"))
            .withRequestBody(notContaining("NextToken"))
            .willReturn(xml("get_metric_data_latency_page1.xml")));
    wm.stubFor(
        post(urlEqualTo("/"))
            .withRequestBody(containing("NextToken=page-2"))
            .willReturn(xml("get_metric_data_latency_page2.xml")));

    List<Double> values =
        source.values(
            new MetricQuery(
                "cloudwatch", "app/my-load-balancer/50dc6c495c0c9188", "latency", null, null),
            FROM,
            TO);

    assertThat(values).containsExactly(0.182, 2.4);
    Map<String, String> first = form(wm.findAll(postRequestedFor(urlEqualTo("/"))).get(0));
    assertThat(first)
        .containsEntry(
            "MetricDataQueries.member.1.MetricStat.Metric.MetricName", "TargetResponseTime")
        .containsEntry("MetricDataQueries.member.1.MetricStat.Stat", "p99");
  }

  @Test
  void rawMetric_withDimensionsAndStatistic_asksForThatMetric() {
    wm.stubFor(post(urlEqualTo("/")).willReturn(xml("get_metric_data_latency_page2.xml")));

    List<Double> values =
        source.values(
            new MetricQuery(
                "cloudwatch",
                "TargetGroup=targetgroup/blue/73e2d6bc24d8a067,LoadBalancer=app/my-load-balancer/50dc6c495c0c9188",
                "AWS/ApplicationELB:TargetResponseTime",
                "Maximum",
                Duration.ofMinutes(5)),
            FROM,
            TO);

    assertThat(values).containsExactly(2.4);
    assertThat(onlyForm())
        .containsEntry(
            "MetricDataQueries.member.1.MetricStat.Metric.Namespace", "AWS/ApplicationELB")
        .containsEntry(
            "MetricDataQueries.member.1.MetricStat.Metric.Dimensions.member.1.Name", "TargetGroup")
        .containsEntry(
            "MetricDataQueries.member.1.MetricStat.Metric.Dimensions.member.2.Value",
            "app/my-load-balancer/50dc6c495c0c9188")
        .containsEntry("MetricDataQueries.member.1.MetricStat.Stat", "Maximum")
        .containsEntry("MetricDataQueries.member.1.MetricStat.Period", "300");
  }

  @Test
  void errorRate_noRequestsInWindow_returnsEmpty() {
    wm.stubFor(post(urlEqualTo("/")).willReturn(xml("get_metric_data_empty.xml")));

    assertThat(
            source.values(
                new MetricQuery("cloudwatch", ALB_ARN, "error-rate", null, null), FROM, TO))
        .isEmpty();
  }

  @Test
  void errorRate_internalErrorResult_failsRetryable() {
    wm.stubFor(post(urlEqualTo("/")).willReturn(xml("get_metric_data_internal_error.xml")));

    CutoverException e =
        catchThrowableOfType(
            CutoverException.class,
            () ->
                source.values(
                    new MetricQuery("cloudwatch", ALB_ARN, "error-rate", null, null), FROM, TO));

    assertThat(e.retryable()).isTrue();
    assertThat(e.getMessage()).contains("InternalError");
  }

  @Test
  void errorRate_networkLoadBalancer_isRefusedBeforeAnyCall() {
    assertThatThrownBy(
            () ->
                source.values(
                    new MetricQuery(
                        "cloudwatch", "net/my-nlb/50dc6c495c0c9188", "error-rate", null, null),
                    FROM,
                    TO))
        .isInstanceOf(CutoverException.class)
        .hasMessageContaining("is not an Application Load Balancer");
    assertThat(wm.getAllServeEvents()).isEmpty();
  }

  @Test
  void errorRate_albInAnotherRegion_isRefusedBeforeAnyCall() {
    String euArn = ALB_ARN.replace("us-east-1", "eu-west-1");

    assertThatThrownBy(
            () ->
                source.values(
                    new MetricQuery("cloudwatch", euArn, "error-rate", null, null), FROM, TO))
        .isInstanceOf(CutoverException.class)
        .hasMessageContaining(
            "the load balancer is in eu-west-1 but CloudWatch is read in us-east-1");
    assertThat(wm.getAllServeEvents()).isEmpty();
  }

  @Test
  void unknownMetric_isRefusedWithTheChoices() {
    assertThatThrownBy(
            () ->
                source.values(
                    new MetricQuery("cloudwatch", ALB_ARN, "errors", null, null), FROM, TO))
        .isInstanceOf(CutoverException.class)
        .hasMessageContaining("unknown metric 'errors'");
  }

  @Test
  void period90Seconds_isRefused() {
    assertThatThrownBy(
            () ->
                source.values(
                    new MetricQuery("cloudwatch", ALB_ARN, "latency", null, Duration.ofSeconds(90)),
                    FROM,
                    TO))
        .isInstanceOf(CutoverException.class)
        .hasMessageContaining("period 90 s");
  }

  private static Map<String, String> onlyForm() {
    List<LoggedRequest> requests = wm.findAll(postRequestedFor(urlEqualTo("/")));
    assertThat(requests).hasSize(1);
    return form(requests.get(0));
  }

  private static Map<String, String> form(LoggedRequest request) {
    Map<String, String> form = new TreeMap<>();
    for (String pair : request.getBodyAsString().split("&")) {
      int equals = pair.indexOf('=');
      form.put(
          URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
    }
    return form;
  }

  private static ResponseDefinitionBuilder xml(String file) {
    try (InputStream in =
        CloudWatchMetricSourceTest.class.getResourceAsStream("/cloudwatch/" + file)) {
      return aResponse()
          .withStatus(200)
          .withHeader("Content-Type", "text/xml")
          .withBody(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
