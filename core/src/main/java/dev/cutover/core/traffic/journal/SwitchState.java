package dev.cutover.core.traffic.journal;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.cutover.core.CutoverException;
import java.util.Locale;

/**
 * The states of a switch run. Every transition is journaled before the runner acts on it.
 *
 * <pre>
 * planned ─▶ applying(n) ─▶ waiting_live(n) ─▶ baking(n) ─┬▶ applying(n+1) …
 *                                                          ├▶ paused(n) ─▶ baking(n)   (resume)
 *                                                          └▶ awaiting_promote ─▶ promoted
 * any non-final state ─▶ rolling_back ─▶ rolled_back   (gate failed, deadline, rollback, error)
 * rolling_back ─▶ failed (restore did not verify)     any ─▶ failed (weights changed by hand)
 * </pre>
 */
public enum SwitchState {
  PLANNED,
  APPLYING,
  WAITING_LIVE,
  BAKING,
  PAUSED,
  AWAITING_PROMOTE,
  PROMOTED,
  ROLLING_BACK,
  ROLLED_BACK,
  FAILED;

  /** No runner acts on a run in this state again (a new {@code start} may begin). */
  public boolean isFinal() {
    return this == PROMOTED || this == ROLLED_BACK;
  }

  /** Traffic is on the plan's way forward (a deadline applies). */
  public boolean isForward() {
    return this == APPLYING
        || this == WAITING_LIVE
        || this == BAKING
        || this == PAUSED
        || this == AWAITING_PROMOTE;
  }

  @JsonValue
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static SwitchState parse(String text) {
    for (SwitchState state : values()) {
      if (state.jsonName().equalsIgnoreCase(text)) {
        return state;
      }
    }
    throw new CutoverException("unknown switch state '" + text + "'");
  }

  @Override
  public String toString() {
    return jsonName();
  }
}
