package dev.cutover.core.traffic.run;

import dev.cutover.core.traffic.journal.SwitchState;
import java.util.Objects;

/**
 * How a switch command ended.
 *
 * @param state the run's state when the command returned
 * @param cause why it is there
 * @param message one line for the user
 */
public record RunResult(SwitchState state, Cause cause, String message) {

  /** Why a run ended where it did. */
  public enum Cause {
    /** Promoted, or the asked-for action is done (pause, resume handed over, nothing to do). */
    DONE,
    /** Preflight refused to start: nothing was changed. */
    REFUSED,
    /** A gate failed and the pre-switch weights were restored. */
    GATE,
    /** A step's deadline passed without promote and the pre-switch weights were restored. */
    DEADLINE,
    /** Someone ran {@code rollback}. */
    REQUESTED,
    /** A provider error stopped the run (and a rollback followed where possible). */
    ERROR,
    /** The live weights were changed by someone else: the run stopped without writing. */
    HAND_CHANGE
  }

  public RunResult {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(cause, "cause");
    Objects.requireNonNull(message, "message");
  }
}
