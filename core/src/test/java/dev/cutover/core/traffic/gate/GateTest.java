package dev.cutover.core.traffic.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.cutover.core.policy.Policy;
import dev.cutover.core.traffic.MetricQuery;
import dev.cutover.core.traffic.MetricSource;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Gate syntax, and HTTP / metric / parity gates against a local server, a fake source, files. */
class GateTest {

  static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  static final Instant T1 = T0.plus(Duration.ofMinutes(5));

  @TempDir Path dir;
  HttpServer server;
  final AtomicInteger status = new AtomicInteger(200);
  volatile long delayMillis;

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/healthz",
        exchange -> {
          try {
            Thread.sleep(delayMillis);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          exchange.sendResponseHeaders(status.get(), -1);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/healthz";
  }

  Gates gates(MetricSource source) {
    return new Gates(
        id -> id.equals("cloudwatch") ? source : null,
        dir.resolve("parity.json"),
        Policy.defaults());
  }

  GateResult evaluate(String spec, MetricSource source, boolean last) {
    return gates(source).create(List.of(spec)).get(0).evaluate(T0, T1, last);
  }

  @Test
  void parse_metricWithArnResourceAndOptions() {
    GateSpec.Metric metric =
        (GateSpec.Metric)
            GateSpec.parse(
                "metric:cloudwatch:arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web/50dc6c495c0c9188:latency>1500ms,stat=p99,period=2m,missing=pass");

    assertThat(metric.query())
        .isEqualTo(
            new MetricQuery(
                "cloudwatch",
                "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web/50dc6c495c0c9188",
                "latency",
                "p99",
                Duration.ofMinutes(2)));
    assertThat(metric.threshold()).isEqualTo(1.5);
    assertThat(metric.missingPasses()).isTrue();
    assertThat(metric.breaches(1.6)).isTrue();
    assertThat(metric.breaches(1.5)).isFalse();
  }

  @Test
  void parse_httpDefaultsAndBadOptions() {
    GateSpec.Http http = (GateSpec.Http) GateSpec.parse("http:https://www.example.com/healthz");
    assertThat(http.status()).isEqualTo(200);
    assertThat(http.latency()).isEqualTo(Duration.ofSeconds(2));
    assertThat(http.samples()).isEqualTo(3);
    assertThatThrownBy(() -> GateSpec.parse("http:https://x/h,timeout=3s"))
        .hasMessageContaining("unknown option 'timeout=3s'");
    assertThatThrownBy(() -> GateSpec.parse("metric:cloudwatch:app/x:error-rate"))
        .hasMessageContaining("expected a condition");
    assertThatThrownBy(() -> GateSpec.parse("dns:www")).hasMessageContaining("expected http:URL");
  }

  @Test
  void http_healthyServer_passes() {
    GateResult result = evaluate("http:" + url(), null, false);

    assertThat(result.verdict()).isEqualTo(GateResult.Verdict.PASS);
    assertThat(result.detail()).startsWith("3/3 HTTP 200");
  }

  @Test
  void http_serverAnswers503_fails() {
    status.set(503);

    GateResult result = evaluate("http:" + url() + ",samples=2", null, false);

    assertThat(result.failed()).isTrue();
    assertThat(result.detail()).startsWith("sample 1/2: HTTP 503");
  }

  @Test
  void http_slowerThanLatencyLimit_fails() {
    delayMillis = 400;

    GateResult result = evaluate("http:" + url() + ",latency=100ms,samples=1", null, false);

    assertThat(result.failed()).isTrue();
    assertThat(result.detail()).contains("limit 100 ms");
  }

  @Test
  void http_nothingListening_fails() {
    String closed = url();
    server.stop(0);

    GateResult result = evaluate("http:" + closed + ",samples=1", null, false);

    assertThat(result.failed()).isTrue();
    assertThat(result.detail()).contains("no answer");
  }

  static MetricSource values(Double... values) {
    return new MetricSource() {
      @Override
      public String id() {
        return "cloudwatch";
      }

      @Override
      public List<Double> values(MetricQuery query, Instant from, Instant to) {
        return List.of(values);
      }
    };
  }

  @Test
  void metric_errorRateAboveOnePercent_fails_seedRunbookRule() {
    GateResult result =
        evaluate("metric:cloudwatch:app/web/1:error-rate>1%", values(0.3, 1.7), false);

    assertThat(result.failed()).isTrue();
    assertThat(result.detail()).isEqualTo("error-rate 1.7 > 1.0 (datapoint 2 of 2)");
  }

  @Test
  void metric_noDataDuringBake_pending_atBakeEnd_fails_unlessMissingPasses() {
    String gate = "metric:cloudwatch:app/web/1:latency>2s";

    assertThat(evaluate(gate, values(), false).verdict()).isEqualTo(GateResult.Verdict.PENDING);
    assertThat(evaluate(gate, values(), true).verdict()).isEqualTo(GateResult.Verdict.FAIL);
    assertThat(evaluate(gate + ",missing=pass", values(), true).verdict())
        .isEqualTo(GateResult.Verdict.PASS);
  }

  @Test
  void metric_unknownSource_refusedWhenGatesAreMade() {
    assertThatThrownBy(() -> gates(null).create(List.of("metric:datadog:x:error-rate>1%")))
        .hasMessageContaining("no provider serves metric source 'datadog'");
  }

  @Test
  void parity_blockingFinding_fails_lowOnly_passes_missing_fails() throws IOException {
    Path report = dir.resolve("parity.json");
    assertThat(evaluate("parity", null, false).detail()).contains("no parity report");

    Files.writeString(
        report,
        """
        {"schemaVersion": 1, "comparison": "parity", "left": "aws:us-east-1", "right": "azure:sub/rg",
         "findings": [
           {"severity": "low", "rule": "resource.tags", "type": "changed",
            "left": {"cloud": "aws", "kind": "network", "id": "vpc-0a1b2c"},
            "right": {"cloud": "azure", "kind": "network", "id": "/subscriptions/s/vnet1"},
            "message": "tag owner differs"}],
         "summary": {"high": 0, "medium": 0, "low": 1, "info": 0}}
        """);
    assertThat(evaluate("parity", null, false).verdict()).isEqualTo(GateResult.Verdict.PASS);

    Files.writeString(
        report,
        Files.readString(report).replace("\"severity\": \"low\"", "\"severity\": \"high\""));
    GateResult blocked = evaluate("parity", null, false);
    assertThat(blocked.failed()).isTrue();
    assertThat(blocked.detail()).contains("1 blocking finding, first high: tag owner differs");
  }

  @Test
  void parity_reportMadeAgainstTheSandbox_failsARealSwitch_passesASandboxSwitch()
      throws IOException {
    Files.writeString(
        dir.resolve("parity.json"),
        """
        {"schemaVersion": 1, "comparison": "parity", "left": "aws:us-east-1", "right": "azure:sub/rg",
         "sandbox": true, "findings": [], "summary": {"high": 0, "medium": 0, "low": 0, "info": 0}}
        """);

    GateResult real = evaluate("parity", null, false);
    GateResult sandbox =
        new Gates(id -> null, dir.resolve("parity.json"), Policy.defaults(), true)
            .create(List.of("parity"))
            .get(0)
            .evaluate(T0, T1, false);

    assertThat(real.failed()).isTrue();
    assertThat(real.detail()).contains("made against the sandbox");
    assertThat(sandbox.verdict()).isEqualTo(GateResult.Verdict.PASS);
  }
}
