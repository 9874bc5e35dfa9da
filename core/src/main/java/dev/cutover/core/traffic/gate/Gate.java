package dev.cutover.core.traffic.gate;

import java.time.Instant;

/**
 * A health check evaluated repeatedly during a step's bake (and once against blue before step 1).
 * Implementations never throw for a failed check: they answer {@link GateResult.Verdict#FAIL} with
 * the reason.
 */
public interface Gate {

  /** The gate as the user wrote it ({@link GateSpec#text()}). */
  String name();

  /**
   * Evaluates the gate once.
   *
   * @param since the start of the window to judge (the moment the step went live)
   * @param now the end of the window
   * @param last true for the evaluation that ends the bake: data still missing then counts as
   *     missing (not pending)
   */
  GateResult evaluate(Instant since, Instant now, boolean last);
}
