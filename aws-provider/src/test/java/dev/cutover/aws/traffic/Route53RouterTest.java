package dev.cutover.aws.traffic;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToXml;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.EqualToXmlPattern;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.cutover.aws.AwsClients;
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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class Route53RouterTest {

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String ZONE = "Z1PA6795";
  private static final String RRSET = "/2013-04-01/hostedzone/" + ZONE + "/rrset";
  private static final String CHANGE_ID = "123456";
  private static final RecordRef RECORD =
      RecordRef.parse(
          "route53:" + ZONE + "/www.denominator.io/CNAME", "MyService-East", "MyService-West");

  /** Fast retries and polling: 4 attempts, 400 ms per attempt. */
  private static final Route53Router.Settings FAST =
      new Route53Router.Settings(
          4,
          Duration.ofMillis(400),
          Duration.ofMillis(10),
          Duration.ofMillis(40),
          Duration.ofMillis(20),
          Duration.ofMillis(80));

  private AwsClients clients;
  private Route53Router router;

  @BeforeEach
  void setUp() {
    clients = new AwsClients("us-east-1", URI.create(wm.baseUrl()));
    router = new Route53Router(clients, FAST);
  }

  @AfterEach
  void tearDown() {
    clients.close();
  }

  @Test
  void read_weightedCname_returnsSetIdentifiersWeightsAndTtl() {
    stubList("list_weighted_cname.xml");

    WeightSnapshot snapshot = router.read(RECORD);

    assertThat(snapshot.members())
        .containsExactly(
            new MemberWeight("MyService-East", 1, true),
            new MemberWeight("MyService-West", 5, true));
    assertThat(snapshot.ttlSeconds()).isZero();
    wm.verify(
        getRequestedFor(urlPathEqualTo(RRSET))
            .withQueryParam("name", equalTo("www.denominator.io"))
            .withQueryParam("type", equalTo("CNAME")));
  }

  @Test
  void read_aliasMember_countsTheAliasTargetTtl() {
    stubList("list_weighted_health_alias.xml");

    WeightSnapshot snapshot = router.read(RECORD);

    assertThat(snapshot.members())
        .containsExactly(
            new MemberWeight("MyService-East", 100, true),
            new MemberWeight("MyService-West", 0, true));
    assertThat(snapshot.ttlSeconds()).isEqualTo(300);
  }

  @Test
  void read_secondPageSameNameAndType_followsItAndStopsAtTheNextName() {
    wm.stubFor(
        get(urlPathEqualTo(RRSET))
            .withQueryParam("identifier", com.github.tomakehurst.wiremock.client.WireMock.absent())
            .willReturn(xml("list_weighted_page1.xml")));
    wm.stubFor(
        get(urlPathEqualTo(RRSET))
            .withQueryParam("identifier", equalTo("MyService-West"))
            .willReturn(xml("list_weighted_page2.xml")));

    WeightSnapshot snapshot = router.read(RECORD);

    assertThat(snapshot.members())
        .extracting(MemberWeight::id)
        .containsExactly("MyService-East", "MyService-West");
    assertThat(wm.findAll(getRequestedFor(urlPathEqualTo(RRSET)))).hasSize(2);
  }

  @Test
  void read_simpleRecord_isRefusedAsNotWeighted() {
    wm.stubFor(
        get(urlPathEqualTo("/2013-04-01/hostedzone/47234/rrset"))
            .willReturn(xml("list_records.xml")));
    RecordRef simple = RecordRef.parse("route53:47234/wibble.t.com/CNAME", "a", "b");

    assertThatThrownBy(() -> router.read(simple))
        .isInstanceOf(CutoverException.class)
        .hasMessageContaining("route53:47234/wibble.t.com/CNAME")
        .hasMessageContaining("is not weighted");
  }

  @Test
  void read_nameNotInZone_saysNoRecordSet() {
    wm.stubFor(
        get(urlPathEqualTo("/2013-04-01/hostedzone/47234/rrset"))
            .willReturn(xml("list_records.xml")));
    RecordRef absent = RecordRef.parse("route53:47234/absent.t.com/A", "a", "b");

    assertThatThrownBy(() -> router.read(absent))
        .isInstanceOf(CutoverException.class)
        .hasMessageContaining("no record set absent.t.com A in zone 47234");
  }

  @Test
  void write_changedWeights_sendsOneBatchOfUpsertsRestatingEachRecord() {
    stubList("list_weighted_health_alias.xml");
    stubChange();

    ChangeReceipt receipt = router.write(RECORD, weights(95, 5));

    assertThat(receipt.changeId()).isEqualTo(CHANGE_ID);
    assertThat(receipt.status()).isEqualTo("PENDING");
    assertThat(receipt.detail()).isEqualTo("UPSERT MyService-East=95, MyService-West=5");
    wm.verify(
        1,
        postRequestedFor(urlEqualTo(RRSET + "/"))
            .withRequestBody(equalToXml(resource("expected/upsert_health_alias.xml"))));
  }

  @Test
  void write_oneMemberChanged_upsertsOnlyThatMember() {
    stubList("list_weighted_health_alias.xml");
    stubChange();

    router.write(RECORD, weights(100, 5));

    List<LoggedRequest> posts = wm.findAll(postRequestedFor(urlEqualTo(RRSET + "/")));
    assertThat(posts).hasSize(1);
    String body = posts.get(0).getBodyAsString();
    assertThat(body)
        .contains("<SetIdentifier>MyService-West</SetIdentifier><Weight>5</Weight>")
        .doesNotContain("MyService-East");
  }

  @Test
  void write_weightsAlreadyAsAsked_sendsNoChange() {
    stubList("list_weighted_health_alias.xml");

    ChangeReceipt receipt = router.write(RECORD, weights(100, 0));

    assertThat(receipt.changeId()).isNull();
    assertThat(receipt.status()).isEqualTo("INSYNC");
    assertThat(wm.findAll(postRequestedFor(urlEqualTo(RRSET + "/")))).isEmpty();
  }

  @Test
  void write_allZero_isRefusedBeforeAnyRequest() {
    stubList("list_weighted_health_alias.xml");

    assertThatThrownBy(() -> router.write(RECORD, weights(0, 0)))
        .isInstanceOf(CutoverException.class)
        .hasMessageContaining("equal probability");
    assertThatThrownBy(() -> router.describeWrite(RECORD, weights(0, 0)))
        .isInstanceOf(CutoverException.class);
    assertThat(wm.getAllServeEvents()).isEmpty();
  }

  @Test
  void write_lastNonZeroMemberSetToZero_isRefusedWithoutAChange() {
    stubList("list_weighted_health_alias.xml");
    WeightSnapshot eastOnly =
        new WeightSnapshot(List.of(new MemberWeight("MyService-East", 0, true)), 0);

    assertThatThrownBy(() -> router.write(RECORD, eastOnly))
        .isInstanceOf(CutoverException.class)
        .hasMessageContaining("refusing to set every weight to 0");
    assertThat(wm.findAll(postRequestedFor(urlEqualTo(RRSET + "/")))).isEmpty();
  }

  @Test
  void write_weightAbove255_isRefusedBeforeAnyRequest() {
    assertThatThrownBy(() -> router.write(RECORD, weights(256, 0)))
        .isInstanceOf(CutoverException.class)
        .hasMessageContaining("outside 0-255");
    assertThat(wm.getAllServeEvents()).isEmpty();
  }

  @Test
  void write_unknownSetIdentifier_namesTheMembers() {
    stubList("list_weighted_cname.xml");
    WeightSnapshot target =
        new WeightSnapshot(List.of(new MemberWeight("MyService-North", 5, true)), 0);

    assertThatThrownBy(() -> router.write(RECORD, target))
        .isInstanceOf(CutoverException.class)
        .hasMessageContaining("no member with SetIdentifier 'MyService-North'")
        .hasMessageContaining("MyService-East, MyService-West");
  }

  @Test
  void write_twoThreadsSameZone_readAndChangeNeverInterleave() throws Exception {
    stubList("list_weighted_health_alias.xml");
    wm.stubFor(
        post(urlEqualTo(RRSET + "/")).willReturn(xml("change_response.xml").withFixedDelay(200)));
    RecordRef other =
        RecordRef.parse(
            "route53:" + ZONE + "/www.denominator.io/CNAME", "MyService-West", "MyService-East");

    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      var first = pool.submit(() -> router.write(RECORD, weights(95, 5)));
      var second =
          pool.submit(() -> new Route53Router(clients, FAST).write(other, weights(90, 10)));
      first.get();
      second.get();
    } finally {
      pool.shutdownNow();
    }

    List<String> methods =
        wm.getAllServeEvents().stream()
            .sorted(java.util.Comparator.comparing(e -> e.getRequest().getLoggedDate()))
            .map(e -> e.getRequest().getMethod().getName())
            .toList();
    assertThat(methods).containsExactly("GET", "POST", "GET", "POST");
  }

  @Test
  void awaitLive_pendingTwice_pollsGetChangeUntilInsyncThenReadsBack() {
    stubList("list_weighted_cname.xml");
    Faults.failFirst(
        wm.getRuntimeInfo().getWireMock(),
        () -> get(urlEqualTo("/2013-04-01/change/" + CHANGE_ID)),
        xml("change_pending.xml"),
        xml("change_pending.xml"));
    wm.stubFor(get(urlEqualTo("/2013-04-01/change/" + CHANGE_ID)).willReturn(xml("change.xml")));

    WeightSnapshot live = router.awaitLive(RECORD, receipt(), Duration.ofSeconds(5));

    assertThat(live.member("MyService-West")).contains(new MemberWeight("MyService-West", 5, true));
    assertThat(wm.findAll(getRequestedFor(urlEqualTo("/2013-04-01/change/" + CHANGE_ID))))
        .hasSize(3);
  }

  @Test
  void awaitLive_receiptWithChangePrefix_stripsIt() {
    stubList("list_weighted_cname.xml");
    wm.stubFor(get(urlEqualTo("/2013-04-01/change/" + CHANGE_ID)).willReturn(xml("change.xml")));
    ChangeReceipt prefixed =
        new ChangeReceipt("/change/" + CHANGE_ID, "PENDING", java.time.Instant.EPOCH, "");

    router.awaitLive(RECORD, prefixed, Duration.ofSeconds(5));

    wm.verify(1, getRequestedFor(urlEqualTo("/2013-04-01/change/" + CHANGE_ID)));
  }

  @Test
  void awaitLive_stillPendingAtTimeout_failsRetryable() {
    wm.stubFor(
        get(urlEqualTo("/2013-04-01/change/" + CHANGE_ID)).willReturn(xml("change_pending.xml")));

    CutoverException e =
        catchThrowableOfType(
            CutoverException.class,
            () -> router.awaitLive(RECORD, receipt(), Duration.ofMillis(200)));

    assertThat(e.retryable()).isTrue();
    assertThat(e.getMessage()).contains("change 123456 is still PENDING");
  }

  @Test
  void describeWrite_changedWeights_returnsTheExactRequestWithoutSendingIt() {
    stubList("list_weighted_health_alias.xml");

    List<String> requests = router.describeWrite(RECORD, weights(95, 5));

    assertThat(requests).hasSize(1);
    String request = requests.get(0);
    assertThat(request).startsWith("POST " + RRSET + "/\n");
    String body = request.substring(request.indexOf('\n') + 1);
    assertThat(
            new EqualToXmlPattern(resource("expected/upsert_health_alias.xml"))
                .match(body)
                .isExactMatch())
        .as(body)
        .isTrue();
    assertThat(wm.findAll(postRequestedFor(urlEqualTo(RRSET + "/")))).isEmpty();
  }

  @Test
  void preflight_zoneAndMembersExist_warnsForLongTtlAndMissingHealthCheck() {
    wm.stubFor(
        get(urlEqualTo("/2013-04-01/hostedzone/" + ZONE)).willReturn(xml("hosted_zone.xml")));
    stubList("list_weighted_health_alias.xml");

    List<String> warnings = router.preflight(RECORD);

    assertThat(warnings).hasSize(2);
    assertThat(warnings.get(0)).contains("'MyService-East' has TTL 300 s, above 60 s");
    assertThat(warnings.get(1)).contains("'MyService-West' has no HealthCheckId");
  }

  @Test
  void preflight_greenNotInSet_fails() {
    wm.stubFor(
        get(urlEqualTo("/2013-04-01/hostedzone/" + ZONE)).willReturn(xml("hosted_zone.xml")));
    stubList("list_weighted_cname.xml");
    RecordRef wrongGreen = RecordRef.parse(RECORD.spec(), "MyService-East", "MyService-South");

    assertThatThrownBy(() -> router.preflight(wrongGreen))
        .isInstanceOf(CutoverException.class)
        .hasMessageContaining("'MyService-South'");
  }

  /** The calls a switch step makes, each a place to inject a fault. */
  enum Call {
    LIST(() -> get(urlPathEqualTo(RRSET))),
    CHANGE(() -> post(urlEqualTo(RRSET + "/"))),
    GET_CHANGE(() -> get(urlEqualTo("/2013-04-01/change/" + CHANGE_ID)));

    final Supplier<MappingBuilder> request;

    Call(Supplier<MappingBuilder> request) {
      this.request = request;
    }
  }

  static Stream<Arguments> faults() {
    return Stream.of(
        Arguments.of("HTTP 500", aResponse().withStatus(500)),
        Arguments.of("HTTP 503", aResponse().withStatus(503)),
        Arguments.of("Throttling", error("throttling.xml")),
        Arguments.of("PriorRequestNotComplete", error("prior_request_not_complete.xml")),
        Arguments.of("connection reset", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)),
        Arguments.of("timeout", xml("change.xml").withFixedDelay(1_000)));
  }

  static Stream<Arguments> callsAndFaults() {
    return Stream.of(Call.values())
        .flatMap(call -> faults().map(f -> Arguments.of(call, f.get()[0], f.get()[1])));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("callsAndFaults")
  void step_faultTwiceAtACall_succeedsAfterRetriesWithOneAppliedBatch(
      Call call, String name, ResponseDefinitionBuilder fault) {
    stubList("list_weighted_health_alias.xml");
    stubChange();
    wm.stubFor(get(urlEqualTo("/2013-04-01/change/" + CHANGE_ID)).willReturn(xml("change.xml")));
    Faults.failFirst(wm.getRuntimeInfo().getWireMock(), call.request, fault, fault);

    ChangeReceipt receipt = router.write(RECORD, weights(95, 5));
    router.awaitLive(RECORD, receipt, Duration.ofSeconds(10));

    List<LoggedRequest> posts = wm.findAll(postRequestedFor(urlEqualTo(RRSET + "/")));
    assertThat(posts).hasSize(call == Call.CHANGE ? 3 : 1);
    posts.forEach(
        post ->
            assertThat(
                    new EqualToXmlPattern(resource("expected/upsert_health_alias.xml"))
                        .match(post.getBodyAsString())
                        .isExactMatch())
                .isTrue());
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("callsAndFaults")
  void step_faultPersistsAtACall_failsRetryableAfterMaxAttempts(
      Call call, String name, ResponseDefinitionBuilder fault) {
    stubList("list_weighted_health_alias.xml");
    stubChange();
    Faults.failAlways(wm.getRuntimeInfo().getWireMock(), call.request, fault);

    CutoverException e =
        catchThrowableOfType(
            CutoverException.class,
            () -> {
              ChangeReceipt receipt = router.write(RECORD, weights(95, 5));
              router.awaitLive(RECORD, receipt, Duration.ofSeconds(10));
            });

    assertThat(e).as("expected a CutoverException").isNotNull();
    assertThat(e.retryable()).as(e.getMessage()).isTrue();
    assertThat(e.getMessage()).contains("hosted zone " + ZONE);
    List<LoggedRequest> posts = wm.findAll(postRequestedFor(urlEqualTo(RRSET + "/")));
    switch (call) {
      case LIST -> assertThat(posts).isEmpty();
      case CHANGE -> assertThat(posts).hasSize(FAST.maxAttempts());
      case GET_CHANGE -> {
        assertThat(posts).hasSize(1);
        assertThat(wm.findAll(getRequestedFor(urlEqualTo("/2013-04-01/change/" + CHANGE_ID))))
            .hasSize(FAST.maxAttempts());
      }
    }
  }

  static WeightSnapshot weights(int east, int west) {
    return new WeightSnapshot(
        List.of(
            new MemberWeight("MyService-East", east, true),
            new MemberWeight("MyService-West", west, true)),
        0);
  }

  private static ChangeReceipt receipt() {
    return new ChangeReceipt(CHANGE_ID, "PENDING", java.time.Instant.EPOCH, "");
  }

  private static void stubList(String file) {
    wm.stubFor(get(urlPathEqualTo(RRSET)).willReturn(xml(file)));
  }

  private static void stubChange() {
    wm.stubFor(post(urlEqualTo(RRSET + "/")).willReturn(xml("change_response.xml")));
  }

  private static ResponseDefinitionBuilder xml(String file) {
    return aResponse()
        .withStatus(200)
        .withHeader("Content-Type", "text/xml")
        .withBody(resource(file));
  }

  private static ResponseDefinitionBuilder error(String file) {
    return xml(file).withStatus(400);
  }

  static String resource(String name) {
    try (InputStream in = Route53RouterTest.class.getResourceAsStream("/route53/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource route53/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
