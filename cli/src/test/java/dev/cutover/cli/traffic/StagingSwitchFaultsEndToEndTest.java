package dev.cutover.cli.traffic;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static dev.cutover.cli.traffic.StagingSwitch.PRE_SWITCH;
import static dev.cutover.cli.traffic.StagingSwitch.ROUTE53;
import static dev.cutover.cli.traffic.StagingSwitch.STEPS;
import static dev.cutover.cli.traffic.StagingSwitch.TRAFFIC_MANAGER;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.cutover.core.traffic.journal.JournalEntry;
import dev.cutover.core.traffic.journal.JournalView;
import dev.cutover.core.traffic.journal.SwitchState;
import dev.cutover.sandbox.state.Faults;
import dev.cutover.sandbox.state.InsyncDelay;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults injected into the staging sandbox at each step of a cutover with the real routers: server
 * errors, {@code Throttling}, {@code PriorRequestNotComplete}, connection resets and slow answers,
 * on the change batch of a given step, on {@code GetChange}, on the reads, on the rollback's own
 * write, and on Traffic Manager's PATCH and GET. Every run must end either at the intended weights
 * (promoted) or at the pre-switch weights (rolled back, verified), and the journal's final state
 * must say which; the weights are read back from the sandbox.
 *
 * <p>Faults are WireMock stubs of higher priority ({@link Faults}); a slow answer is the stateful
 * stub itself with a delay. Each fault answers once (transient) unless a test says it persists.
 * Timeouts longer than the SDK's 10 s attempt timeout are left to the routers' own tests: here they
 * would only add minutes.
 */
class StagingSwitchFaultsEndToEndTest {

  private static final String RRSET = "/2013-04-01/hostedzone/" + StagingSwitch.ZONE + "/rrset/?";
  private static final String CHANGE = "/2013-04-01/change/[^/]+";
  private static final String ENDPOINT =
      "(?i)" + StagingSwitch.PROFILE_PATH.replace(".", "\\.") + "/externalEndpoints/";

  @TempDir Path dir;
  StagingSwitch staging;
  WireMock wireMock;

  @BeforeEach
  void start() {
    staging = StagingSwitch.start(dir);
    wireMock = staging.wireMock();
  }

  @AfterEach
  void stop() {
    try {
      assertEveryFaultAnswered();
    } finally {
      staging.close();
      System.clearProperty(InsyncDelay.PROPERTY);
    }
  }

  /** Every fault of {@link Faults#failFirst} was served: its scenario reached its last state. */
  void assertEveryFaultAnswered() {
    assertThat(wireMock.getScenarios())
        .filteredOn(s -> s.getName().startsWith("fault-"))
        .allSatisfy(
            s ->
                assertThat(s.getState())
                    .as("fault scenario %s", s.getPossibleStates())
                    .isEqualTo("failed-" + (s.getPossibleStates().size() - 1)));
  }

  // ---- faults ------------------------------------------------------------------------------

  /** The change batch that writes {@code weights} ("aws=75 azure=25"), by its comment. */
  static Supplier<MappingBuilder> changeBatch(String weights) {
    String comment = "cutover: UPSERT " + weights.replace(" ", ", ");
    return () ->
        post(urlPathMatching(RRSET))
            .withRequestBody(containing("<Comment>" + comment + "</Comment>"));
  }

  static ResponseDefinitionBuilder route53Error(int status, String document) {
    try (InputStream in =
        StagingSwitchFaultsEndToEndTest.class.getResourceAsStream("/faults/route53/" + document)) {
      return aResponse()
          .withStatus(status)
          .withHeader("Content-Type", "text/xml")
          .withBody(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static final ResponseDefinitionBuilder SERVICE_UNAVAILABLE =
      route53Error(503, "service_unavailable.xml");
  static final ResponseDefinitionBuilder THROTTLING = route53Error(400, "throttling.xml");
  static final ResponseDefinitionBuilder PRIOR_REQUEST =
      route53Error(400, "prior_request_not_complete.xml");
  static final ResponseDefinitionBuilder INVALID_CHANGE_BATCH =
      route53Error(400, "invalid_change_batch.xml");
  static final ResponseDefinitionBuilder RESET =
      aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER);

  /** The stateful stub's own answer, half a second late. */
  static ResponseDefinitionBuilder slow(String transformer) {
    ResponseDefinitionBuilder answer =
        aResponse().withStatus(200).withFixedDelay(500).withTransformers(transformer);
    return transformer.equals("route53-rrset")
        ? answer.withBodyFile("aws/route53/list-resource-record-sets.xml")
        : answer;
  }

  static ResponseDefinitionBuilder armError(int status, String code, String message) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}}");
  }

  // ---- runs --------------------------------------------------------------------------------

  /**
   * {@code switch start} of {@code record} without staging's gates (not what these tests are about,
   * and each costs calls): short bakes, promoted at the end.
   */
  SwitchCli.Run start(String record, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "switch",
                "start",
                "--record",
                record,
                "--blue",
                "aws",
                "--green",
                "azure",
                "--journal",
                staging.env().resolve(".cutover/journal").toString(),
                "--aws-endpoint",
                staging.endpoint(),
                "--azure-endpoint",
                staging.endpoint(),
                "--bake",
                "200ms",
                "--interval",
                "100ms",
                "--auto-promote"));
    args.addAll(List.of(more));
    return SwitchCli.run(args.toArray(String[]::new));
  }

  /** The run ended promoted at green, and the sandbox says so. */
  void assertPromoted(SwitchCli.Run run, String record, String live) {
    assertThat(run.exit()).as(run.out() + run.err()).isZero();
    assertThat(run.out()).startsWith("promoted (done)");
    assertThat(staging.run(record).orElseThrow().state()).isEqualTo(SwitchState.PROMOTED);
    assertThat(live)
        .isEqualTo(
            record.equals(ROUTE53) ? "aws=0 azure=100" : "aws=1/Disabled azure=1000/Enabled");
  }

  /**
   * The run ended rolled back, verified by reading back, and the sandbox says so; the exit code is
   * 1 (a refused cloud call, see {@code cutover switch --help}), not 3 (rolled back by a gate).
   */
  void assertRolledBack(SwitchCli.Run run, String record, String live) {
    assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(1);
    assertThat(run.out()).startsWith("rolled_back (error)").contains("restored and verified");
    JournalView view = staging.run(record).orElseThrow();
    assertThat(view.state()).isEqualTo(SwitchState.ROLLED_BACK);
    assertThat(view.entries())
        .filteredOn(e -> e.type() == JournalEntry.Type.INTENT)
        .last()
        .satisfies(e -> assertThat(e.action()).isEqualTo(JournalEntry.RESTORE));
    assertThat(live)
        .isEqualTo(record.equals(ROUTE53) ? PRE_SWITCH : "aws=1000/Enabled azure=1/Disabled");
  }

  // ---- Route 53 ----------------------------------------------------------------------------

  @Test
  void route53_aTransientFaultAtEveryStepsChangeBatch_endsPromoted() {
    Faults.failFirst(wireMock, changeBatch(STEPS.get(0)), SERVICE_UNAVAILABLE);
    Faults.failFirst(wireMock, changeBatch(STEPS.get(1)), THROTTLING);
    Faults.failFirst(wireMock, changeBatch(STEPS.get(2)), PRIOR_REQUEST);
    Faults.failFirst(wireMock, changeBatch(STEPS.get(3)), RESET);
    Faults.failFirst(wireMock, changeBatch(STEPS.get(4)), slow("route53-rrset"));
    Faults.failFirst(wireMock, changeBatch(STEPS.get(5)), THROTTLING, RESET);

    SwitchCli.Run run = start(ROUTE53);

    assertPromoted(run, ROUTE53, staging.route53Weights());
    assertThat(staging.entries(ROUTE53))
        .filteredOn(e -> e.type() == JournalEntry.Type.LIVE)
        .extracting(e -> e.weights().describe())
        .containsExactlyElementsOf(STEPS);
  }

  @Test
  void route53_transientFaultsOnGetChangeAndOnReads_endsPromoted() {
    Faults.failFirst(
        wireMock,
        () -> get(urlPathMatching(CHANGE)),
        SERVICE_UNAVAILABLE,
        RESET,
        slow("route53-change"));
    Faults.failFirst(
        wireMock, () -> get(urlPathMatching(RRSET)), THROTTLING, RESET, slow("route53-rrset"));

    SwitchCli.Run run = start(ROUTE53, "--steps", "50,100");

    assertPromoted(run, ROUTE53, staging.route53Weights());
  }

  @Test
  void route53_changeBatchOfStepThreeRefused_rollsBackToPreSwitch() {
    Faults.failAlways(wireMock, changeBatch(STEPS.get(2)), INVALID_CHANGE_BATCH);

    SwitchCli.Run run = start(ROUTE53);

    assertRolledBack(run, ROUTE53, staging.route53Weights());
    assertThat(run.out()).contains("step 3 write failed").contains("InvalidChangeBatch");
  }

  @Test
  void route53_rollbackWriteFailsOnceThenSucceeds_stillRollsBackVerified() {
    Faults.failAlways(wireMock, changeBatch(STEPS.get(1)), INVALID_CHANGE_BATCH);
    Faults.failFirst(wireMock, changeBatch(PRE_SWITCH), SERVICE_UNAVAILABLE, RESET);

    SwitchCli.Run run = start(ROUTE53);

    assertRolledBack(run, ROUTE53, staging.route53Weights());
  }

  // ---- Traffic Manager ---------------------------------------------------------------------

  @Test
  void trafficManager_throttledPatchAndFailedGet_endsPromoted() {
    Faults.failFirst(
        wireMock,
        () -> patch(urlPathMatching(ENDPOINT + "azure")),
        aResponse().withStatus(429).withHeader("Retry-After", "1"));
    Faults.failFirst(
        wireMock,
        () -> get(urlPathMatching("(?i)" + StagingSwitch.PROFILE_PATH.replace(".", "\\."))),
        armError(503, "ServiceUnavailable", "The service is temporarily unavailable."),
        RESET);

    SwitchCli.Run run = start(TRAFFIC_MANAGER, "--steps", "50,100");

    assertPromoted(run, TRAFFIC_MANAGER, staging.trafficManagerEndpoints());
  }

  @Test
  void trafficManager_disablingBlueForbiddenAtTheLastStep_undoesAndRollsBack() {
    Faults.failAlways(
        wireMock,
        () -> patch(urlPathMatching(ENDPOINT + "aws")).withRequestBody(containing("\"Disabled\"")),
        armError(
            403,
            "AuthorizationFailed",
            "The client does not have authorization to perform action"
                + " 'Microsoft.Network/trafficManagerProfiles/externalEndpoints/write'."));

    SwitchCli.Run run = start(TRAFFIC_MANAGER, "--steps", "50,100");

    assertRolledBack(run, TRAFFIC_MANAGER, staging.trafficManagerEndpoints());
    assertThat(run.out()).contains("step 2 write failed").contains("AuthorizationFailed");
  }
}
