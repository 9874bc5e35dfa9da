package dev.cutover.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Cloud failures reach the user as one {@code error:} line (and a hint), exit 1, no stack trace: an
 * endpoint nothing listens on, and AWS refusing (AccessDenied / UnauthorizedOperation) or
 * throttling every call, served by WireMock in the APIs' own error documents. Needs the real
 * providers, which translate SDK errors at their edge.
 */
class CloudErrorsEndToEndTest {

  private static final String SUBSCRIPTION = "6f1c2e3d-4b5a-4c9d-8e7f-0a1b2c3d4e5f";

  private WireMockServer aws;

  @BeforeEach
  void start() {
    aws = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().jettyAcceptors(1));
    aws.start();
  }

  @AfterEach
  void stop() {
    if (aws != null) {
      aws.stop();
    }
  }

  /** Every AWS API answers with its own error document: EC2's and the other Query APIs'. */
  private void answerEveryAwsCall(int status, String ec2Code, String queryCode) {
    aws.stubFor(
        post(urlEqualTo("/"))
            .withRequestBody(containing("Version=2016-11-15"))
            .atPriority(1)
            .willReturn(
                xml(status, "<Response><Errors>" + error(ec2Code) + "</Errors></Response>")));
    aws.stubFor(
        any(anyUrl())
            .atPriority(2)
            .willReturn(xml(status, "<ErrorResponse>" + error(queryCode) + "</ErrorResponse>")));
  }

  private static String error(String code) {
    return "<Error><Type>Sender</Type><Code>"
        + code
        + "</Code><Message>sandbox says "
        + code
        + "</Message></Error>";
  }

  private static ResponseDefinitionBuilder xml(int status, String body) {
    return aResponse().withStatus(status).withHeader("Content-Type", "text/xml").withBody(body);
  }

  private static CliRun awsInventory(String endpoint) {
    return CliRun.of(
        "inventory", "--cloud", "aws", "--region", "us-east-1", "--aws-endpoint", endpoint);
  }

  @Test
  void inventory_awsRefusesEveryCall_saysWhichPermissionToGrant() {
    answerEveryAwsCall(403, "UnauthorizedOperation", "AccessDenied");

    CliRun run = awsInventory(aws.baseUrl());

    run.assertFailsWithOneLine("was refused");
    assertThat(run.err()).containsPattern("hint: grant [a-z0-9]+:[A-Za-z]+");
  }

  @Test
  void inventory_awsThrottlesEveryCall_saysRetriesRanOut() {
    answerEveryAwsCall(400, "RequestLimitExceeded", "Throttling");

    CliRun run = awsInventory(aws.baseUrl());

    run.assertFailsWithOneLine("throttled");
  }

  @Test
  void inventory_awsEndpointNothingListensOn_saysItCannotReachIt() throws IOException {
    String closed = "http://127.0.0.1:" + closedPort();

    CliRun run = awsInventory(closed);

    run.assertFailsWithOneLine("could not reach the endpoint");
  }

  @Test
  void inventory_azureEndpointNothingListensOn_saysItCannotReachIt() throws IOException {
    String closed = "http://127.0.0.1:" + closedPort();

    CliRun run =
        CliRun.of(
            "inventory",
            "--cloud",
            "azure",
            "--subscription",
            SUBSCRIPTION,
            "--azure-endpoint",
            closed);

    run.assertFailsWithOneLine("could not reach the endpoint");
  }

  /** A loopback port that was free a moment ago and that nothing listens on now. */
  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
