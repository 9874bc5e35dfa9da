package dev.cutover.core.traffic.run;

import dev.cutover.core.CutoverException;
import dev.cutover.core.spi.ProgressListener;
import dev.cutover.core.traffic.ChangeReceipt;
import dev.cutover.core.traffic.RecordRef;
import dev.cutover.core.traffic.TrafficRouter;
import dev.cutover.core.traffic.WeightSnapshot;
import dev.cutover.core.traffic.gate.Gate;
import dev.cutover.core.traffic.gate.GateResult;
import dev.cutover.core.traffic.journal.ControlRequests;
import dev.cutover.core.traffic.journal.Holder;
import dev.cutover.core.traffic.journal.Journal;
import dev.cutover.core.traffic.journal.JournalEntry;
import dev.cutover.core.traffic.journal.JournalView;
import dev.cutover.core.traffic.journal.SwitchState;
import dev.cutover.core.traffic.plan.PlanStep;
import dev.cutover.core.traffic.plan.SwitchPlan;
import dev.cutover.core.traffic.plan.SwitchSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The switch state machine ({@link SwitchState}) for one run. Every transition and every intent is
 * appended to the journal (and forced to disk) before the runner acts on it, so that a runner
 * killed at any point leaves a journal that {@code status}, {@code resume}, {@code rollback} and
 * {@code reconcile} can finish from.
 *
 * <p>Timing: a step's deadline is set when it is applied ({@code now + deadline}); its bake ends
 * {@code TTL + bake} after the provider confirmed the change live. Gates (and a read of the live
 * weights) run every {@code interval} from the moment the step is live, and once more when the bake
 * ends; control requests are polled every {@link #POLL} at most.
 *
 * <p>Retries: a refused write that the provider marks retryable (throttling, 5xx, timeout) is
 * retried {@link #WRITE_ATTEMPTS} times with backoff (1, 2, 4 s) on the way forward, then the run
 * rolls back; a restore is retried {@link #RESTORE_ATTEMPTS} times (backoff up to 10 s) before the
 * run is marked failed. A retried write sends the same weights (Route 53 UPSERT and ARM PATCH are
 * idempotent).
 */
public final class SwitchRunner {

  /** Longest sleep between two looks at control requests and the deadline. */
  public static final Duration POLL = Duration.ofSeconds(1);

  /** Pause between two waits for a change that is not live yet. */
  static final Duration RETRY_PAUSE = Duration.ofMillis(200);

  static final int WRITE_ATTEMPTS = 3;
  static final int RESTORE_ATTEMPTS = 8;
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

  private static final Logger LOG = LoggerFactory.getLogger(SwitchRunner.class);

  /**
   * What a runner works with.
   *
   * @param router the record's router
   * @param ticker clock and sleep
   * @param progress where progress lines go (the CLI prints them on stderr)
   * @param requests control requests addressed to the run
   */
  public record Context(
      TrafficRouter router, Ticker ticker, ProgressListener progress, ControlRequests requests) {}

  private final Context ctx;
  private final SwitchPlan plan;
  private final RecordRef record;
  private final String runId;
  private final Journal journal;
  private final List<Gate> gates;
  private final Set<String> taken = new HashSet<>();

  private SwitchState state;
  private int step;
  private Instant deadline;
  private Instant bakeEndsAt;
  private Instant liveAt;
  private ChangeReceipt receipt;
  private RunResult.Cause cause = RunResult.Cause.DONE;
  private String reason = "";
  private boolean pauseWhenLive;

  private SwitchRunner(
      Context ctx, SwitchPlan plan, String runId, Journal journal, List<Gate> gates) {
    this.ctx = ctx;
    this.plan = plan;
    this.record = plan.record();
    this.runId = runId;
    this.journal = journal;
    this.gates = List.copyOf(gates);
  }

  /** A runner for a new run: journals nothing until {@link #begin}. */
  public static SwitchRunner fresh(
      Context ctx, SwitchPlan plan, String runId, Journal journal, List<Gate> gates) {
    SwitchRunner runner = new SwitchRunner(ctx, plan, runId, journal, gates);
    runner.state = SwitchState.PLANNED;
    return runner;
  }

  /** A runner that continues the run a journal describes, in the state it was left. */
  public static SwitchRunner continuing(
      Context ctx, JournalView view, Journal journal, List<Gate> gates) {
    SwitchRunner runner = new SwitchRunner(ctx, view.plan(), view.runId(), journal, gates);
    runner.state = view.state();
    runner.step = view.step();
    runner.deadline = view.deadline();
    runner.bakeEndsAt = view.bakeEndsAt();
    runner.receipt = view.lastReceipt().orElse(null);
    runner.reason = view.lastState().map(JournalEntry::reason).orElse("");
    runner.taken.addAll(view.takenRequests());
    return runner;
  }

  /** Journals the {@code begin} entry (plan and pre-switch weights) and moves to step 1. */
  public void begin(Holder holder) {
    journal.append(JournalEntry.begin(now(), runId, plan, holder));
    progress("switch " + runId + ": pre-switch weights " + plan.preSwitch().describe());
    applyNext(1, "start");
  }

  /** Runs until the run is promoted, rolled back or failed. */
  public RunResult drive() {
    try {
      while (true) {
        switch (state) {
          case PLANNED -> applyNext(1, "start");
          case APPLYING -> applyStep();
          case WAITING_LIVE -> awaitLive();
          case BAKING, PAUSED, AWAITING_PROMOTE -> watch();
          case ROLLING_BACK -> restore();
          case PROMOTED, ROLLED_BACK, FAILED -> {
            return new RunResult(state, cause, reason);
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CutoverException(
          record.spec() + ": interrupted in state " + state + "; the journal stands as written",
          "run 'cutover switch status', then 'resume' or 'rollback'",
          false,
          e);
    }
  }

  /**
   * Re-enters the current step after a human {@code resume}: a fresh bake and a fresh deadline from
   * now (a human is watching again); from {@code applying} or {@code waiting_live} the step is
   * written again or awaited again, under the fresh deadline.
   */
  public void resumeHere(String why) {
    switch (state) {
      case BAKING, PAUSED -> {
        deadline = now().plus(plan.settings().deadline());
        enterBake(now(), why);
      }
      case AWAITING_PROMOTE -> {
        deadline = now().plus(plan.settings().deadline());
        liveAt = now();
        transition(SwitchState.AWAITING_PROMOTE, why);
      }
      case APPLYING, WAITING_LIVE -> {
        deadline = now().plus(plan.settings().deadline());
        transition(state, why);
      }
      case PLANNED -> applyNext(1, why);
      default -> {
        // rolling_back: drive() finishes the rollback as journaled.
      }
    }
  }

  /** Accepts the current step: the next step follows, or the last step is promoted. */
  public void promote(String why) {
    if (step >= plan.steps().size()) {
      deadline = null;
      transition(SwitchState.PROMOTED, why);
      progress("promoted at " + percent(step) + " % green: " + current().describe());
    } else {
      applyNext(step + 1, why);
    }
  }

  /** Holds the current step (gates and the deadline still apply). */
  public void pause(String why) {
    if (state == SwitchState.APPLYING || state == SwitchState.WAITING_LIVE) {
      pauseWhenLive = true;
      note("pause taken: step " + step + " pauses once it is live");
    } else {
      transition(SwitchState.PAUSED, why);
    }
  }

  /** Moves to {@code rolling_back}; {@link #drive} then restores the pre-switch weights. */
  public void rollBack(RunResult.Cause why, String message) {
    cause = why;
    bakeEndsAt = null;
    deadline = null;
    transition(SwitchState.ROLLING_BACK, message);
    progress("rolling back: " + message);
  }

  /** Marks the run failed because the live weights are not the switch's own. */
  public void handChanged(WeightSnapshot live, String expected) {
    cause = RunResult.Cause.HAND_CHANGE;
    transition(
        SwitchState.FAILED,
        "live weights "
            + live.describe()
            + " are neither "
            + expected
            + ": changed outside the switch; nothing was written. Check who changed them, then"
            + " 'cutover switch rollback' (restores "
            + plan.preSwitch().describe()
            + ")");
  }

  // ---- states ------------------------------------------------------------------------------

  private void applyNext(int number, String why) {
    step = number;
    deadline = now().plus(plan.settings().deadline());
    bakeEndsAt = null;
    transition(SwitchState.APPLYING, why);
  }

  private void applyStep() throws InterruptedException {
    PlanStep target = plan.step(step);
    progress(
        "step "
            + step
            + "/"
            + plan.steps().size()
            + ": "
            + percent(step)
            + " % green, writing "
            + target.target().describe());
    for (int attempt = 1; ; attempt++) {
      journal.append(
          JournalEntry.intent(now(), runId, JournalEntry.APPLY, step, target.target(), deadline));
      try {
        receipt = ctx.router().write(record, target.target());
      } catch (CutoverException e) {
        journal.append(
            JournalEntry.failure(
                now(), runId, JournalEntry.APPLY, step, e.getMessage(), e.retryable()));
        if (!e.retryable() || attempt == WRITE_ATTEMPTS) {
          rollBack(
              RunResult.Cause.ERROR,
              "step " + step + " write failed (attempt " + attempt + "): " + e.getMessage());
          return;
        }
        LOG.warn(
            "{}: write attempt {} of {} failed: {}",
            record.spec(),
            attempt,
            WRITE_ATTEMPTS,
            e.getMessage());
        if (sleepWatching(backoff(attempt))) {
          return;
        }
        continue;
      }
      journal.append(JournalEntry.outcome(now(), runId, JournalEntry.APPLY, step, receipt));
      transition(SwitchState.WAITING_LIVE, "change " + receipt.changeId() + " " + receipt.status());
      return;
    }
  }

  private void awaitLive() throws InterruptedException {
    Instant giveUp = now().plus(plan.settings().liveTimeout());
    WeightSnapshot expected = plan.step(step).target();
    while (true) {
      if (takeRequests() || pastDeadline()) {
        return;
      }
      if (!now().isBefore(giveUp)) {
        rollBack(
            RunResult.Cause.ERROR,
            "step "
                + step
                + " was not confirmed live within "
                + plan.settings().liveTimeout().toSeconds()
                + " s");
        return;
      }
      WeightSnapshot live;
      try {
        live = awaitSlice(expected, giveUp);
      } catch (CutoverException e) {
        if (e.retryable()) {
          LOG.debug("{}: not live yet: {}", record.spec(), e.getMessage());
          ctx.ticker().sleep(RETRY_PAUSE);
          continue;
        }
        journal.append(
            JournalEntry.failure(now(), runId, JournalEntry.APPLY, step, e.getMessage(), false));
        rollBack(RunResult.Cause.ERROR, "step " + step + ": " + e.getMessage());
        return;
      }
      if (!live.sameEffectiveWeights(expected)) {
        handChanged(live, "step " + step + "'s " + expected.describe());
        return;
      }
      Instant at = now();
      enterBakeAfterLive(at, live);
      return;
    }
  }

  private WeightSnapshot awaitSlice(WeightSnapshot expected, Instant giveUp) {
    if (receipt == null) {
      // Journal without an accepted write: nothing to wait for but the weights themselves.
      WeightSnapshot live = ctx.router().read(record);
      if (live.sameEffectiveWeights(expected)) {
        return live;
      }
      throw new CutoverException("not live yet", null, true, null);
    }
    Duration slice = min(Duration.between(now(), giveUp), Duration.ofSeconds(5));
    return ctx.router().awaitLive(record, receipt, slice);
  }

  private void enterBakeAfterLive(Instant at, WeightSnapshot live) {
    liveAt = at;
    bakeEndsAt = at.plusSeconds(plan.preSwitch().ttlSeconds()).plus(plan.settings().bake());
    journal.append(JournalEntry.live(at, runId, step, live, bakeEndsAt));
    progress(
        "step "
            + step
            + " live at "
            + at
            + "; bake until "
            + bakeEndsAt
            + " (TTL "
            + plan.preSwitch().ttlSeconds()
            + " s + bake)");
    if (pauseWhenLive) {
      pauseWhenLive = false;
      transition(SwitchState.PAUSED, "paused on request once live");
    } else {
      transition(SwitchState.BAKING, "live");
    }
  }

  private void enterBake(Instant at, String why) {
    liveAt = at;
    bakeEndsAt = at.plus(plan.settings().bake());
    transition(SwitchState.BAKING, why);
  }

  private void watch() throws InterruptedException {
    Instant nextGates = now();
    if (liveAt == null) {
      liveAt = now();
    }
    SwitchState watching = state;
    while (state == watching) {
      if (takeRequests() || pastDeadline()) {
        return;
      }
      Instant now = now();
      boolean bakeOver = state == SwitchState.BAKING && !now.isBefore(bakeEndsAt);
      if (!now.isBefore(nextGates) || bakeOver) {
        if (!checkLiveAndGates(bakeOver)) {
          return;
        }
        nextGates = now.plus(plan.settings().interval());
        if (bakeOver) {
          bakePassed();
          return;
        }
      }
      Instant wake = nextGates;
      if (state == SwitchState.BAKING && bakeEndsAt.isBefore(wake)) {
        wake = bakeEndsAt;
      }
      if (deadline != null && deadline.isBefore(wake)) {
        wake = deadline;
      }
      ctx.ticker().sleep(clamp(Duration.between(now(), wake)));
    }
  }

  /** Reads live weights and evaluates every gate; false if the run left its state. */
  private boolean checkLiveAndGates(boolean last) {
    WeightSnapshot expected = current();
    WeightSnapshot live;
    try {
      live = ctx.router().read(record);
    } catch (CutoverException e) {
      // A read that fails is not a verdict on traffic; the deadline still guards the step.
      LOG.warn("{}: cannot read live weights: {}", record.spec(), e.getMessage());
      live = null;
    }
    if (live != null && !live.sameEffectiveWeights(expected)) {
      handChanged(live, "step " + step + "'s " + expected.describe());
      return false;
    }
    Instant now = now();
    for (Gate gate : gates) {
      GateResult result = gate.evaluate(liveAt, now, last);
      journal.append(JournalEntry.gate(now(), runId, step, result));
      if (result.failed()) {
        progress("gate failed: " + result.gate() + ": " + result.detail());
        rollBack(
            RunResult.Cause.GATE,
            "gate " + result.gate() + " failed at step " + step + ": " + result.detail());
        return false;
      }
    }
    return true;
  }

  private void bakePassed() {
    if (step < plan.steps().size()) {
      applyNext(step + 1, "step " + step + " baked");
    } else if (plan.settings().autoPromote()) {
      promote("last step baked; --auto-promote");
    } else {
      transition(SwitchState.AWAITING_PROMOTE, "last step baked; waiting for promote");
      progress(
          "all steps baked; 'cutover switch promote' before "
              + deadline
              + " or the weights revert");
    }
  }

  private void restore() throws InterruptedException {
    WeightSnapshot target = plan.preSwitch();
    String lastError = "";
    for (int attempt = 1; attempt <= RESTORE_ATTEMPTS; attempt++) {
      journal.append(JournalEntry.intent(now(), runId, JournalEntry.RESTORE, step, target, null));
      try {
        ChangeReceipt restoreReceipt = ctx.router().write(record, target);
        journal.append(
            JournalEntry.outcome(now(), runId, JournalEntry.RESTORE, step, restoreReceipt));
        awaitFully(restoreReceipt);
        WeightSnapshot verified = ctx.router().read(record);
        journal.append(JournalEntry.live(now(), runId, step, verified, null));
        if (verified.sameEffectiveWeights(target)) {
          deadline = null;
          transition(
              SwitchState.ROLLED_BACK, reason + "; restored and verified " + target.describe());
          progress("rolled back: verified " + verified.describe());
          return;
        }
        lastError = "read back " + verified.describe() + ", expected " + target.describe();
        journal.append(
            JournalEntry.failure(now(), runId, JournalEntry.RESTORE, step, lastError, true));
      } catch (CutoverException e) {
        lastError = e.getMessage();
        journal.append(
            JournalEntry.failure(
                now(), runId, JournalEntry.RESTORE, step, e.getMessage(), e.retryable()));
        if (!e.retryable()) {
          break;
        }
      }
      LOG.warn(
          "{}: restore attempt {} of {} failed: {}",
          record.spec(),
          attempt,
          RESTORE_ATTEMPTS,
          lastError);
      if (attempt < RESTORE_ATTEMPTS) {
        ctx.ticker().sleep(backoff(attempt));
      }
    }
    if (cause == RunResult.Cause.DONE) {
      cause = RunResult.Cause.ERROR;
    }
    transition(
        SwitchState.FAILED,
        "restore of "
            + target.describe()
            + " did not verify: "
            + lastError
            + "; run 'cutover switch rollback' again");
  }

  private void awaitFully(ChangeReceipt change) throws InterruptedException {
    Instant giveUp = now().plus(plan.settings().liveTimeout());
    while (true) {
      try {
        ctx.router()
            .awaitLive(record, change, min(Duration.between(now(), giveUp), Duration.ofSeconds(5)));
        return;
      } catch (CutoverException e) {
        if (!e.retryable() || !now().isBefore(giveUp)) {
          throw e;
        }
      }
      ctx.ticker().sleep(RETRY_PAUSE);
    }
  }

  // ---- requests and deadline -----------------------------------------------------------------

  /** Takes pending control requests; true if the run left its state. */
  private boolean takeRequests() {
    SwitchState before = state;
    int stepBefore = step;
    for (ControlRequests.Request request : ctx.requests().pending(runId, taken)) {
      taken.add(request.id());
      journal.append(
          JournalEntry.request(
              now(),
              runId,
              request.id(),
              request.action().name().toLowerCase(Locale.ROOT),
              request.by()));
      String by =
          request.action().name().toLowerCase(Locale.ROOT) + " requested by " + request.by();
      switch (request.action()) {
        case ROLLBACK -> rollBack(RunResult.Cause.REQUESTED, by);
        case PAUSE -> pause(by);
        case RESUME -> {
          if (state == SwitchState.PAUSED) {
            resumeHere(by);
          } else {
            note("resume ignored: state is " + state);
          }
        }
        case PROMOTE -> {
          if (state == SwitchState.APPLYING || state == SwitchState.WAITING_LIVE) {
            note("promote ignored: step " + step + " is not live yet");
          } else {
            promote(by);
          }
        }
      }
      if (state == SwitchState.ROLLING_BACK) {
        return true;
      }
    }
    return state != before || step != stepBefore;
  }

  private boolean pastDeadline() {
    if (deadline == null || now().isBefore(deadline)) {
      return false;
    }
    rollBack(
        RunResult.Cause.DEADLINE,
        "step " + step + "'s deadline " + deadline + " passed without promote");
    return true;
  }

  /** Sleeps while watching requests and the deadline; true if the run left its state. */
  private boolean sleepWatching(Duration duration) throws InterruptedException {
    Instant until = now().plus(duration);
    while (now().isBefore(until)) {
      if (takeRequests() || pastDeadline()) {
        return true;
      }
      ctx.ticker().sleep(clamp(Duration.between(now(), until)));
    }
    return false;
  }

  // ---- helpers -------------------------------------------------------------------------------

  private void transition(SwitchState next, String why) {
    state = next;
    reason = why;
    journal.append(
        JournalEntry.state(
            now(),
            runId,
            next,
            step == 0 ? null : step,
            next.isForward() ? deadline : null,
            next == SwitchState.BAKING ? bakeEndsAt : null,
            why));
  }

  private void note(String detail) {
    journal.append(JournalEntry.note(now(), runId, detail));
  }

  private WeightSnapshot current() {
    return plan.step(step).target();
  }

  private String percent(int number) {
    return SwitchSettings.percent(plan.step(number).greenBasisPoints());
  }

  private void progress(String message) {
    ctx.progress().progress(record.spec() + ": " + message, step, plan.steps().size());
  }

  private Instant now() {
    return ctx.ticker().now();
  }

  private static Duration clamp(Duration wait) {
    if (wait.isNegative()) {
      return Duration.ZERO;
    }
    return min(wait, POLL);
  }

  private static Duration min(Duration a, Duration b) {
    Duration positive = a.isNegative() ? Duration.ZERO : a;
    return positive.compareTo(b) < 0 ? positive : b;
  }

  private static Duration backoff(int attempt) {
    Duration wait = Duration.ofSeconds(1L << Math.min(attempt - 1, 4));
    return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
  }
}
