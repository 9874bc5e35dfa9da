package dev.cutover.cli.traffic;

import dev.cutover.cli.OutputOptions;
import dev.cutover.core.CutoverException;
import dev.cutover.core.spi.ProgressListener;
import dev.cutover.core.traffic.TrafficRouter;
import dev.cutover.core.traffic.journal.SwitchState;
import dev.cutover.core.traffic.plan.SwitchPlan;
import dev.cutover.core.traffic.run.Preflight;
import dev.cutover.core.traffic.run.RunResult;
import dev.cutover.core.traffic.run.SwitchService;
import dev.cutover.core.traffic.run.SwitchStatus;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cutover switch}: move traffic from blue to green in gated steps, with rollback. */
@Command(
    name = "switch",
    description = {
      "Move traffic between blue (source) and green (target) by weights of a Route 53 weighted"
          + " record set or Traffic Manager weighted endpoints, in steps with a bake and gates at"
          + " each, a deadline that reverts unpromoted steps, and a journal that survives kill -9.",
    },
    subcommands = {
      SwitchCommand.Plan.class,
      SwitchCommand.Start.class,
      SwitchCommand.Status.class,
      SwitchCommand.Promote.class,
      SwitchCommand.Pause.class,
      SwitchCommand.Resume.class,
      SwitchCommand.Rollback.class,
      SwitchCommand.Reconcile.class,
    },
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0  done: plan printed, switch promoted, status read, the asked-for action taken",
      "  1  error: bad input, lock held, a refused or failed cloud call, weights changed by hand"
          + " (nothing written), a rollback that did not verify",
      "  2  refused: preflight blocked the start (TTL too high, blue unhealthy, a gate already"
          + " failing); nothing was changed",
      "  3  rolled back: the switch ended at the pre-switch weights, verified, because a gate"
          + " failed, a step's deadline passed, or a rollback was requested while it ran",
      "     (start, resume, promote, reconcile; 'rollback' itself exits 0 once verified)",
    })
public final class SwitchCommand implements Runnable {

  /** Exit code when preflight refused to start: as a policy block, nothing was changed. */
  public static final int EXIT_REFUSED = 2;

  /**
   * Exit code when the switch ended rolled back on its own (gate, deadline) or on request: distinct
   * from 1 (error) and 2 (refused before any change) so that a pipeline can tell "traffic moved and
   * came back safely" from both.
   */
  public static final int EXIT_ROLLED_BACK = 3;

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a switch command is required");
  }

  /** What every subcommand shares. */
  abstract static class Base implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin SwitchOptions switchOptions;

    @Mixin OutputOptions output;

    void print(String text) {
      output.emit(spec, text);
    }

    boolean json() {
      return output.format() == OutputOptions.Format.json;
    }

    ProgressListener progress() {
      if (quiet()) {
        return ProgressListener.NONE;
      }
      PrintWriter err = spec.commandLine().getErr();
      return (phase, done, total) -> {
        err.println(Instant.now().truncatedTo(ChronoUnit.SECONDS) + " " + phase);
        err.flush();
      };
    }

    private boolean quiet() {
      for (CommandLine.ParseResult r = spec.root().commandLine().getParseResult();
          r != null;
          r = r.subcommand()) {
        if (r.hasMatchedOption("--quiet")) {
          return true;
        }
      }
      return false;
    }

    /** Runs one service call and renders its result with the exit code rules above. */
    Integer result(Function<SwitchService, RunResult> call, boolean rollbackCommand) {
      SwitchContext ctx = SwitchContext.resolve(switchOptions);
      return render(call.apply(ctx.service(progress())), rollbackCommand);
    }

    /** Prints a run's result (text or JSON) and returns its exit code. */
    Integer render(RunResult result, boolean rollbackCommand) {
      int code = exitCode(result, rollbackCommand);
      print(json() ? SwitchRender.resultJson(result, code) : SwitchRender.resultText(result));
      return code;
    }
  }

  /** The exit code of a run's result; see the footer. */
  static int exitCode(RunResult result, boolean rollbackCommand) {
    if (result.cause() == RunResult.Cause.REFUSED) {
      return EXIT_REFUSED;
    }
    if (result.state() == SwitchState.FAILED
        || result.cause() == RunResult.Cause.ERROR
        || result.cause() == RunResult.Cause.HAND_CHANGE) {
      return CutoverException.EXIT_CODE;
    }
    if (result.state() == SwitchState.ROLLED_BACK && !rollbackCommand) {
      return result.cause() == RunResult.Cause.DONE ? 0 : EXIT_ROLLED_BACK;
    }
    return 0;
  }

  @Command(
      name = "plan",
      description =
          "Read the live weights and print every step's weights, rounding and the exact provider"
              + " requests, and the rollback's. Changes nothing.")
  static final class Plan extends Base {
    @Mixin PlanOptions planOptions;

    @Override
    public Integer call() {
      return printPlan(this, planOptions, false);
    }
  }

  @Command(
      name = "start",
      description =
          "Check the way back (preflight), then run the plan in the foreground: each step is"
              + " written, confirmed live, baked with its gates; a failed gate, a passed deadline"
              + " or 'rollback' restores the pre-switch weights.")
  static final class Start extends Base {
    @Mixin PlanOptions planOptions;

    @Option(
        names = "--dry-run",
        description =
            "Print the plan, the provider requests and the preflight checks; change nothing.")
    boolean dryRun;

    @Override
    public Integer call() {
      if (dryRun) {
        return printPlan(this, planOptions, true);
      }
      SwitchContext ctx = SwitchContext.resolve(switchOptions);
      return render(ctx.service(progress()).start(ctx.settings(planOptions)), false);
    }
  }

  private static Integer printPlan(Base command, PlanOptions planOptions, boolean preflight) {
    SwitchContext ctx = SwitchContext.resolve(command.switchOptions);
    TrafficRouter router = ctx.router();
    SwitchService service = ctx.service(command.progress());
    SwitchPlan plan = service.plan(ctx.settings(planOptions));
    Preflight checks = preflight ? service.preflight(plan) : null;
    command.print(
        command.json()
            ? SwitchRender.planJson(plan, router, checks)
            : SwitchRender.planText(plan, router, checks));
    return checks != null && checks.refused() ? EXIT_REFUSED : 0;
  }

  @Command(
      name = "status",
      description =
          "The journal's view of the last run (state, step, deadline, gates, runner) and the live"
              + " weights, and whether the journal explains them.")
  static final class Status extends Base {
    @Override
    public Integer call() {
      SwitchContext ctx = SwitchContext.resolve(switchOptions);
      SwitchStatus status = ctx.service(progress()).status(ctx.recordOrNull());
      print(json() ? SwitchRender.statusJson(status) : SwitchRender.statusText(status));
      return status.live().isPresent() || status.view().isEmpty() && status.liveError() == null
          ? 0
          : 1;
    }
  }

  @Command(
      name = "promote",
      description =
          "Accept the current step: at the last step the switch is promoted (no deadline any"
              + " more); before it, the next step follows (in the foreground if no 'start' runs).")
  static final class Promote extends Base {
    @Override
    public Integer call() {
      return result(SwitchService::promote, false);
    }
  }

  @Command(
      name = "pause",
      description =
          "Hold the current step; gates (while a runner runs) and the deadline still apply.")
  static final class Pause extends Base {
    @Override
    public Integer call() {
      return result(SwitchService::pause, false);
    }
  }

  @Command(
      name = "resume",
      description =
          "Continue a paused switch, or one whose runner died: reads the live weights first and"
              + " stops if they were changed by hand; the current step gets a fresh bake and"
              + " deadline.")
  static final class Resume extends Base {
    @Override
    public Integer call() {
      return result(SwitchService::resume, false);
    }
  }

  @Command(
      name = "rollback",
      description =
          "Restore the pre-switch weights now and verify them by reading back (through the running"
              + " 'start' if there is one).")
  static final class Rollback extends Base {
    @Override
    public Integer call() {
      return result(SwitchService::rollback, true);
    }
  }

  @Command(
      name = "reconcile",
      description =
          "Safe from cron or CI at any time: finishes an interrupted rollback, reverts a step past"
              + " its deadline that no runner watches, reports weights changed by hand (exit 1,"
              + " writes nothing); never moves traffic forward.")
  static final class Reconcile extends Base {
    @Override
    public Integer call() {
      return result(SwitchService::reconcile, false);
    }
  }
}
