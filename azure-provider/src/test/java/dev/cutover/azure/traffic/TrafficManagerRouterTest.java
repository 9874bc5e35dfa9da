package dev.cutover.azure.traffic;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.cutover.azure.AzureClients;
import dev.cutover.core.CutoverException;
import dev.cutover.core.traffic.ChangeReceipt;
import dev.cutover.core.traffic.MemberWeight;
import dev.cutover.core.traffic.RecordRef;
import dev.cutover.core.traffic.WeightSnapshot;
import dev.cutover.sandbox.state.Faults;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TrafficManagerRouterTest {

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SUB = "00000000-1111-2222-3333-444444444444";
  private static final String RG = "azuresdkfornetautoresttrafficmanager1323";
  private static final String PROFILE = "azuresdkfornetautoresttrafficmanager3880";
  private static final String PROFILE_PATH =
      "/subscriptions/"
          + SUB
          + "/resourceGroups/"
          + RG
          + "/providers/Microsoft.Network/trafficmanagerprofiles/"
          + PROFILE;
  private static final String BLUE = "My external endpoint";
  private static final String GREEN = "MyFirstNestedEndpoint";
  private static final String BLUE_PATH =
      PROFILE_PATH + "/ExternalEndpoints/My%20external%20endpoint";
  private static final String GREEN_PATH = PROFILE_PATH + "/NestedEndpoints/" + GREEN;
  private static final RecordRef RECORD =
      RecordRef.parse("trafficmanager:" + SUB + "/" + RG + "/" + PROFILE, BLUE, GREEN);

  /** 500 ms per attempt, 20 ms first retry delay (3 retries). */
  private static final int ATTEMPTS = 4;

  private TrafficManagerRouter router;

  @BeforeEach
  void setUp() {
    AzureClients clients =
        new AzureClients(
            SUB, URI.create(wm.baseUrl()), Duration.ofMillis(500), Duration.ofMillis(20));
    router =
        new TrafficManagerRouter(
            clients,
            new TrafficManagerRouter.Settings(Duration.ofMillis(20), Duration.ofMillis(80)));
  }

  @Test
  void read_weightedProfile_returnsWeightsStatusesAndTtl() {
    stubProfile(profile("Profile-GET-Weighted.json"));

    WeightSnapshot snapshot = router.read(RECORD);

    assertThat(snapshot.members())
        .containsExactly(new MemberWeight(BLUE, 1000, true), new MemberWeight(GREEN, 1, false));
    assertThat(snapshot.ttlSeconds()).isEqualTo(35);
    assertThat(snapshot.shareBasisPoints(BLUE)).isEqualTo(10000);
    wm.verify(
        getRequestedFor(urlPathEqualTo(PROFILE_PATH))
            .withQueryParam("api-version", equalTo("2022-04-01")));
  }

  @Test
  void read_performanceProfile_isRefusedAsNotWeighted() {
    stubProfile(profile("Profile-GET-WithEndpoints.json"));

    assertThatThrownBy(() -> router.read(RECORD))
        .isInstanceOf(CutoverException.class)
        .hasMessageContaining("trafficRoutingMethod is Performance, not Weighted");
  }

  @Test
  void write_fivePercent_enablesGreenFirstThenLowersBlue() {
    stubProfile(profile("Profile-GET-Weighted.json"));
    stubPatches();

    ChangeReceipt receipt = router.write(RECORD, weights(950, true, 50, true));

    List<LoggedRequest> patches = patchesInOrder();
    assertThat(patches)
        .extracting(LoggedRequest::getUrl)
        .containsExactly(
            GREEN_PATH + "?api-version=2022-04-01", BLUE_PATH + "?api-version=2022-04-01");
    assertJson(patches.get(0), "{\"properties\":{\"weight\":50,\"endpointStatus\":\"Enabled\"}}");
    assertJson(patches.get(1), "{\"properties\":{\"weight\":950,\"endpointStatus\":\"Enabled\"}}");
    assertThat(receipt.changeId()).isNull();
    assertThat(receipt.status()).isEqualTo("Succeeded");
    assertThat(TrafficManagerRouter.parseDetail(receipt.detail()))
        .containsExactly(
            new TrafficManagerRouter.EndpointState(GREEN, 50, "Enabled"),
            new TrafficManagerRouter.EndpointState(BLUE, 950, "Enabled"));
  }

  @Test
  void write_allToGreen_disablesBlueLast() {
    ObjectNode body = profile("Profile-GET-Weighted.json");
    endpoint(body, 0).put("weight", 50);
    endpoint(body, 1).put("weight", 950).put("endpointStatus", "Enabled");
    stubProfile(body);
    stubPatches();

    router.write(RECORD, weights(1, false, 1000, true));

    List<LoggedRequest> patches = patchesInOrder();
    assertThat(patches)
        .extracting(LoggedRequest::getUrl)
        .containsExactly(
            GREEN_PATH + "?api-version=2022-04-01", BLUE_PATH + "?api-version=2022-04-01");
    assertJson(patches.get(1), "{\"properties\":{\"weight\":1,\"endpointStatus\":\"Disabled\"}}");
  }

  @Test
  void write_everyMemberDisabled_isRefusedBeforeAnyRequest() {
    assertThatThrownBy(() -> router.write(RECORD, weights(1, false, 1, false)))
        .isInstanceOf(CutoverException.class)
        .hasMessageContaining("NXDOMAIN");
    assertThat(wm.getAllServeEvents()).isEmpty();
  }

  @Test
  void write_disablingTheOnlyEnabledEndpoint_isRefusedWithoutAPatch() {
    stubProfile(profile("Profile-GET-Weighted.json"));
    WeightSnapshot blueOff = new WeightSnapshot(List.of(new MemberWeight(BLUE, 1, false)), 0);

    assertThatThrownBy(() -> router.write(RECORD, blueOff))
        .isInstanceOf(CutoverException.class)
        .hasMessageContaining("refusing to disable every endpoint");
    assertThat(wm.findAll(patchRequestedFor(urlPathEqualTo(BLUE_PATH)))).isEmpty();
  }

  @Test
  void write_weightZero_isRefusedAsOutsideTheRange() {
    assertThatThrownBy(() -> router.write(RECORD, weights(0, true, 1000, true)))
        .isInstanceOf(CutoverException.class)
        .hasMessageContaining("outside 1-1000");
    assertThat(wm.getAllServeEvents()).isEmpty();
  }

  @Test
  void write_weightsAlreadyAsAsked_sendsNoPatch() {
    stubProfile(profile("Profile-GET-Weighted.json"));

    router.write(RECORD, weights(1000, true, 1, false));

    assertThat(patchesInOrder()).isEmpty();
  }

  @Test
  void write_secondPatchFails_firstEndpointIsPatchedBack() {
    stubProfile(profile("Profile-GET-Weighted.json"));
    stubPatches();
    Faults.failAlways(
        wm.getRuntimeInfo().getWireMock(),
        () -> patch(urlPathEqualTo(BLUE_PATH)),
        aResponse().withStatus(503));

    CutoverException e =
        catchThrowableOfType(
            CutoverException.class, () -> router.write(RECORD, weights(950, true, 50, true)));

    assertThat(e.retryable()).isTrue();
    assertThat(e.getMessage())
        .contains("ExternalEndpoints/write failed on the Azure side (HTTP 503)")
        .contains("(endpoint 'My external endpoint')")
        .contains("restored 'MyFirstNestedEndpoint' to the previous weight");
    List<LoggedRequest> green = wm.findAll(patchRequestedFor(urlPathEqualTo(GREEN_PATH)));
    assertThat(green).hasSize(2);
    assertJson(green.get(0), "{\"properties\":{\"weight\":50,\"endpointStatus\":\"Enabled\"}}");
    assertJson(green.get(1), "{\"properties\":{\"weight\":1,\"endpointStatus\":\"Disabled\"}}");
    assertThat(wm.findAll(patchRequestedFor(urlPathEqualTo(BLUE_PATH)))).hasSize(ATTEMPTS);
  }

  @Test
  void write_secondPatchAndRestoreFail_saysWhatIsLeft() {
    stubProfile(profile("Profile-GET-Weighted.json"));
    stubPatches();
    Faults.failAlways(
        wm.getRuntimeInfo().getWireMock(),
        () -> patch(urlPathEqualTo(BLUE_PATH)),
        aResponse().withStatus(500));
    JsonNode nested =
        profile("Profile-GET-Weighted.json").path("properties").path("endpoints").get(1);
    ResponseDefinitionBuilder error = aResponse().withStatus(500);
    Faults.failFirst(
        wm.getRuntimeInfo().getWireMock(),
        () -> patch(urlPathEqualTo(GREEN_PATH)),
        json(nested),
        error,
        error,
        error,
        error);

    CutoverException e =
        catchThrowableOfType(
            CutoverException.class, () -> router.write(RECORD, weights(950, true, 50, true)));

    assertThat(e.retryable()).isTrue();
    assertThat(e.getMessage())
        .contains("restoring failed too: MyFirstNestedEndpoint is at 50 Enabled");
    assertThat(e.suggestion()).contains("reconcile");
  }

  @Test
  void awaitLive_readBackLagging_readsUntilTheWeightsShow() {
    ObjectNode written = profile("Profile-GET-Weighted.json");
    endpoint(written, 0).put("weight", 950);
    endpoint(written, 1).put("weight", 50).put("endpointStatus", "Enabled");
    Faults.failFirst(
        wm.getRuntimeInfo().getWireMock(),
        () -> get(urlPathEqualTo(PROFILE_PATH)),
        json(profile("Profile-GET-Weighted.json")));
    stubProfile(written);
    ChangeReceipt receipt =
        new ChangeReceipt(
            null,
            "Succeeded",
            Instant.EPOCH,
            TrafficManagerRouter.detail(
                List.of(
                    new TrafficManagerRouter.EndpointState(GREEN, 50, "Enabled"),
                    new TrafficManagerRouter.EndpointState(BLUE, 950, "Enabled"))));

    WeightSnapshot live = router.awaitLive(RECORD, receipt, Duration.ofSeconds(5));

    assertThat(live.sameWeights(weights(950, true, 50, true))).isTrue();
    assertThat(wm.findAll(getRequestedFor(urlPathEqualTo(PROFILE_PATH)))).hasSize(2);
  }

  @Test
  void awaitLive_neverShowsTheWeights_failsRetryable() {
    stubProfile(profile("Profile-GET-Weighted.json"));
    ChangeReceipt receipt =
        new ChangeReceipt(
            null,
            "Succeeded",
            Instant.EPOCH,
            TrafficManagerRouter.detail(
                List.of(new TrafficManagerRouter.EndpointState(GREEN, 50, "Enabled"))));

    CutoverException e =
        catchThrowableOfType(
            CutoverException.class,
            () -> router.awaitLive(RECORD, receipt, Duration.ofMillis(150)));

    assertThat(e.retryable()).isTrue();
    assertThat(e.getMessage()).contains("MyFirstNestedEndpoint do not show the written weights");
  }

  @Test
  void describeWrite_returnsEachPatchInOrderWithoutSendingIt() {
    stubProfile(profile("Profile-GET-Weighted.json"));

    List<String> requests = router.describeWrite(RECORD, weights(950, true, 50, true));

    assertThat(requests)
        .containsExactly(
            "PATCH "
                + GREEN_PATH
                + "?api-version=2022-04-01\n"
                + "{\"properties\":{\"endpointStatus\":\"Enabled\",\"weight\":50}}",
            "PATCH "
                + BLUE_PATH
                + "?api-version=2022-04-01\n"
                + "{\"properties\":{\"endpointStatus\":\"Enabled\",\"weight\":950}}");
    assertThat(patchesInOrder()).isEmpty();
  }

  @Test
  void preflight_enabledGreenDegradedAndLongTtl_warns() {
    ObjectNode body = profile("Profile-GET-Weighted.json");
    ((ObjectNode) body.path("properties").path("dnsConfig")).put("ttl", 300);
    endpoint(body, 1).put("endpointStatus", "Enabled").put("endpointMonitorStatus", "Degraded");
    stubProfile(body);

    List<String> warnings = router.preflight(RECORD);

    assertThat(warnings).hasSize(2);
    assertThat(warnings.get(0)).contains("dnsConfig.ttl 300 s is above 60 s");
    assertThat(warnings.get(1))
        .contains("'MyFirstNestedEndpoint' has endpointMonitorStatus Degraded");
  }

  @Test
  void preflight_disabledGreenAndShortTtl_hasNoWarning() {
    stubProfile(profile("Profile-GET-Weighted.json"));

    assertThat(router.preflight(RECORD)).isEmpty();
  }

  @Test
  void preflight_unknownEndpoint_fails() {
    stubProfile(profile("Profile-GET-Weighted.json"));
    RecordRef wrong = RecordRef.parse(RECORD.spec(), BLUE, "green");

    assertThatThrownBy(() -> router.preflight(wrong))
        .isInstanceOf(CutoverException.class)
        .hasMessageContaining("no endpoint named 'green'");
  }

  @Test
  void write_throttled429WithRetryAfter_waitsThatLongThenSucceeds() {
    stubProfile(profile("Profile-GET-Weighted.json"));
    stubPatches();
    Faults.failFirst(
        wm.getRuntimeInfo().getWireMock(),
        () -> patch(urlPathEqualTo(GREEN_PATH)),
        aResponse().withStatus(429).withHeader("Retry-After", "2"));

    router.write(RECORD, weights(950, true, 50, true));

    List<LoggedRequest> green = wm.findAll(patchRequestedFor(urlPathEqualTo(GREEN_PATH)));
    assertThat(green).hasSize(2);
    Duration waited =
        Duration.between(
            green.get(0).getLoggedDate().toInstant(), green.get(1).getLoggedDate().toInstant());
    assertThat(waited).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
  }

  /** The calls a switch step makes, each a place to inject a fault. */
  enum Call {
    GET_PROFILE(() -> get(urlPathEqualTo(PROFILE_PATH))),
    PATCH_FIRST(() -> patch(urlPathEqualTo(GREEN_PATH))),
    PATCH_SECOND(() -> patch(urlPathEqualTo(BLUE_PATH)));

    final Supplier<MappingBuilder> request;

    Call(Supplier<MappingBuilder> request) {
      this.request = request;
    }
  }

  static Stream<Arguments> callsAndFaults() {
    List<Arguments> faults =
        List.of(
            Arguments.of("HTTP 500", aResponse().withStatus(500)),
            Arguments.of("HTTP 503", aResponse().withStatus(503)),
            Arguments.of("HTTP 429", aResponse().withStatus(429).withHeader("Retry-After", "0")),
            Arguments.of("connection reset", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)),
            Arguments.of("timeout", aResponse().withStatus(200).withFixedDelay(1_500)));
    return Stream.of(Call.values())
        .flatMap(call -> faults.stream().map(f -> Arguments.of(call, f.get()[0], f.get()[1])));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("callsAndFaults")
  void step_faultTwiceAtACall_succeedsAfterRetries(
      Call call, String name, ResponseDefinitionBuilder fault) {
    ObjectNode written = profile("Profile-GET-Weighted.json");
    endpoint(written, 0).put("weight", 950);
    endpoint(written, 1).put("weight", 50).put("endpointStatus", "Enabled");
    stubProfile(profile("Profile-GET-Weighted.json"));
    stubPatches();
    Faults.failFirst(wm.getRuntimeInfo().getWireMock(), call.request, fault, fault);

    ChangeReceipt receipt = router.write(RECORD, weights(950, true, 50, true));
    stubProfile(written);
    WeightSnapshot live = router.awaitLive(RECORD, receipt, Duration.ofSeconds(10));

    assertThat(live.sameWeights(weights(950, true, 50, true))).isTrue();
    assertThat(wm.findAll(patchRequestedFor(urlPathEqualTo(GREEN_PATH))))
        .hasSize(call == Call.PATCH_FIRST ? 3 : 1);
    assertThat(wm.findAll(patchRequestedFor(urlPathEqualTo(BLUE_PATH))))
        .hasSize(call == Call.PATCH_SECOND ? 3 : 1);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("callsAndFaults")
  void step_faultPersistsAtACall_failsRetryableWithNothingLeftChanged(
      Call call, String name, ResponseDefinitionBuilder fault) {
    stubProfile(profile("Profile-GET-Weighted.json"));
    stubPatches();
    Faults.failAlways(wm.getRuntimeInfo().getWireMock(), call.request, fault);

    CutoverException e =
        catchThrowableOfType(
            CutoverException.class, () -> router.write(RECORD, weights(950, true, 50, true)));

    assertThat(e).as("expected a CutoverException").isNotNull();
    assertThat(e.retryable()).as(e.getMessage()).isTrue();
    List<LoggedRequest> green = wm.findAll(patchRequestedFor(urlPathEqualTo(GREEN_PATH)));
    switch (call) {
      case GET_PROFILE -> assertThat(patchesInOrder()).isEmpty();
      case PATCH_FIRST -> {
        assertThat(green).hasSize(ATTEMPTS);
        assertThat(wm.findAll(patchRequestedFor(urlPathEqualTo(BLUE_PATH)))).isEmpty();
      }
      case PATCH_SECOND -> {
        assertThat(green).hasSize(2);
        assertJson(green.get(1), "{\"properties\":{\"weight\":1,\"endpointStatus\":\"Disabled\"}}");
        assertThat(e.getMessage()).contains("no endpoint was changed");
      }
    }
  }

  private static WeightSnapshot weights(
      int blue, boolean blueEnabled, int green, boolean greenEnabled) {
    return new WeightSnapshot(
        List.of(
            new MemberWeight(BLUE, blue, blueEnabled),
            new MemberWeight(GREEN, green, greenEnabled)),
        0);
  }

  private static List<LoggedRequest> patchesInOrder() {
    return wm.getAllServeEvents().stream()
        .map(ServeEvent::getRequest)
        .filter(r -> r.getMethod().getName().equals("PATCH"))
        .sorted(Comparator.comparing(LoggedRequest::getLoggedDate))
        .toList();
  }

  private static void assertJson(LoggedRequest request, String expected) {
    assertThat(equalToJson(expected).match(request.getBodyAsString()).isExactMatch())
        .as(request.getBodyAsString())
        .isTrue();
  }

  private static void stubProfile(JsonNode body) {
    wm.stubFor(get(urlPathEqualTo(PROFILE_PATH)).willReturn(json(body)));
  }

  /** PATCHes answer as the service does: the endpoint as patched (here, the example's endpoint). */
  private static void stubPatches() {
    JsonNode external =
        example("Endpoint-PATCH-External-Target.json").path("responses").path("200").path("body");
    JsonNode nested =
        profile("Profile-GET-Weighted.json").path("properties").path("endpoints").get(1);
    wm.stubFor(patch(urlPathEqualTo(BLUE_PATH)).willReturn(json(external)));
    wm.stubFor(patch(urlPathEqualTo(GREEN_PATH)).willReturn(json(nested)));
  }

  private static ResponseDefinitionBuilder json(JsonNode body) {
    return aResponse()
        .withStatus(200)
        .withHeader("Content-Type", "application/json")
        .withBody(body.toString());
  }

  private static ObjectNode endpoint(ObjectNode profile, int index) {
    return (ObjectNode) profile.path("properties").path("endpoints").get(index).path("properties");
  }

  /** The 200 response body of an azure-rest-api-specs example. */
  static ObjectNode profile(String example) {
    return (ObjectNode) example(example).path("responses").path("200").path("body");
  }

  static JsonNode example(String file) {
    try (InputStream in =
        TrafficManagerRouterTest.class.getResourceAsStream("/trafficmanager/" + file)) {
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
