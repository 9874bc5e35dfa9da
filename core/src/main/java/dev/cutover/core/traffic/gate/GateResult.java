package dev.cutover.core.traffic.gate;

import java.util.Objects;

/**
 * One evaluation of a gate.
 *
 * @param gate the gate's name
 * @param verdict pass, fail, or pending (not enough data yet; judged again later, and as missing at
 *     the end of the bake)
 * @param detail one line: the values seen and the limit
 */
public record GateResult(String gate, Verdict verdict, String detail) {

  /** How a gate judged the window. */
  public enum Verdict {
    PASS,
    FAIL,
    PENDING
  }

  public GateResult {
    Objects.requireNonNull(gate, "gate");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(detail, "detail");
  }

  public static GateResult pass(String gate, String detail) {
    return new GateResult(gate, Verdict.PASS, detail);
  }

  public static GateResult fail(String gate, String detail) {
    return new GateResult(gate, Verdict.FAIL, detail);
  }

  public static GateResult pending(String gate, String detail) {
    return new GateResult(gate, Verdict.PENDING, detail);
  }

  public boolean failed() {
    return verdict == Verdict.FAIL;
  }
}
