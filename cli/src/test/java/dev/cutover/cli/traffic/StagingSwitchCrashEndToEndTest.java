package dev.cutover.cli.traffic;

import static dev.cutover.cli.traffic.StagingSwitch.PRE_SWITCH;
import static dev.cutover.cli.traffic.StagingSwitch.ROUTE53;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cutover.core.traffic.journal.JournalView;
import dev.cutover.core.traffic.journal.SwitchState;
import dev.cutover.sandbox.state.InsyncDelay;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of a staging cutover with the real Route 53 router: {@code switch start} runs as
 * a child JVM against the staging sandbox in this JVM and is killed with SIGKILL ({@code
 * Process.destroyForcibly}); then {@code status} must tell the truth from the journal and the
 * sandbox, and {@code reconcile} (after the step's deadline) or {@code rollback} must restore the
 * pre-switch weights, read back from the sandbox.
 */
class StagingSwitchCrashEndToEndTest {

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

  /** {@code cutover switch start ...} in a child JVM with the test class path. */
  Process startChild(String... more) throws IOException {
    return new ProcessBuilder(SwitchCli.childCommand(staging.args("start", more)))
        .redirectOutput(dir.resolve("start.out").toFile())
        .redirectError(dir.resolve("start.err").toFile())
        .start();
  }

  @Test
  void killedDuringBake_statusTellsTheTruth_reconcileAfterTheDeadlineRestores() throws Exception {
    Process start =
        startChild("--steps", "50,100", "--bake", "3s", "--deadline", "5s", "--interval", "200ms");
    staging.await(ROUTE53, view -> view.state() == SwitchState.BAKING, "step 1 baking");
    SwitchCrashTest.kill(start);
    assertThat(staging.route53Weights()).isEqualTo("aws=50 azure=50");

    SwitchCli.Run status = staging.cli("status");
    SwitchCli.Run early = staging.cli("reconcile");
    String afterEarly = staging.route53Weights();
    Instant deadline = staging.run(ROUTE53).orElseThrow().deadline();
    while (Instant.now().isBefore(deadline.plusMillis(100))) {
      StagingSwitch.sleep(Duration.ofMillis(50));
    }
    SwitchCli.Run late = staging.cli("reconcile");

    assertThat(status.exit()).as(status.err()).isZero();
    assertThat(status.out())
        .contains("Runner      none")
        .contains("State       baking at step 1/2 (50 % green)")
        .contains("Live        aws=50 azure=50  -> matches the last intent");
    assertThat(early.exit()).as(early.err()).isZero();
    assertThat(early.out()).contains("reverts at the deadline");
    assertThat(afterEarly).isEqualTo("aws=50 azure=50");
    assertThat(late.exit()).as(late.err()).isEqualTo(SwitchCommand.EXIT_ROLLED_BACK);
    assertThat(late.out()).startsWith("rolled_back (deadline)");
    assertThat(staging.route53Weights()).isEqualTo(PRE_SWITCH);
    assertThat(staging.run(ROUTE53).orElseThrow().state()).isEqualTo(SwitchState.ROLLED_BACK);
  }

  @Test
  void killedWaitingForInsync_statusTellsTheTruth_rollbackRestores() throws Exception {
    System.setProperty(InsyncDelay.PROPERTY, "10m");
    Process start = startChild("--steps", "50,100", "--bake", "3s", "--deadline", "1m");
    JournalView waiting =
        staging.await(
            ROUTE53, view -> view.state() == SwitchState.WAITING_LIVE, "step 1 waiting for INSYNC");
    SwitchCrashTest.kill(start);
    System.setProperty(InsyncDelay.PROPERTY, "0ms");

    SwitchCli.Run status = staging.cli("status");
    SwitchCli.Run rollback = staging.cli("rollback");

    assertThat(status.exit()).as(status.err()).isZero();
    assertThat(status.out())
        .contains("Runner      none")
        .contains("State       waiting_live at step 1/2 (50 % green)")
        .contains(
            "change " + waiting.lastReceipt().orElseThrow().changeId() + " (PENDING when written)")
        .contains("Live        aws=50 azure=50  -> matches the last intent");
    assertThat(rollback.exit()).as(rollback.err()).isZero();
    assertThat(rollback.out()).startsWith("rolled_back (requested)");
    assertThat(staging.route53Weights()).isEqualTo(PRE_SWITCH);
  }
}
