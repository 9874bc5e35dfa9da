package dev.cutover.cli.traffic;

import static dev.cutover.cli.traffic.StagingSwitch.PRE_SWITCH;
import static dev.cutover.cli.traffic.StagingSwitch.ROUTE53;
import static dev.cutover.cli.traffic.StagingSwitch.STEPS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cutover.core.json.Json;
import dev.cutover.core.traffic.gate.GateResult;
import dev.cutover.core.traffic.journal.JournalEntry;
import dev.cutover.core.traffic.journal.JournalView;
import dev.cutover.core.traffic.journal.SwitchState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The staging cutover end to end, as the README shows it: {@code cutover switch --env} with
 * staging's own {@code switch:} plan (record, steps 5–100 %, gates on green, blue gates) over the
 * real {@code Route53Router}, {@code CloudWatchMetricSource} and {@code AzureMonitorMetricSource}
 * against the staging sandbox ({@link StagingSwitch}: TTL 0 s, INSYNC at once), with short bakes
 * from flags. Weights are read back from the sandbox with the AWS SDK, independently of the router.
 */
class StagingSwitchEndToEndTest {

  @TempDir Path dir;
  StagingSwitch staging;

  @BeforeEach
  void start() {
    staging = StagingSwitch.start(dir);
  }

  @AfterEach
  void stop() {
    staging.close();
  }

  CompletableFuture<SwitchCli.Run> startInBackground(String... more) {
    return CompletableFuture.supplyAsync(() -> staging.cli("start", more));
  }

  @Test
  void plan_staging_sixStepsOfTheWeightedCnameAndItsRollback() {
    SwitchCli.Run plan = staging.cli("plan");

    assertThat(plan.exit()).as(plan.err()).isZero();
    assertThat(plan.out())
        .contains("Switch plan for " + ROUTE53 + "  blue=aws  green=azure")
        .contains("Pre-switch  aws=100 azure=0  TTL 0 s")
        .contains("bake 10m per step after live + TTL; deadline 30m per step; gates every 30s")
        .contains("<Comment>cutover: UPSERT aws=95, azure=5</Comment>")
        .contains("from any step, one write of aws=100 azure=0")
        .contains("http:http://127.0.0.1:" + staging.port() + "/demo/green/healthz");
    for (String step : STEPS) {
      assertThat(plan.out()).contains(step);
    }
    assertThat(staging.route53Weights()).isEqualTo(PRE_SWITCH);
  }

  @Test
  void start_cleanRun_stepsThroughEveryStepAndPromotesToGreen() throws Exception {
    CompletableFuture<SwitchCli.Run> start =
        startInBackground("--bake", "700ms", "--interval", "100ms");
    List<String> readBack = new ArrayList<>();
    for (int step = 1; step <= STEPS.size(); step++) {
      int number = step;
      staging.await(
          ROUTE53,
          view ->
              view.step() == number
                  && (view.state() == SwitchState.BAKING
                      || view.state() == SwitchState.AWAITING_PROMOTE),
          "step " + step + " live");
      readBack.add(staging.route53Weights());
    }
    staging.await(
        ROUTE53, view -> view.state() == SwitchState.AWAITING_PROMOTE, "awaiting promote");

    SwitchCli.Run promote = staging.cli("promote");
    SwitchCli.Run started = start.get(60, TimeUnit.SECONDS);

    assertThat(readBack).containsExactlyElementsOf(STEPS);
    assertThat(promote.exit()).as(promote.err()).isZero();
    assertThat(started.exit()).as(started.err()).isZero();
    assertThat(started.out()).startsWith("promoted (done)");
    assertThat(staging.route53Weights()).isEqualTo("aws=0 azure=100");
    JournalView view = staging.run(ROUTE53).orElseThrow();
    assertThat(view.state()).isEqualTo(SwitchState.PROMOTED);
    assertThat(view.entries())
        .filteredOn(e -> e.type() == JournalEntry.Type.GATE)
        .isNotEmpty()
        .allSatisfy(e -> assertThat(e.verdict()).isEqualTo(GateResult.Verdict.PASS))
        .extracting(JournalEntry::gate)
        .anySatisfy(g -> assertThat(g).startsWith("metric:azuremonitor:"))
        .anySatisfy(g -> assertThat(g).startsWith("http:"));
  }

  @Test
  void start_greenFailsAtStepThree_rollsBackToThePreSwitchWeights() throws Exception {
    CompletableFuture<SwitchCli.Run> start =
        startInBackground("--bake", "1s", "--interval", "100ms");
    staging.await(
        ROUTE53, view -> view.step() == 3 && view.state() == SwitchState.BAKING, "step 3 baking");
    assertThat(staging.route53Weights()).isEqualTo("aws=75 azure=25");

    staging.failGreen();
    SwitchCli.Run started = start.get(60, TimeUnit.SECONDS);

    assertThat(started.exit()).as(started.err()).isEqualTo(SwitchCommand.EXIT_ROLLED_BACK);
    assertThat(started.out())
        .startsWith("rolled_back (gate): gate ")
        .contains("failed at step 3")
        .contains("restored and verified aws=100 azure=0");
    assertThat(staging.route53Weights()).isEqualTo(PRE_SWITCH);
    List<JournalEntry> entries = staging.entries(ROUTE53);
    assertThat(entries)
        .filteredOn(
            e -> e.type() == JournalEntry.Type.GATE && e.verdict() == GateResult.Verdict.FAIL)
        .singleElement()
        .satisfies(e -> assertThat(e.step()).isEqualTo(3));
    assertThat(staging.run(ROUTE53).orElseThrow().state()).isEqualTo(SwitchState.ROLLED_BACK);

    SwitchCli.Run status = staging.cli("status", "--format", "json");
    assertThat(status.exit()).as(status.err()).isZero();
    JsonNode json = Json.mapper().readTree(status.out());
    assertThat(json.path("state").asText()).isEqualTo("rolled_back");
    assertThat(json.path("live")).isEqualTo(json.path("preSwitch"));
  }

  @Test
  void parityGate_afterParityOfStaging_refusesToStartAndChangesNothing() throws Exception {
    SwitchCli.Run parity =
        SwitchCli.run("parity", "--env", staging.env().toString(), "--sandbox", "--format", "json");
    Path report = staging.env().resolve(".cutover/parity.json");

    assertThat(parity.exit()).as(parity.err()).isEqualTo(2);
    assertThat(parity.err()).contains("parity: report saved to " + report);
    assertThat(Files.readString(report)).isEqualTo(parity.out());

    SwitchCli.Run start = staging.cli("start", "--gate", "parity");

    assertThat(start.exit()).as(start.err()).isEqualTo(SwitchCommand.EXIT_REFUSED);
    assertThat(start.out())
        .startsWith("planned (refused): preflight refused, nothing was changed")
        .contains("blocking finding");
    assertThat(staging.route53Weights()).isEqualTo(PRE_SWITCH);
  }
}
