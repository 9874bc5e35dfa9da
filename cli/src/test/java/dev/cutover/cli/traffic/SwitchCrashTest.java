package dev.cutover.cli.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutover.core.traffic.journal.Journal;
import dev.cutover.core.traffic.journal.JournalEntry;
import dev.cutover.core.traffic.journal.JournalFiles;
import dev.cutover.core.traffic.journal.JournalView;
import dev.cutover.core.traffic.journal.SwitchState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code kill -9} at each phase of a step: the CLI runs as a child JVM (the test class path, the
 * file-backed fake record through {@link FakeCloudProvider}) and is killed with SIGKILL ({@code
 * Process.destroyForcibly} on Linux); then {@code status} (another child) must tell the truth and
 * {@code rollback}, {@code resume} or {@code reconcile} must converge.
 */
class SwitchCrashTest {

  /** Where the runner is when it dies. */
  enum Phase {
    /** The intent is on disk; the write call has not taken effect. */
    AFTER_INTENT_BEFORE_CALL(SwitchState.APPLYING, "matches the last confirmed weights"),
    /** The write was accepted (change PENDING); waiting for INSYNC. */
    DURING_LIVE_WAIT(SwitchState.WAITING_LIVE, "matches the last intent"),
    /** The step is live and baking. */
    DURING_BAKE(SwitchState.BAKING, "matches the last intent");

    final SwitchState state;
    final String liveLine;

    Phase(SwitchState state, String liveLine) {
      this.state = state;
      this.liveLine = liveLine;
    }
  }

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

  @ParameterizedTest
  @EnumSource(Phase.class)
  void killed_statusTellsTheTruth_rollbackRestoresPreSwitch(Phase phase) throws Exception {
    switch (phase) {
      case AFTER_INTENT_BEFORE_CALL ->
          SwitchCli.update(record, s -> s.withWriteHang(Duration.ofMinutes(2)));
      case DURING_LIVE_WAIT ->
          SwitchCli.update(record, s -> s.withInsyncDelay(Duration.ofMinutes(2)));
      case DURING_BAKE -> {}
    }
    Process start = child("start", "--steps", "50,100", "--bake", "2m", "--deadline", "10m");
    awaitJournal(view -> view.state() == phase.state && !view.lastIntent().isEmpty(), start);

    kill(start);
    SwitchCli.update(
        record, s -> s.withWriteHang(Duration.ZERO).withInsyncDelay(Duration.ofMillis(200)));

    Result status = run("status");
    assertThat(status.exit()).as(status.all()).isZero();
    assertThat(status.out())
        .contains("Runner      none")
        .contains("State       " + phase.state + " at step 1/2 (50 % green)")
        .contains(phase.liveLine);

    Result rollback = run("rollback");
    assertThat(rollback.exit()).as(rollback.all()).isZero();
    assertThat(SwitchCli.state(record).snapshot().sameEffectiveWeights(SwitchCli.PRE)).isTrue();
    assertThat(view().state()).isEqualTo(SwitchState.ROLLED_BACK);
  }

  @Test
  void killedDuringBake_resumeContinuesToPromoted() throws Exception {
    Process start =
        child("start", "--steps", "50,100", "--bake", "3s", "--deadline", "1m", "--auto-promote");
    awaitJournal(view -> view.state() == SwitchState.BAKING, start);
    kill(start);

    Result resume = run("resume");

    assertThat(resume.exit()).as(resume.all()).isZero();
    assertThat(resume.out()).startsWith("promoted");
    assertThat(SwitchCli.state(record).members())
        .extracting(m -> m.id() + "=" + m.weight())
        .containsExactly("blue=0", "green=100");
  }

  @Test
  void killedDuringBake_reconcileAfterTheDeadline_reverts() throws Exception {
    Process start = child("start", "--steps", "50,100", "--bake", "3s", "--deadline", "4s");
    awaitJournal(view -> view.state() == SwitchState.BAKING, start);
    kill(start);

    Result early = run("reconcile");
    Instant deadline = view().deadline();
    assertThat(early.exit()).as(early.all()).isZero();
    while (Instant.now().isBefore(deadline.plusMillis(200))) {
      Thread.sleep(100);
    }
    Result late = run("reconcile");

    assertThat(late.exit()).as(late.all()).isEqualTo(SwitchCommand.EXIT_ROLLED_BACK);
    assertThat(late.out()).contains("rolled_back (deadline)");
    assertThat(SwitchCli.state(record).snapshot().sameEffectiveWeights(SwitchCli.PRE)).isTrue();
  }

  // ---- child processes ---------------------------------------------------------------------

  record Result(int exit, String out, String err) {
    String all() {
      return out + err;
    }
  }

  Process child(String command, String... more) throws IOException {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                "switch",
                command,
                "--record",
                spec,
                "--blue",
                "blue",
                "--green",
                "green",
                "--journal",
                journal.toString(),
                "--interval",
                "200ms"));
    if (!command.equals("start")) {
      cmd.removeAll(List.of("--interval", "200ms"));
    }
    cmd.addAll(List.of(more));
    Path log = Files.createTempFile(dir, command, ".log");
    return new ProcessBuilder(SwitchCli.childCommand(cmd))
        .redirectOutput(log.toFile())
        .redirectError(dir.resolve(log.getFileName() + ".err").toFile())
        .start();
  }

  Result run(String command, String... more) throws Exception {
    List<String> args = new ArrayList<>(List.of(more));
    Process process = child(command, args.toArray(String[]::new));
    if (!process.waitFor(2, TimeUnit.MINUTES)) {
      kill(process);
      throw new AssertionError(command + " did not finish within 2 minutes");
    }
    Path out = logOf(process, command, "");
    return new Result(
        process.exitValue(),
        Files.readString(out),
        Files.readString(out.resolveSibling(out.getFileName() + ".err")));
  }

  Path logOf(Process process, String command, String suffix) throws IOException {
    try (var files = Files.list(dir)) {
      return files
          .filter(
              p ->
                  p.getFileName().toString().startsWith(command)
                      && p.toString().endsWith(".log" + suffix))
          .max((a, b) -> Long.compare(a.toFile().lastModified(), b.toFile().lastModified()))
          .orElseThrow();
    }
  }

  static void kill(Process process) throws InterruptedException {
    process.destroyForcibly();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);
  }

  JournalView view() {
    return JournalView.lastRun(Journal.read(JournalFiles.of(journal, spec).journal()))
        .orElseThrow();
  }

  void awaitJournal(Predicate<JournalView> ready, Process runner) throws InterruptedException {
    Instant giveUp = Instant.now().plus(Duration.ofSeconds(60));
    Path file = JournalFiles.of(journal, spec).journal();
    while (Instant.now().isBefore(giveUp)) {
      assertThat(runner.isAlive()).as("the runner is still running").isTrue();
      if (Files.exists(file)) {
        Optional<JournalView> view = JournalView.lastRun(Journal.read(file));
        if (view.isPresent() && ready.test(view.get())) {
          return;
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError(
        "the journal never reached the phase: "
            + Journal.read(file).stream().map(JournalEntry::type).toList());
  }
}
