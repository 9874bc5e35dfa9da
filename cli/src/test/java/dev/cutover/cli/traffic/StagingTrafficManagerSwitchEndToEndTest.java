package dev.cutover.cli.traffic;

import static dev.cutover.cli.traffic.StagingSwitch.TRAFFIC_MANAGER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cutover.core.traffic.journal.SwitchState;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same cutover over staging's Traffic Manager profile {@code tm-staging-app} (endpoints {@code
 * aws} and {@code azure}) with the real {@code TrafficManagerRouter} against the staging sandbox:
 * Traffic Manager has no weight 0, so a side at 0 % is its endpoint {@code Disabled}, read back
 * with a plain GET of the profile.
 */
class StagingTrafficManagerSwitchEndToEndTest {

  /** Staging's endpoints today: blue at 1000, green disabled (weight 1, the service default). */
  private static final String PRE_SWITCH = "aws=1000/Enabled azure=1/Disabled";

  @TempDir Path dir;
  StagingSwitch staging;

  @AfterEach
  void stop() {
    if (staging != null) {
      staging.close();
    }
  }

  /** A switch command over the profile instead of the plan's Route 53 record. */
  SwitchCli.Run run(String command, String... more) {
    List<String> args =
        staging.args(command, "--record", TRAFFIC_MANAGER, "--blue", "aws", "--green", "azure");
    args.addAll(List.of(more));
    return SwitchCli.run(args.toArray(String[]::new));
  }

  @Test
  void start_forwardToGreen_disablesBlueAtZeroPercent() throws Exception {
    staging = StagingSwitch.start(dir);
    assertThat(staging.trafficManagerEndpoints()).isEqualTo(PRE_SWITCH);
    CompletableFuture<SwitchCli.Run> start =
        CompletableFuture.supplyAsync(
            () ->
                run(
                    "start",
                    "--steps",
                    "50,100",
                    "--bake",
                    "700ms",
                    "--interval",
                    "100ms",
                    "--auto-promote"));
    staging.await(
        TRAFFIC_MANAGER,
        view -> view.step() == 1 && view.state() == SwitchState.BAKING,
        "step 1 baking");
    String atHalf = staging.trafficManagerEndpoints();

    SwitchCli.Run started = start.get(60, TimeUnit.SECONDS);

    assertThat(atHalf).isEqualTo("aws=500/Enabled azure=500/Enabled");
    assertThat(started.exit()).as(started.err()).isZero();
    assertThat(started.out()).startsWith("promoted (done)");
    assertThat(staging.trafficManagerEndpoints()).isEqualTo("aws=1/Disabled azure=1000/Enabled");
  }

  @Test
  void start_greenFailsAtFivePercent_rollsBackAndDisablesGreenAgain() throws Exception {
    staging = StagingSwitch.start(dir);
    CompletableFuture<SwitchCli.Run> start =
        CompletableFuture.supplyAsync(
            () -> run("start", "--steps", "5,100", "--bake", "30s", "--interval", "100ms"));
    staging.await(
        TRAFFIC_MANAGER,
        view -> view.step() == 1 && view.state() == SwitchState.BAKING,
        "step 1 baking");
    String atFive = staging.trafficManagerEndpoints();

    staging.failGreen();
    SwitchCli.Run started = start.get(60, TimeUnit.SECONDS);

    assertThat(atFive).isEqualTo("aws=950/Enabled azure=50/Enabled");
    assertThat(started.exit()).as(started.err()).isEqualTo(SwitchCommand.EXIT_ROLLED_BACK);
    assertThat(started.out()).startsWith("rolled_back (gate)").contains("failed at step 1");
    assertThat(staging.trafficManagerEndpoints()).isEqualTo(PRE_SWITCH);
    assertThat(staging.run(TRAFFIC_MANAGER).orElseThrow().state())
        .isEqualTo(SwitchState.ROLLED_BACK);
  }

  @Test
  void start_stagingTtlOf300Seconds_isRefusedBeforeAnyChange() {
    staging = StagingSwitch.start(dir, false);

    SwitchCli.Run start = run("start", "--bake", "1s");

    assertThat(start.exit()).as(start.err()).isEqualTo(SwitchCommand.EXIT_REFUSED);
    assertThat(start.out())
        .startsWith("planned (refused): preflight refused, nothing was changed")
        .contains("TTL 300 s is above --max-ttl 1m");
    assertThat(staging.trafficManagerEndpoints()).isEqualTo(PRE_SWITCH);
    assertThat(staging.run(TRAFFIC_MANAGER)).isEmpty();
  }
}
