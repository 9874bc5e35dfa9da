package dev.cutover.azure;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.cutover.azure.ArmStubs.SUB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.cutover.core.CutoverException;
import dev.cutover.core.model.ResourceKind;
import dev.cutover.core.spi.LiveRequest;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Failures of a live scan: one clear line, the RBAC action to grant, retryable where it helps. */
class AzureScanErrorsTest {

  private static final String NSGS =
      "/subscriptions/"
          + SUB
          + "/resourceGroups/rg1/providers/Microsoft.Network/networkSecurityGroups";
  private static final String SCOPE = "/subscriptions/" + SUB + "/resourceGroups/rg1";

  private static WireMockServer server;
  private static ArmStubs stubs;

  @BeforeAll
  static void start() {
    server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    server.start();
    stubs = new ArmStubs(server);
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @BeforeEach
  void reset() {
    server.resetAll();
  }

  private static CutoverException scanFails(String location, URI endpoint) {
    return catchThrowableOfType(
        CutoverException.class,
        () ->
            new AzureProvider()
                .scan(new LiveRequest(location, Set.of(ResourceKind.FIREWALL), endpoint, null)));
  }

  @Test
  void scan_authorizationFailed_oneLineNamingTheRbacActionToGrant() {
    stubs.error(
        NSGS,
        403,
        "AuthorizationFailed",
        "The client 'cutover' does not have authorization to perform action"
            + " 'Microsoft.Network/networkSecurityGroups/read' over scope '"
            + SCOPE
            + "'.",
        null);

    CutoverException e = scanFails(SUB + "/rg1", stubs.endpoint());

    assertThat(e.getMessage())
        .startsWith(
            "azure "
                + SCOPE
                + ": Microsoft.Network/networkSecurityGroups/read was refused"
                + " (AuthorizationFailed): The client 'cutover'")
        .doesNotContain("\n");
    assertThat(e.suggestion())
        .isEqualTo(
            "grant Microsoft.Network/networkSecurityGroups/read on "
                + SCOPE
                + " (e.g. the Reader role)");
    assertThat(e.retryable()).isFalse();
  }

  @Test
  void scan_throttled_isRetriedByThePipelineThenFailsRetryable() {
    stubs.error(NSGS, 429, "TooManyRequests", "The request is being throttled.", "0");

    CutoverException e = scanFails(SUB + "/rg1", stubs.endpoint());

    assertThat(e.getMessage())
        .isEqualTo(
            "azure "
                + SCOPE
                + ": Microsoft.Network/networkSecurityGroups/read was throttled"
                + " (HTTP 429) and the retries ran out");
    assertThat(e.retryable()).isTrue();
    server.verify(4, getRequestedFor(urlPathMatching("(?i).*/networkSecurityGroups")));
  }

  @Test
  void scan_unreachableEndpoint_failsRetryableNamingTheEndpointProblem() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }

    CutoverException e = scanFails(SUB + "/rg1", URI.create("http://127.0.0.1:" + closedPort));

    assertThat(e.getMessage())
        .startsWith(
            "azure "
                + SCOPE
                + ": Microsoft.Network/networkSecurityGroups/read could not reach the"
                + " endpoint: ConnectException")
        .doesNotContain("\n");
    assertThat(e.suggestion()).isEqualTo("check --azure-endpoint and the network");
    assertThat(e.retryable()).isTrue();
  }

  @Test
  void scan_malformedLocation_failsBeforeAnyCall() {
    CutoverException e = scanFails("x", stubs.endpoint());

    assertThat(e.getMessage())
        .isEqualTo(
            "azure location 'x': expected SUBSCRIPTION_ID[/RESOURCE_GROUP] (a subscription GUID,"
                + " then optionally one resource group)");
    assertThat(server.getAllServeEvents()).isEmpty();
  }

  @Test
  void scan_plainHttpToANonLoopbackHost_isRefused() {
    CutoverException e = scanFails(SUB, URI.create("http://10.1.2.3:8080"));

    assertThat(e.getMessage())
        .isEqualTo(
            "--azure-endpoint http://10.1.2.3:8080/: plain http is accepted only on loopback (the"
                + " sandbox)");
    assertThat(e.suggestion()).isEqualTo("use https:// for a real Azure Resource Manager endpoint");
  }
}
