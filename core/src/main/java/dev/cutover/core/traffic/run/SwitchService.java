package dev.cutover.core.traffic.run;

import dev.cutover.core.CutoverException;
import dev.cutover.core.spi.ProgressListener;
import dev.cutover.core.traffic.RecordRef;
import dev.cutover.core.traffic.TrafficRouter;
import dev.cutover.core.traffic.WeightSnapshot;
import dev.cutover.core.traffic.gate.Gate;
import dev.cutover.core.traffic.gate.GateResult;
import dev.cutover.core.traffic.gate.Gates;
import dev.cutover.core.traffic.journal.ControlRequests;
import dev.cutover.core.traffic.journal.Holder;
import dev.cutover.core.traffic.journal.Journal;
import dev.cutover.core.traffic.journal.JournalEntry;
import dev.cutover.core.traffic.journal.JournalFiles;
import dev.cutover.core.traffic.journal.JournalView;
import dev.cutover.core.traffic.journal.SwitchLock;
import dev.cutover.core.traffic.journal.SwitchState;
import dev.cutover.core.traffic.plan.Durations;
import dev.cutover.core.traffic.plan.SwitchPlan;
import dev.cutover.core.traffic.plan.SwitchSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The switch's commands over one record set: {@code plan}, {@code start}, {@code status}, {@code
 * promote}, {@code pause}, {@code resume}, {@code rollback}, {@code reconcile}. One instance per
 * command; the CLI makes one call and renders the answer.
 *
 * <p>Commands that act ({@code promote}, {@code pause}, {@code resume}, {@code rollback}) either
 * take the record's lock and act themselves, or, when a runner holds it, send it a {@link
 * ControlRequests control request} and wait until its journal shows the request taken (and, for a
 * rollback, finished). {@code start}, {@code resume} and {@code reconcile} first read the live
 * weights; if the switch's own writes do not explain them ({@link LiveMatch#NONE}) they stop and
 * report, never overwrite.
 */
public final class SwitchService {

  /** How far past a step's deadline a lock holder is reported as stuck by {@code reconcile}. */
  static final Duration STUCK_GRACE = Duration.ofMinutes(2);

  private static final int READ_ATTEMPTS = 3;

  private final TrafficRouter router;
  private final JournalFiles files;
  private final Gates gates;
  private final Ticker ticker;
  private final ProgressListener progress;
  private final Duration wait;

  /**
   * @param router the record's router
   * @param files the record's journal files
   * @param gates how gate specs become gates
   * @param ticker clock and sleep
   * @param progress where progress goes
   * @param wait how long a control command waits for a running runner to act on it
   */
  public SwitchService(
      TrafficRouter router,
      JournalFiles files,
      Gates gates,
      Ticker ticker,
      ProgressListener progress,
      Duration wait) {
    this.router = router;
    this.files = files;
    this.gates = gates;
    this.ticker = ticker;
    this.progress = progress;
    this.wait = wait;
  }

  // ---- plan and start ------------------------------------------------------------------------

  /** Reads the live weights and builds the plan; writes nothing. */
  public SwitchPlan plan(SwitchSettings settings) {
    return SwitchPlan.build(settings, router.scale(), read(settings.record()));
  }

  /** Runs the checks before step 1; writes nothing. */
  public Preflight preflight(SwitchPlan plan) {
    return preflight(plan, gates.create(plan.settings().gates()));
  }

  private Preflight preflight(SwitchPlan plan, List<Gate> stepGates) {
    List<Preflight.Check> checks = new ArrayList<>();
    RecordRef record = plan.record();
    List<String> warnings = router.preflight(record);
    checks.add(
        new Preflight.Check(
            router.scheme() + " preflight",
            Preflight.Level.OK,
            "record readable, members " + record.blue() + " and " + record.green() + " present"));
    warnings.forEach(w -> checks.add(new Preflight.Check("router", Preflight.Level.WARN, w)));
    long ttl = plan.preSwitch().ttlSeconds();
    Duration maxTtl = plan.settings().maxTtl();
    checks.add(
        ttl > maxTtl.toSeconds()
            ? new Preflight.Check(
                "ttl",
                Preflight.Level.REFUSE,
                "TTL "
                    + ttl
                    + " s is above --max-ttl "
                    + Durations.format(maxTtl)
                    + ": resolvers keep old answers that long after a rollback; lower the TTL"
                    + " first or pass --max-ttl "
                    + ttl
                    + "s")
            : new Preflight.Check(
                "ttl", Preflight.Level.OK, "TTL " + ttl + " s (max " + maxTtl.toSeconds() + " s)"));
    Instant now = ticker.now();
    for (Gate gate : gates.create(plan.settings().blueGates())) {
      GateResult result = gate.evaluate(now.minus(Duration.ofMinutes(5)), now, true);
      checks.add(
          new Preflight.Check(
              "blue " + gate.name(),
              result.failed() ? Preflight.Level.REFUSE : Preflight.Level.OK,
              (result.failed() ? "blue is not healthy: " : "") + result.detail()));
    }
    if (stepGates.isEmpty()) {
      checks.add(
          new Preflight.Check(
              "gates", Preflight.Level.WARN, "no --gate: only the deadline guards each step"));
    }
    for (Gate gate : stepGates) {
      GateResult result = gate.evaluate(now.minus(Duration.ofMinutes(5)), now, false);
      checks.add(
          new Preflight.Check(
              "gate " + gate.name(),
              switch (result.verdict()) {
                case PASS -> Preflight.Level.OK;
                case PENDING -> Preflight.Level.WARN;
                case FAIL -> Preflight.Level.REFUSE;
              },
              result.detail()));
    }
    int greenNow = SwitchPlan.greenShare(plan.preSwitch(), record);
    if (greenNow >= plan.steps().get(0).greenBasisPoints()) {
      checks.add(
          new Preflight.Check(
              "weights",
              Preflight.Level.WARN,
              "green already has "
                  + SwitchSettings.percent(greenNow)
                  + " %, not less than step 1's "
                  + SwitchSettings.percent(plan.steps().get(0).greenBasisPoints())
                  + " %"));
    }
    return new Preflight(checks);
  }

  /**
   * Takes the lock, reads the pre-switch weights, plans, runs preflight and, unless it refuses,
   * runs every step in the foreground.
   *
   * @throws CutoverException if the lock is held (naming the holder), an unfinished run of the
   *     record is in the journal, or the plan is invalid
   */
  public RunResult start(SwitchSettings settings) {
    Holder holder = Holder.self("start", ticker.now());
    try (SwitchLock lock = SwitchLock.acquire(files, holder);
        Journal journal = Journal.open(files.journal())) {
      Optional<JournalView> previous = JournalView.lastRun(journal.entries());
      if (previous.isPresent() && !previous.get().state().isFinal()) {
        JournalView view = previous.get();
        throw new CutoverException(
            settings.record().spec()
                + ": an unfinished switch is in the journal (run "
                + view.runId()
                + ", state "
                + view.state()
                + " at step "
                + view.step()
                + ")",
            "run 'cutover switch status', then 'resume', 'rollback' or 'reconcile'",
            false,
            null);
      }
      SwitchPlan plan = plan(settings);
      List<Gate> stepGates = gates.create(settings.gates());
      Preflight preflight = preflight(plan, stepGates);
      preflight.checks().stream()
          .filter(c -> c.level() == Preflight.Level.WARN)
          .forEach(c -> progress("warning: " + c.name() + ": " + c.detail()));
      if (preflight.refused()) {
        return new RunResult(
            SwitchState.PLANNED,
            RunResult.Cause.REFUSED,
            "preflight refused, nothing was changed: " + preflight.refusals());
      }
      SwitchRunner runner = SwitchRunner.fresh(context(), plan, newRunId(), journal, stepGates);
      runner.begin(lock.holder());
      return runner.drive();
    }
  }

  // ---- status ----------------------------------------------------------------------------------

  /**
   * The journal's view, the lock holder and the live weights.
   *
   * @param record the record to read live when the journal has no run of it; may be null
   */
  public SwitchStatus status(RecordRef record) {
    Optional<JournalView> view = JournalView.lastRun(Journal.read(files.journal()));
    RecordRef target = view.map(JournalView::record).orElse(record);
    Optional<WeightSnapshot> live = Optional.empty();
    String liveError = null;
    if (target != null) {
      try {
        live = Optional.of(router.read(target));
      } catch (CutoverException e) {
        liveError = e.getMessage();
      }
    }
    LiveMatch match =
        view.isPresent() && live.isPresent() ? LiveMatch.classify(live.get(), view.get()) : null;
    return new SwitchStatus(
        target == null ? files.key() : target.spec(),
        files.journal(),
        view,
        SwitchLock.holderOf(files),
        live,
        liveError,
        match,
        ticker.now());
  }

  // ---- control ---------------------------------------------------------------------------------

  /** Restores the pre-switch weights and verifies them by reading back. */
  public RunResult rollback() {
    return control(ControlRequests.Action.ROLLBACK);
  }

  /** Holds the current step; gates and the deadline still apply. */
  public RunResult pause() {
    return control(ControlRequests.Action.PAUSE);
  }

  /**
   * Accepts the current step: promotes at the last step, else goes on to the next (in the
   * foreground when no runner holds the record).
   */
  public RunResult promote() {
    return control(ControlRequests.Action.PROMOTE);
  }

  /**
   * Continues a paused run, or (when no runner holds the record, e.g. after a crash) continues the
   * journal's run in the foreground with a fresh bake and deadline for the current step.
   */
  public RunResult resume() {
    return control(ControlRequests.Action.RESUME);
  }

  /**
   * Finishes or reverts whatever the journal says is unfinished: an interrupted rollback is
   * finished, a step past its deadline with no runner is reverted, a run whose live weights were
   * changed by hand is reported (never overwritten). Never moves traffic forward, never waits for a
   * bake: safe from cron.
   */
  public RunResult reconcile() {
    Optional<JournalView> found = JournalView.lastRun(Journal.read(files.journal()));
    if (found.isEmpty()) {
      return new RunResult(SwitchState.PLANNED, RunResult.Cause.DONE, "no switch journaled");
    }
    Holder self = Holder.self("reconcile", ticker.now());
    Optional<SwitchLock> lock = SwitchLock.tryAcquire(files, self);
    if (lock.isEmpty()) {
      JournalView view = found.get();
      Holder holder = SwitchLock.holderOf(files).orElse(null);
      String who = holder == null ? "another process" : holder.describe();
      if (view.deadline() != null && ticker.now().isAfter(view.deadline().plus(STUCK_GRACE))) {
        throw new CutoverException(
            view.record().spec()
                + ": "
                + who
                + " holds the switch but step "
                + view.step()
                + "'s deadline "
                + view.deadline()
                + " has passed: the runner may be stuck",
            "check that process; 'cutover switch rollback' asks it to restore",
            false,
            null);
      }
      return new RunResult(
          view.state(), RunResult.Cause.DONE, "in progress: " + who + ", state " + view.state());
    }
    try (SwitchLock held = lock.get();
        Journal journal = Journal.open(files.journal())) {
      JournalView view = JournalView.lastRun(journal.entries()).orElseThrow();
      SwitchState state = view.state();
      if (state.isFinal()) {
        return new RunResult(state, RunResult.Cause.DONE, "nothing unfinished: " + state);
      }
      SwitchRunner runner = SwitchRunner.continuing(context(), view, journal, List.of());
      noteTornTail(journal, view);
      if (state == SwitchState.FAILED && !restoreWasUnderway(view)) {
        return new RunResult(state, RunResult.Cause.HAND_CHANGE, view.lastState().get().reason());
      }
      if (state == SwitchState.ROLLING_BACK || state == SwitchState.FAILED) {
        progress("finishing the rollback the journal began");
        runner.rollBack(
            RunResult.Cause.REQUESTED,
            "reconcile on " + held.holder().shortName() + " finishes the rollback");
        return runner.drive();
      }
      WeightSnapshot live = read(view.record());
      if (!LiveMatch.classify(live, view).ours()) {
        runner.handChanged(live, expectations(view));
        return runner.drive();
      }
      if (state == SwitchState.PLANNED
          || (view.deadline() != null && !ticker.now().isBefore(view.deadline()))) {
        runner.rollBack(
            RunResult.Cause.DEADLINE,
            (state == SwitchState.PLANNED
                    ? "a run that never reached step 1"
                    : "step " + view.step() + "'s deadline " + view.deadline() + " passed")
                + "; reverted by reconcile on "
                + held.holder().shortName());
        return runner.drive();
      }
      return new RunResult(
          state,
          RunResult.Cause.DONE,
          "no runner; state "
              + state
              + " at step "
              + view.step()
              + "; reverts at the deadline "
              + view.deadline()
              + " ('resume' continues, 'rollback' reverts now)");
    }
  }

  private RunResult control(ControlRequests.Action action) {
    String verb = action.name().toLowerCase(Locale.ROOT);
    while (true) {
      JournalView view =
          JournalView.lastRun(Journal.read(files.journal()))
              .orElseThrow(
                  () ->
                      new CutoverException(
                          files.journal() + ": no switch journaled; nothing to " + verb));
      Optional<SwitchLock> lock = SwitchLock.tryAcquire(files, Holder.self(verb, ticker.now()));
      if (lock.isPresent()) {
        try (SwitchLock held = lock.get();
            Journal journal = Journal.open(files.journal())) {
          JournalView fresh = JournalView.lastRun(journal.entries()).orElseThrow();
          return actLocally(action, fresh, journal, held.holder());
        }
      }
      Optional<RunResult> answered = ask(action, view);
      if (answered.isPresent()) {
        return answered.get();
      }
      // The runner let go before taking the request: act ourselves.
    }
  }

  private RunResult actLocally(
      ControlRequests.Action action, JournalView view, Journal journal, Holder self) {
    SwitchState state = view.state();
    String by = self.shortName();
    if (state == SwitchState.PROMOTED) {
      throw new CutoverException(
          view.record().spec()
              + ": the switch was promoted ("
              + view.lastState().get().at()
              + "); there is nothing to "
              + action.name().toLowerCase(Locale.ROOT),
          "to move back, start a new switch with --blue and --green swapped",
          false,
          null);
    }
    WeightSnapshot live = read(view.record());
    LiveMatch match = LiveMatch.classify(live, view);
    if (state == SwitchState.ROLLED_BACK) {
      if (match == LiveMatch.PRE_SWITCH || live.sameEffectiveWeights(view.preSwitch())) {
        return new RunResult(
            state, RunResult.Cause.DONE, "already rolled back; live " + live.describe());
      }
      throw new CutoverException(
          view.record().spec()
              + ": the switch ended rolled back, but live weights are now "
              + live.describe()
              + ": changed since; not overwriting");
    }
    // Only promote and resume drive a runner that evaluates gates: rollback and pause need none.
    List<Gate> stepGates =
        action == ControlRequests.Action.PROMOTE || action == ControlRequests.Action.RESUME
            ? gates.create(view.plan().settings().gates())
            : List.of();
    SwitchRunner runner = SwitchRunner.continuing(context(), view, journal, stepGates);
    noteTornTail(journal, view);
    switch (action) {
      case ROLLBACK -> {
        if (!match.ours()) {
          journal.append(
              JournalEntry.note(
                  ticker.now(),
                  view.runId(),
                  "rollback overwrites live weights "
                      + live.describe()
                      + " that the journal does not explain"));
          progress(
              "warning: live weights "
                  + live.describe()
                  + " were changed outside the switch; restoring the pre-switch weights as asked");
        }
        runner.rollBack(RunResult.Cause.REQUESTED, "rollback requested by " + by);
        return runner.drive();
      }
      case PAUSE -> {
        requireOurs(runner, match, live, view);
        if (!(state == SwitchState.BAKING
            || state == SwitchState.AWAITING_PROMOTE
            || state == SwitchState.PAUSED)) {
          throw notLive(view, "pause");
        }
        runner.pause("pause requested by " + by);
        return new RunResult(
            SwitchState.PAUSED,
            RunResult.Cause.DONE,
            "paused at step "
                + view.step()
                + "; the deadline "
                + view.deadline()
                + " still applies; no runner watches gates until 'resume'");
      }
      case PROMOTE -> {
        requireOurs(runner, match, live, view);
        if (!(state == SwitchState.BAKING
            || state == SwitchState.AWAITING_PROMOTE
            || state == SwitchState.PAUSED)) {
          throw notLive(view, "promote");
        }
        runner.promote("promote requested by " + by);
        return runner.drive();
      }
      case RESUME -> {
        if (state == SwitchState.FAILED && !restoreWasUnderway(view)) {
          throw new CutoverException(
              view.record().spec() + ": the run failed: " + view.lastState().get().reason(),
              "'cutover switch rollback' restores the pre-switch weights",
              false,
              null);
        }
        if (state == SwitchState.ROLLING_BACK || state == SwitchState.FAILED) {
          progress("the journal's rollback is unfinished: finishing it (a rollback is final)");
          runner.rollBack(RunResult.Cause.REQUESTED, "resume finishes the rollback");
          return runner.drive();
        }
        requireOurs(runner, match, live, view);
        runner.resumeHere("resume by " + by);
        return runner.drive();
      }
    }
    throw new IllegalStateException("unknown action " + action);
  }

  /** Sends a request to the running holder and waits; empty if the holder let go first. */
  private Optional<RunResult> ask(ControlRequests.Action action, JournalView view) {
    Holder self = Holder.self(action.name().toLowerCase(Locale.ROOT), ticker.now());
    ControlRequests.Request request =
        new ControlRequests(files).send(action, view.runId(), self.shortName(), ticker.now());
    Holder runner = SwitchLock.holderOf(files).orElse(null);
    progress(
        "sent "
            + action.name().toLowerCase(Locale.ROOT)
            + " to "
            + (runner == null ? "the runner" : runner.describe()));
    Instant giveUp = ticker.now().plus(wait);
    while (ticker.now().isBefore(giveUp)) {
      List<JournalEntry> entries = Journal.read(files.journal());
      Optional<JournalView> now = JournalView.lastRun(entries);
      Optional<RunResult> done = now.flatMap(v -> answered(v, action, request.id()));
      if (done.isPresent()) {
        return done;
      }
      boolean taken = now.map(v -> v.takenRequests().contains(request.id())).orElse(false);
      if (!taken && SwitchLock.holderOf(files).isEmpty()) {
        return Optional.empty();
      }
      sleep(Duration.ofMillis(200));
    }
    throw new CutoverException(
        view.record().spec()
            + ": "
            + (runner == null ? "the runner" : runner.describe())
            + " did not act on "
            + action.name().toLowerCase(Locale.ROOT)
            + " within "
            + Durations.format(wait),
        "check that process; the request stays addressed to its run",
        true,
        null);
  }

  /** The runner's answer to request {@code id}, once its journal shows one. */
  private static Optional<RunResult> answered(
      JournalView view, ControlRequests.Action action, String id) {
    List<JournalEntry> entries = view.entries();
    int at = -1;
    for (int i = 0; i < entries.size(); i++) {
      if (id.equals(entries.get(i).requestId())) {
        at = i;
      }
    }
    if (at < 0) {
      return Optional.empty();
    }
    for (JournalEntry e : entries.subList(at + 1, entries.size())) {
      if (e.type() == JournalEntry.Type.NOTE && action != ControlRequests.Action.ROLLBACK) {
        return Optional.of(new RunResult(view.state(), RunResult.Cause.DONE, e.detail()));
      }
      if (e.type() != JournalEntry.Type.STATE) {
        continue;
      }
      boolean finished =
          action != ControlRequests.Action.ROLLBACK
              || e.state() == SwitchState.ROLLED_BACK
              || e.state() == SwitchState.FAILED;
      if (finished) {
        return Optional.of(
            new RunResult(
                e.state(),
                e.state() == SwitchState.FAILED ? RunResult.Cause.ERROR : RunResult.Cause.DONE,
                e.reason()));
      }
    }
    return Optional.empty();
  }

  // ---- helpers -------------------------------------------------------------------------------

  /** Forward actions need live weights the run itself wrote (a hand rollback counts as foreign). */
  private void requireOurs(
      SwitchRunner runner, LiveMatch match, WeightSnapshot live, JournalView view) {
    if (!match.ours() || match == LiveMatch.PRE_SWITCH) {
      runner.handChanged(live, expectations(view));
      throw new CutoverException(view.record().spec() + ": " + runner.drive().message());
    }
  }

  private static String expectations(JournalView view) {
    return view.lastIntent()
            .map(i -> "the last intent's " + i.weights().describe() + " nor ")
            .orElse("")
        + "the last confirmed "
        + view.confirmed().describe();
  }

  private static boolean restoreWasUnderway(JournalView view) {
    return view.lastIntent().map(i -> JournalEntry.RESTORE.equals(i.action())).orElse(false);
  }

  private static CutoverException notLive(JournalView view, String verb) {
    return new CutoverException(
        view.record().spec()
            + ": cannot "
            + verb
            + " in state "
            + view.state()
            + " (step "
            + view.step()
            + " is not confirmed live)",
        "'cutover switch resume' continues the step, 'rollback' reverts it",
        false,
        null);
  }

  private void noteTornTail(Journal journal, JournalView view) {
    if (journal.droppedBytes() > 0) {
      journal.append(
          JournalEntry.note(
              ticker.now(),
              view.runId(),
              "dropped a torn last line of "
                  + journal.droppedBytes()
                  + " bytes (a write cut short by a crash; never acted on)"));
    }
  }

  private WeightSnapshot read(RecordRef record) {
    for (int attempt = 1; ; attempt++) {
      try {
        return router.read(record);
      } catch (CutoverException e) {
        if (!e.retryable() || attempt == READ_ATTEMPTS) {
          throw e;
        }
        sleep(Duration.ofSeconds(attempt));
      }
    }
  }

  private void sleep(Duration duration) {
    try {
      ticker.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CutoverException("interrupted", e);
    }
  }

  private SwitchRunner.Context context() {
    return new SwitchRunner.Context(router, ticker, progress, new ControlRequests(files));
  }

  private void progress(String message) {
    progress.progress(message, -1, -1);
  }

  private static String newRunId() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}
