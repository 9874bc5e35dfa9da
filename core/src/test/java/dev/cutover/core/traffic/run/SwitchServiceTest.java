package dev.cutover.core.traffic.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cutover.core.CutoverException;
import dev.cutover.core.policy.Policy;
import dev.cutover.core.spi.ProgressListener;
import dev.cutover.core.traffic.FakeRouter;
import dev.cutover.core.traffic.FakeTicker;
import dev.cutover.core.traffic.MemberWeight;
import dev.cutover.core.traffic.MetricSource;
import dev.cutover.core.traffic.RecordRef;
import dev.cutover.core.traffic.WeightSnapshot;
import dev.cutover.core.traffic.gate.Gates;
import dev.cutover.core.traffic.journal.Journal;
import dev.cutover.core.traffic.journal.JournalEntry;
import dev.cutover.core.traffic.journal.JournalFiles;
import dev.cutover.core.traffic.journal.JournalView;
import dev.cutover.core.traffic.journal.SwitchState;
import dev.cutover.core.traffic.plan.SwitchSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The state machine end to end over an in-memory fake router and a fake clock: every scenario ends
 * at the intended weights or at the pre-switch weights, and the journal says which.
 */
class SwitchServiceTest {

  static final RecordRef RECORD = new RecordRef("fake", "Z1/www.example.com/A", "blue", "green");
  static final WeightSnapshot PRE =
      new WeightSnapshot(
          List.of(new MemberWeight("blue", 100, true), new MemberWeight("green", 0, true)), 60);
  static final WeightSnapshot FULL_GREEN =
      new WeightSnapshot(
          List.of(new MemberWeight("blue", 0, true), new MemberWeight("green", 100, true)), 60);
  static final String ERROR_GATE = "metric:fake:app/web/1:error-rate>1%";

  @TempDir Path dir;

  FakeTicker ticker;
  FakeRouter.MemoryStore store;
  FakeRouter router;
  JournalFiles files;

  /** Green weight at or above which the fake metric reports a 5 % error rate. */
  int brokenFromGreenWeight = Integer.MAX_VALUE;

  @BeforeEach
  void setUp() {
    ticker = new FakeTicker(Instant.parse("2026-03-01T10:00:00Z"));
    store =
        new FakeRouter.MemoryStore(
            FakeRouter.State.of(60, PRE.members().toArray(MemberWeight[]::new)));
    router = FakeRouter.inMemory(store, ticker);
    files = JournalFiles.of(dir, RECORD.spec());
  }

  SwitchService service() {
    MetricSource errors =
        new MetricSource() {
          @Override
          public String id() {
            return "fake";
          }

          @Override
          public List<Double> values(
              dev.cutover.core.traffic.MetricQuery query, Instant from, Instant to) {
            int green = store.load().snapshot().member("green").orElseThrow().weight();
            return List.of(green >= brokenFromGreenWeight ? 5.0 : 0.2);
          }
        };
    Gates gates =
        new Gates(
            id -> id.equals("fake") ? errors : null, dir.resolve("parity.json"), Policy.defaults());
    return new SwitchService(
        router, files, gates, ticker, ProgressListener.NONE, Duration.ofSeconds(30));
  }

  static SwitchSettings settings(boolean autoPromote, String... gates) {
    return new SwitchSettings(
        RECORD,
        List.of(5000, 10000),
        Duration.ofMinutes(10),
        Duration.ofMinutes(30),
        Duration.ofSeconds(30),
        null,
        Duration.ofMinutes(5),
        List.of(gates),
        List.of(),
        autoPromote);
  }

  WeightSnapshot live() {
    return store.load().snapshot();
  }

  List<SwitchState> states() {
    return Journal.read(files.journal()).stream()
        .filter(e -> e.type() == JournalEntry.Type.STATE)
        .map(JournalEntry::state)
        .toList();
  }

  JournalView view() {
    return JournalView.lastRun(Journal.read(files.journal())).orElseThrow();
  }

  @Test
  void start_healthyGates_autoPromote_endsAtFullGreen() {
    RunResult result = service().start(settings(true, ERROR_GATE));

    assertThat(result.state()).isEqualTo(SwitchState.PROMOTED);
    assertThat(live().sameEffectiveWeights(FULL_GREEN)).isTrue();
    assertThat(states())
        .containsExactly(
            SwitchState.APPLYING,
            SwitchState.WAITING_LIVE,
            SwitchState.BAKING,
            SwitchState.APPLYING,
            SwitchState.WAITING_LIVE,
            SwitchState.BAKING,
            SwitchState.PROMOTED);
    assertThat(view().preSwitch()).isEqualTo(PRE);
  }

  @Test
  void start_bakeStartsAfterLivePlusTtl_notAtWrite() {
    store.save(store.load().withInsyncDelay(Duration.ofSeconds(90)));
    service().start(settings(true));

    JournalEntry firstLive =
        Journal.read(files.journal()).stream()
            .filter(e -> e.type() == JournalEntry.Type.LIVE)
            .findFirst()
            .orElseThrow();
    Instant written =
        Journal.read(files.journal()).stream()
            .filter(e -> e.type() == JournalEntry.Type.INTENT)
            .findFirst()
            .orElseThrow()
            .at();
    assertThat(Duration.between(written, firstLive.at()))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(90));
    assertThat(firstLive.bakeEndsAt())
        .isEqualTo(firstLive.at().plusSeconds(60).plus(Duration.ofMinutes(10)));
  }

  @Test
  void start_gateFailsAtSecondStep_rollsBackToPreSwitchAndSaysGate() {
    brokenFromGreenWeight = 100;

    RunResult result = service().start(settings(true, ERROR_GATE));

    assertThat(result.state()).isEqualTo(SwitchState.ROLLED_BACK);
    assertThat(result.cause()).isEqualTo(RunResult.Cause.GATE);
    assertThat(result.message()).contains("error-rate 5.0 > 1.0");
    assertThat(live().sameEffectiveWeights(PRE)).isTrue();
    assertThat(states()).endsWith(SwitchState.ROLLING_BACK, SwitchState.ROLLED_BACK);
  }

  @Test
  void start_throttledTwiceThenAccepted_retriesAndPromotes() {
    store.save(store.load().withFaults("write:throttle", "write:5xx"));

    RunResult result = service().start(settings(true));

    assertThat(result.state()).isEqualTo(SwitchState.PROMOTED);
    assertThat(live().sameEffectiveWeights(FULL_GREEN)).isTrue();
    assertThat(Journal.read(files.journal()))
        .filteredOn(e -> e.type() == JournalEntry.Type.OUTCOME && e.error() != null)
        .extracting(JournalEntry::error)
        .containsExactly("Throttling: Rate exceeded", "HTTP 503 Service Unavailable");
  }

  @Test
  void start_timeoutAfterTheChangeWasApplied_rewritesSameWeightsAndPromotes() {
    store.save(store.load().withFaults("write:timeout-after-apply", "await:timeout"));

    RunResult result = service().start(settings(true));

    assertThat(result.state()).isEqualTo(SwitchState.PROMOTED);
    assertThat(live().sameEffectiveWeights(FULL_GREEN)).isTrue();
    assertThat(store.load().faults()).as("both faults were hit").isEmpty();
    List<JournalEntry> intents =
        Journal.read(files.journal()).stream()
            .filter(e -> e.type() == JournalEntry.Type.INTENT)
            .toList();
    assertThat(intents.get(1).step()).isEqualTo(intents.get(0).step()).isEqualTo(1);
    assertThat(intents.get(1).weights()).isEqualTo(intents.get(0).weights());
  }

  @Test
  void start_writeDeniedAtSecondStep_rollsBackWithError() {
    store.save(store.load().withFaults("write:denied@2"));

    RunResult result = service().start(settings(true));

    assertThat(result.state()).isEqualTo(SwitchState.ROLLED_BACK);
    assertThat(result.cause()).isEqualTo(RunResult.Cause.ERROR);
    assertThat(result.message()).contains("step 2 write failed").contains("AccessDenied");
    assertThat(live().sameEffectiveWeights(PRE)).isTrue();
  }

  @Test
  void start_neverInsync_rollsBackAfterLiveTimeout() {
    store.save(store.load().withInsyncDelay(Duration.ofHours(2)));

    RunResult result = service().start(settings(true));

    assertThat(result.state()).isEqualTo(SwitchState.FAILED);
    assertThat(result.message()).contains("did not verify");
    assertThat(states()).contains(SwitchState.ROLLING_BACK);
    // The restore write itself went through: weights are back even though INSYNC never came.
    assertThat(live().sameEffectiveWeights(PRE)).isTrue();
    // After the last attempt the failure is reported at once, without another backoff.
    List<JournalEntry> entries = Journal.read(files.journal());
    JournalEntry lastFailure =
        entries.stream()
            .filter(e -> e.type() == JournalEntry.Type.OUTCOME && e.error() != null)
            .reduce((a, b) -> b)
            .orElseThrow();
    assertThat(entries.get(entries.size() - 1).at()).isEqualTo(lastFailure.at());
  }

  @Test
  void start_withoutPromote_revertsAtTheDeadline() {
    RunResult result = service().start(settings(false));

    assertThat(result.state()).isEqualTo(SwitchState.ROLLED_BACK);
    assertThat(result.cause()).isEqualTo(RunResult.Cause.DEADLINE);
    assertThat(states()).contains(SwitchState.AWAITING_PROMOTE);
    assertThat(live().sameEffectiveWeights(PRE)).isTrue();
  }

  @Test
  void start_weightsChangedByHandDuringBake_stopsWithoutWriting() {
    WeightSnapshot byHand =
        new WeightSnapshot(
            List.of(new MemberWeight("blue", 70, true), new MemberWeight("green", 30, true)), 60);
    ticker.onSleep(
        () -> {
          if (view().state() == SwitchState.BAKING && !live().sameEffectiveWeights(byHand)) {
            store.save(store.load().withMembers(byHand.members()));
          }
        });

    RunResult result = service().start(settings(true));

    assertThat(result.state()).isEqualTo(SwitchState.FAILED);
    assertThat(result.cause()).isEqualTo(RunResult.Cause.HAND_CHANGE);
    assertThat(result.message()).contains("blue=70 green=30");
    assertThat(live().sameEffectiveWeights(byHand)).isTrue();
    assertThat(store.load().writes()).isEqualTo(1);
  }

  @Test
  void start_restoreDenied_failedThenRollbackConverges() {
    brokenFromGreenWeight = 50;
    store.save(store.load().withFaults("write:denied@2"));
    RunResult failed = service().start(settings(true, ERROR_GATE));
    assertThat(failed.state()).isEqualTo(SwitchState.FAILED);
    assertThat(live().sameEffectiveWeights(PRE)).isFalse();

    RunResult rolledBack = service().rollback();

    assertThat(rolledBack.state()).isEqualTo(SwitchState.ROLLED_BACK);
    assertThat(live().sameEffectiveWeights(PRE)).isTrue();
  }

  @Test
  void start_secondStartWhileUnfinished_refusesNamingTheRun() {
    brokenFromGreenWeight = 50;
    store.save(store.load().withFaults("write:denied@2"));
    service().start(settings(true, ERROR_GATE));
    assertThat(view().state()).isEqualTo(SwitchState.FAILED);

    assertThatThrownBy(() -> service().start(settings(true)))
        .isInstanceOf(CutoverException.class)
        .hasMessageContaining("unfinished switch")
        .hasMessageContaining("state failed");
  }

  @Test
  void start_ttlAboveMaximum_refusedBeforeAnyWrite() {
    store.save(new FakeRouter.State(PRE.members(), 300, 0, 0, null, null, 0));

    RunResult result = service().start(settings(true));

    assertThat(result.cause()).isEqualTo(RunResult.Cause.REFUSED);
    assertThat(result.message()).contains("TTL 300 s is above --max-ttl 1m");
    assertThat(store.load().writes()).isZero();
  }

  @Test
  void reconcile_orphanedBeforeDeadline_leavesIt_afterDeadline_reverts() {
    crashDuringBake();
    SwitchService service = service();

    RunResult early = service.reconcile();
    assertThat(early.cause()).isEqualTo(RunResult.Cause.DONE);
    assertThat(early.message()).contains("reverts at the deadline");
    assertThat(live().sameEffectiveWeights(PRE)).isFalse();

    ticker.sleep(Duration.ofMinutes(31));
    RunResult late = service.reconcile();

    assertThat(late.state()).isEqualTo(SwitchState.ROLLED_BACK);
    assertThat(late.cause()).isEqualTo(RunResult.Cause.DEADLINE);
    assertThat(live().sameEffectiveWeights(PRE)).isTrue();
  }

  @Test
  void reconcile_weightsChangedByHandAfterCrash_reportsAndWritesNothing() {
    crashDuringBake();
    store.save(
        store
            .load()
            .withMembers(
                List.of(new MemberWeight("blue", 10, true), new MemberWeight("green", 90, true))));
    int writes = store.load().writes();
    ticker.sleep(Duration.ofMinutes(31));

    RunResult result = service().reconcile();

    assertThat(result.cause()).isEqualTo(RunResult.Cause.HAND_CHANGE);
    assertThat(result.message()).contains("blue=10 green=90");
    assertThat(store.load().writes()).isEqualTo(writes);
  }

  @Test
  void resume_afterCrashDuringBake_continuesAndPromotes() {
    crashDuringBake();

    RunResult result = service().resume();

    assertThat(result.state()).isEqualTo(SwitchState.PROMOTED);
    assertThat(live().sameEffectiveWeights(FULL_GREEN)).isTrue();
  }

  @Test
  void resume_afterCrashBetweenIntentAndCall_writesTheStepAgain() {
    crashAt("write");

    assertThat(view().state()).isEqualTo(SwitchState.APPLYING);
    assertThat(view().lastIntent()).isPresent();
    assertThat(live().sameEffectiveWeights(PRE)).isTrue();

    RunResult result = service().resume();

    assertThat(result.state()).isEqualTo(SwitchState.PROMOTED);
  }

  /** A human resume restarts the step's deadline in every state, not only while baking. */
  @ParameterizedTest
  @ValueSource(strings = {"write", "await"})
  void resume_afterCrashBeforeLive_pastTheDeadline_continuesUnderAFreshDeadline(String op) {
    store.save(store.load().withInsyncDelay(Duration.ofMinutes(1)));
    crashAt(op);
    ticker.sleep(Duration.ofMinutes(31));
    assertThat(ticker.now()).isAfter(view().deadline());

    RunResult result = service().resume();

    assertThat(result.state()).as(result.message()).isEqualTo(SwitchState.PROMOTED);
    assertThat(live().sameEffectiveWeights(FULL_GREEN)).isTrue();
  }

  @Test
  void rollback_afterCrashDuringLiveWait_restoresPreSwitch() {
    store.save(store.load().withInsyncDelay(Duration.ofMinutes(1)));
    crashAt("await");
    assertThat(view().state()).isEqualTo(SwitchState.WAITING_LIVE);

    RunResult result = service().rollback();

    assertThat(result.state()).isEqualTo(SwitchState.ROLLED_BACK);
    assertThat(live().sameEffectiveWeights(PRE)).isTrue();
    assertThat(view().state()).isEqualTo(SwitchState.ROLLED_BACK);
  }

  @Test
  void pauseThenPromote_withoutRunner_holdsThenGoesOn() {
    crashDuringBake();
    SwitchService service = service();

    RunResult paused = service.pause();
    assertThat(paused.state()).isEqualTo(SwitchState.PAUSED);
    assertThat(view().state()).isEqualTo(SwitchState.PAUSED);

    RunResult promoted = service.promote();
    // promote at step 1 of 2 goes on to step 2 in the foreground; autoPromote ends it there.
    assertThat(promoted.state()).isEqualTo(SwitchState.PROMOTED);
    assertThat(live().sameEffectiveWeights(FULL_GREEN)).isTrue();
  }

  /** Runs a switch until step 1 bakes, then stops it as a crash would (no further entries). */
  void crashDuringBake() {
    AtomicInteger sleeps = new AtomicInteger();
    ticker.onSleep(
        () -> {
          if (view().state() == SwitchState.BAKING && sleeps.incrementAndGet() == 2) {
            throw new Crash();
          }
        });
    assertThatThrownBy(() -> service().start(settings(true))).isInstanceOf(Crash.class);
    ticker.onSleep(() -> {});
  }

  /** Crashes at the first call of a router operation: "write" (after its intent) or "await". */
  void crashAt(String op) {
    FakeRouter crashing =
        new FakeRouter("fake", r -> store, ticker) {
          @Override
          public dev.cutover.core.traffic.ChangeReceipt write(
              RecordRef record, WeightSnapshot target) {
            if (op.equals("write")) {
              throw new Crash();
            }
            return super.write(record, target);
          }

          @Override
          public WeightSnapshot awaitLive(
              RecordRef record, dev.cutover.core.traffic.ChangeReceipt receipt, Duration timeout) {
            throw new Crash();
          }
        };
    FakeRouter original = router;
    router = crashing;
    assertThatThrownBy(() -> service().start(settings(true))).isInstanceOf(Crash.class);
    router = original;
  }

  /** Stands for kill -9: unwinds without any further journal entry. */
  static final class Crash extends RuntimeException {}
}
