package dev.cutover.azure.metrics;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.cutover.azure.AzureClients;
import dev.cutover.core.CutoverException;
import dev.cutover.core.traffic.MetricQuery;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AzureMonitorMetricSourceTest {

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String GATEWAY =
      "/subscriptions/b324c52b-4073-4807-93af-e07d289c093e/resourceGroups/test/providers/Microsoft.Network/applicationGateways/appgw-staging";
  private static final String METRICS = "/providers/Microsoft.Insights/metrics";
  private static final Instant FROM = Instant.parse("2017-04-14T02:20:00Z");
  private static final Instant TO = Instant.parse("2017-04-14T02:24:00Z");

  private AzureMonitorMetricSource source;

  @BeforeEach
  void setUp() {
    source =
        new AzureMonitorMetricSource(
            new AzureClients(
                "b324c52b-4073-4807-93af-e07d289c093e",
                URI.create(wm.baseUrl()),
                Duration.ofMillis(500),
                Duration.ofMillis(20)));
  }

  @Test
  void errorRate_appGateway_isFailedOverTotalRequestsInPercent() {
    stub(GATEWAY + METRICS, "AppGateway-FailedRequests-TotalRequests.json");

    List<Double> values =
        source.values(new MetricQuery("azuremonitor", GATEWAY, "error-rate", null, null), FROM, TO);

    assertThat(values).containsExactly(0.0, 1.5, 0.0);
    wm.verify(
        getRequestedFor(urlPathEqualTo(GATEWAY + METRICS))
            .withQueryParam("metricnames", equalTo("FailedRequests,TotalRequests"))
            .withQueryParam("aggregation", equalTo("Total"))
            .withQueryParam("interval", equalTo("PT1M"))
            .withQueryParam("timespan", equalTo("2017-04-14T02:20:00Z/2017-04-14T02:24:00Z"))
            .withQueryParam("metricnamespace", equalTo("Microsoft.Network/applicationGateways"))
            .withQueryParam("api-version", equalTo("2018-01-01")));
  }

  @Test
  void latency_appGateway_isTotalTimeAverageInSeconds() {
    stub(GATEWAY + METRICS, "AppGateway-TotalTime.json");

    List<Double> values =
        source.values(new MetricQuery("azuremonitor", GATEWAY, "latency", null, null), FROM, TO);

    assertThat(values).hasSize(2);
    assertThat(values.get(0)).isCloseTo(0.182, within(1e-9));
    assertThat(values.get(1)).isCloseTo(2.4, within(1e-9));
    wm.verify(
        getRequestedFor(urlPathEqualTo(GATEWAY + METRICS))
            .withQueryParam("metricnames", equalTo("ApplicationGatewayTotalTime"))
            .withQueryParam("aggregation", equalTo("Average")));
  }

  @Test
  void errorRate_noRequestsInWindow_returnsEmpty() {
    stub(GATEWAY + METRICS, "AppGateway-NoData.json");

    assertThat(
            source.values(
                new MetricQuery("azuremonitor", GATEWAY, "error-rate", null, null), FROM, TO))
        .isEmpty();
  }

  @Test
  void rawMetric_readsTheFirstTimeSeriesWithTheAggregation() {
    String blob =
        "/subscriptions/b324c52b-4073-4807-93af-e07d289c093e/resourceGroups/test/providers/Microsoft.Storage/storageAccounts/larryshoebox/blobServices/default";
    stub(blob + METRICS, "GetMetric.json");

    assertThat(
            source.values(
                new MetricQuery("azuremonitor", blob, "BlobCapacity", null, null), FROM, TO))
        .containsExactly(0.0);
    assertThat(
            source.values(
                new MetricQuery("azuremonitor", blob, "BlobCapacity", "Count", null), FROM, TO))
        .containsExactly(0.0, 0.0, 0.0, 1.0);
  }

  @Test
  void rawMetric_errorCodeInResponse_failsNamingIt() {
    String cosmos =
        "/subscriptions/ac41e21f-afd6-4a79-8070-f01eba278f97/resourceGroups/todking/providers/Microsoft.DocumentDb/databaseAccounts/tk-cosmos-mongo";
    stub(cosmos + METRICS, "GetMetricError.json");

    assertThatThrownBy(
            () ->
                source.values(
                    new MetricQuery("azuremonitor", cosmos, "MongoRequestsCount", null, null),
                    FROM,
                    TO))
        .isInstanceOf(CutoverException.class)
        .hasMessageContaining("InvalidSamplingType")
        .hasMessageContaining("Sampling type is not found");
  }

  @Test
  void errorRate_notAnAppGateway_isRefusedBeforeAnyCall() {
    assertThatThrownBy(
            () ->
                source.values(
                    new MetricQuery(
                        "azuremonitor",
                        "/subscriptions/s/resourceGroups/g/providers/Microsoft.Network/loadBalancers/lb",
                        "error-rate",
                        null,
                        null),
                    FROM,
                    TO))
        .isInstanceOf(CutoverException.class)
        .hasMessageContaining("is not an Application Gateway resource id");
    assertThat(wm.getAllServeEvents()).isEmpty();
  }

  @Test
  void latency_unknownAggregation_isRefusedBeforeAnyCall() {
    assertThatThrownBy(
            () ->
                source.values(
                    new MetricQuery("azuremonitor", GATEWAY, "latency", "p99", null), FROM, TO))
        .isInstanceOf(CutoverException.class)
        .hasMessageContaining("unknown aggregation 'p99'");
    assertThat(wm.getAllServeEvents()).isEmpty();
  }

  @Test
  void errorRate_serverErrorsPersist_failsRetryable() {
    wm.stubFor(get(urlPathEqualTo(GATEWAY + METRICS)).willReturn(aResponse().withStatus(503)));

    CutoverException e =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            CutoverException.class,
            () ->
                source.values(
                    new MetricQuery("azuremonitor", GATEWAY, "error-rate", null, null), FROM, TO));

    assertThat(e.retryable()).isTrue();
    assertThat(wm.findAll(getRequestedFor(urlPathEqualTo(GATEWAY + METRICS)))).hasSize(4);
  }

  private static void stub(String path, String example) {
    try (InputStream in =
        AzureMonitorMetricSourceTest.class.getResourceAsStream("/monitor/" + example)) {
      String body =
          new ObjectMapper().readTree(in).path("responses").path("200").path("body").toString();
      wm.stubFor(
          get(urlPathEqualTo(path))
              .willReturn(
                  aResponse()
                      .withStatus(200)
                      .withHeader("Content-Type", "application/json")
                      .withBody(body)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
