package dev.cutover.cli.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutover.core.traffic.journal.Holder;
import dev.cutover.core.traffic.journal.Journal;
import dev.cutover.core.traffic.journal.JournalFiles;
import dev.cutover.core.traffic.journal.JournalView;
import dev.cutover.core.traffic.journal.SwitchLock;
import dev.cutover.core.traffic.journal.SwitchState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code cutover switch} commands in-process over the file-backed fake record. */
class SwitchCommandTest {

  @TempDir Path dir;
  Path record;
  Path journal;
  String spec;

  @BeforeEach
  void setUp() {
    record = SwitchCli.record(dir);
    journal = dir.resolve("journal");
    spec = "fake:" + record;
  }

  String[] args(String command, String... more) {
    String[] base = {
      "switch",
      command,
      "--record",
      spec,
      "--blue",
      "blue",
      "--green",
      "green",
      "--journal",
      journal.toString()
    };
    String[] all = new String[base.length + more.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return all;
  }

  JournalView view() {
    return JournalView.lastRun(Journal.read(JournalFiles.of(journal, spec).journal()))
        .orElseThrow();
  }

  @Test
  void plan_printsEveryStepWithRoundingAndProviderRequests() {
    SwitchCli.Run run = SwitchCli.run(args("plan", "--steps", "0.5,5,100"));

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("Pre-switch  blue=100 green=0")
        .contains("blue=100 green=1")
        .contains("+0.49 %")
        .contains("blue=95 green=5")
        .contains("blue=0 green=100")
        .contains("POST fake:" + record + " UPSERT blue Weight=95 UPSERT green Weight=5")
        .contains("rollback (any step):");
  }

  @Test
  void startDryRun_printsPreflightAndChangesNothing() {
    SwitchCli.Run run = SwitchCli.run(args("start", "--dry-run", "--steps", "50,100"));

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("Preflight").contains("no --gate").contains("would start");
    assertThat(SwitchCli.state(record).writes()).isZero();
    assertThat(Files.exists(JournalFiles.of(journal, spec).journal())).isFalse();
  }

  @Test
  void start_gateFailsDuringBake_exits3AtPreSwitchWeights_statusJsonSaysRolledBack() {
    Path errors = SwitchCli.metric(dir, "errors.json", 0.2);
    SwitchCli.update(record, s -> s.withFaults());
    // The metric reads 0.2 % during preflight, then 5 % once green takes traffic.
    CompletableFuture<SwitchCli.Run> start =
        CompletableFuture.supplyAsync(
            () ->
                SwitchCli.run(
                    args(
                        "start",
                        "--steps",
                        "50,100",
                        "--bake",
                        "5s",
                        "--interval",
                        "200ms",
                        "--deadline",
                        "1m",
                        "--gate",
                        "metric:fake:" + errors + ":error-rate>1%")));
    awaitState(SwitchState.BAKING);
    SwitchCli.metric(dir, "errors.json", 5.0);

    SwitchCli.Run run = start.join();

    assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(SwitchCommand.EXIT_ROLLED_BACK);
    assertThat(run.out()).contains("rolled_back (gate)").contains("error-rate 5.0 > 1.0");
    assertThat(SwitchCli.state(record).snapshot().sameEffectiveWeights(SwitchCli.PRE)).isTrue();
    SwitchCli.Run status = SwitchCli.run(args("status", "--format", "json"));
    assertThat(status.exit()).isZero();
    assertThat(status.out())
        .contains("\"state\": \"rolled_back\"")
        .contains("\"liveMatches\": \"intent\"");
  }

  @Test
  void start_autoPromote_exits0AtFullGreen() {
    SwitchCli.Run run =
        SwitchCli.run(
            args(
                "start",
                "--steps",
                "50,100",
                "--bake",
                "200ms",
                "--interval",
                "100ms",
                "--deadline",
                "1m",
                "--auto-promote"));

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("promoted");
    assertThat(SwitchCli.state(record).members())
        .extracting(m -> m.id() + "=" + m.weight())
        .containsExactly("blue=0", "green=100");
  }

  @Test
  void start_whileAnotherHoldsTheRecord_exits1NamingTheHolder() {
    JournalFiles files = JournalFiles.of(journal, spec);
    try (SwitchLock held =
        SwitchLock.acquire(files, new Holder("ci-runner-7", 4242, Instant.now(), "start"))) {
      SwitchCli.Run run = SwitchCli.run(args("start", "--steps", "50,100"));

      assertThat(held.holder().pid()).isEqualTo(4242);
      assertThat(run.exit()).isEqualTo(1);
      assertThat(run.err()).contains("locked by switch start on ci-runner-7 (pid 4242)");
      assertThat(SwitchCli.state(record).writes()).isZero();
    }
  }

  @Test
  void rollback_whileStartRuns_isTakenByTheRunnerAndVerified() {
    CompletableFuture<SwitchCli.Run> start =
        CompletableFuture.supplyAsync(
            () ->
                SwitchCli.run(
                    args(
                        "start",
                        "--steps",
                        "50,100",
                        "--bake",
                        "1m",
                        "--interval",
                        "200ms",
                        "--deadline",
                        "5m")));
    awaitState(SwitchState.BAKING);

    SwitchCli.Run rollback = SwitchCli.run(args("rollback", "--wait", "30s"));

    assertThat(rollback.exit()).as(rollback.err()).isZero();
    assertThat(rollback.out()).contains("rolled_back");
    assertThat(rollback.err()).contains("sent rollback to switch start");
    assertThat(start.join().exit()).isEqualTo(SwitchCommand.EXIT_ROLLED_BACK);
    assertThat(SwitchCli.state(record).snapshot().sameEffectiveWeights(SwitchCli.PRE)).isTrue();
  }

  @Test
  void plan_fromCutoverYamlSwitchSection() throws Exception {
    Files.writeString(
        dir.resolve("cutover.yaml"),
        """
        name: staging
        switch:
          record: fake:%s
          blue: blue
          green: green
          steps: [10, 100]
          bake: 2m
          deadline: 20m
        """
            .formatted(record));

    SwitchCli.Run run = SwitchCli.run("switch", "plan", "--env", dir.toString());

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("blue=90 green=10").contains("bake 2m").contains("deadline 20m");
  }

  @Test
  void start_stepsNotRising_exits1WithOneLine() {
    SwitchCli.Run run = SwitchCli.run(args("start", "--steps", "50,10"));

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err().strip())
        .isEqualTo(
            "error: --steps: 10 % after 50 %; steps must rise strictly, each above 0 and at most 100");
  }

  void awaitState(SwitchState state) {
    Instant giveUp = Instant.now().plus(Duration.ofSeconds(20));
    while (Instant.now().isBefore(giveUp)) {
      Path file = JournalFiles.of(journal, spec).journal();
      if (Files.exists(file)) {
        var found = JournalView.lastRun(Journal.read(file));
        if (found.isPresent() && found.get().state() == state) {
          return;
        }
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    throw new AssertionError("journal never reached " + state);
  }
}
