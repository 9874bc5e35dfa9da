package dev.cutover.core.traffic.journal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.cutover.core.traffic.ChangeReceipt;
import dev.cutover.core.traffic.WeightSnapshot;
import dev.cutover.core.traffic.gate.GateResult;
import dev.cutover.core.traffic.plan.SwitchPlan;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * One line of the switch journal. Which fields are set depends on {@link #type()}:
 *
 * <ul>
 *   <li>{@code begin}: {@code plan} (with the pre-switch weights), {@code holder}
 *   <li>{@code state}: {@code state}, {@code step}, {@code reason}; {@code deadline} while a step
 *       stands, {@code bakeEndsAt} when baking
 *   <li>{@code intent}: {@code action} ({@code apply} or {@code restore}), {@code step}, {@code
 *       weights} about to be written, {@code deadline}; written and fsynced before the call
 *   <li>{@code outcome}: {@code action}, {@code step}, and {@code receipt} (Route 53 ChangeId) or
 *       {@code error} and {@code retryable}
 *   <li>{@code live}: {@code step}, {@code weights} read back once the provider confirmed the
 *       change, {@code bakeEndsAt}
 *   <li>{@code gate}: {@code step}, {@code gate}, {@code verdict}, {@code detail}
 *   <li>{@code request}: {@code requestId}, {@code action}, {@code by}: a command from another
 *       process the runner took
 *   <li>{@code note}: {@code detail}
 * </ul>
 *
 * @param seq line number in the file, from 1
 * @param at when it was written (UTC)
 * @param runId the switch run it belongs to
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
  "seq",
  "at",
  "type",
  "runId",
  "state",
  "action",
  "step",
  "weights",
  "receipt",
  "deadline",
  "bakeEndsAt",
  "gate",
  "verdict",
  "requestId",
  "by",
  "reason",
  "detail",
  "error",
  "retryable",
  "holder",
  "plan"
})
public record JournalEntry(
    long seq,
    Instant at,
    Type type,
    String runId,
    SwitchState state,
    String action,
    Integer step,
    WeightSnapshot weights,
    ChangeReceipt receipt,
    Instant deadline,
    Instant bakeEndsAt,
    String gate,
    GateResult.Verdict verdict,
    String requestId,
    String by,
    String reason,
    String detail,
    String error,
    Boolean retryable,
    Holder holder,
    SwitchPlan plan) {

  /** Entry types. */
  public enum Type {
    BEGIN,
    STATE,
    INTENT,
    OUTCOME,
    LIVE,
    GATE,
    REQUEST,
    NOTE;

    @JsonValue
    public String jsonName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** {@code action} of an intent that moves traffic forward to a step's weights. */
  public static final String APPLY = "apply";

  /** {@code action} of an intent that writes the pre-switch weights back. */
  public static final String RESTORE = "restore";

  public JournalEntry {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(runId, "runId");
  }

  public static JournalEntry begin(Instant at, String runId, SwitchPlan plan, Holder holder) {
    return new Builder(at, Type.BEGIN, runId).plan(plan).holder(holder).build();
  }

  public static JournalEntry state(
      Instant at,
      String runId,
      SwitchState state,
      Integer step,
      Instant deadline,
      Instant bakeEndsAt,
      String reason) {
    return new Builder(at, Type.STATE, runId)
        .state(state)
        .step(step)
        .deadline(deadline)
        .bakeEndsAt(bakeEndsAt)
        .reason(reason)
        .build();
  }

  public static JournalEntry intent(
      Instant at,
      String runId,
      String action,
      Integer step,
      WeightSnapshot weights,
      Instant deadline) {
    return new Builder(at, Type.INTENT, runId)
        .action(action)
        .step(step)
        .weights(weights)
        .deadline(deadline)
        .build();
  }

  public static JournalEntry outcome(
      Instant at, String runId, String action, Integer step, ChangeReceipt receipt) {
    return new Builder(at, Type.OUTCOME, runId).action(action).step(step).receipt(receipt).build();
  }

  public static JournalEntry failure(
      Instant at, String runId, String action, Integer step, String error, boolean retryable) {
    return new Builder(at, Type.OUTCOME, runId)
        .action(action)
        .step(step)
        .error(error)
        .retryable(retryable)
        .build();
  }

  public static JournalEntry live(
      Instant at, String runId, Integer step, WeightSnapshot weights, Instant bakeEndsAt) {
    return new Builder(at, Type.LIVE, runId)
        .step(step)
        .weights(weights)
        .bakeEndsAt(bakeEndsAt)
        .build();
  }

  public static JournalEntry gate(Instant at, String runId, Integer step, GateResult result) {
    return new Builder(at, Type.GATE, runId)
        .step(step)
        .gate(result.gate())
        .verdict(result.verdict())
        .detail(result.detail())
        .build();
  }

  public static JournalEntry request(
      Instant at, String runId, String requestId, String action, String by) {
    return new Builder(at, Type.REQUEST, runId).requestId(requestId).action(action).by(by).build();
  }

  public static JournalEntry note(Instant at, String runId, String detail) {
    return new Builder(at, Type.NOTE, runId).detail(detail).build();
  }

  /** This entry with its line number. */
  public JournalEntry withSeq(long seq) {
    return new JournalEntry(
        seq,
        at,
        type,
        runId,
        state,
        action,
        step,
        weights,
        receipt,
        deadline,
        bakeEndsAt,
        gate,
        verdict,
        requestId,
        by,
        reason,
        detail,
        error,
        retryable,
        holder,
        plan);
  }

  /**
   * Sets the few fields an entry type uses by name: an entry has 21 fields and most are null for
   * any one type, so positional construction would be easy to get wrong.
   */
  private static final class Builder {
    private final Instant at;
    private final Type type;
    private final String runId;
    private SwitchState state;
    private String action;
    private Integer step;
    private WeightSnapshot weights;
    private ChangeReceipt receipt;
    private Instant deadline;
    private Instant bakeEndsAt;
    private String gate;
    private GateResult.Verdict verdict;
    private String requestId;
    private String by;
    private String reason;
    private String detail;
    private String error;
    private Boolean retryable;
    private Holder holder;
    private SwitchPlan plan;

    Builder(Instant at, Type type, String runId) {
      this.at = at;
      this.type = type;
      this.runId = runId;
    }

    Builder state(SwitchState value) {
      state = value;
      return this;
    }

    Builder action(String value) {
      action = value;
      return this;
    }

    Builder step(Integer value) {
      step = value;
      return this;
    }

    Builder weights(WeightSnapshot value) {
      weights = value;
      return this;
    }

    Builder receipt(ChangeReceipt value) {
      receipt = value;
      return this;
    }

    Builder deadline(Instant value) {
      deadline = value;
      return this;
    }

    Builder bakeEndsAt(Instant value) {
      bakeEndsAt = value;
      return this;
    }

    Builder gate(String value) {
      gate = value;
      return this;
    }

    Builder verdict(GateResult.Verdict value) {
      verdict = value;
      return this;
    }

    Builder requestId(String value) {
      requestId = value;
      return this;
    }

    Builder by(String value) {
      by = value;
      return this;
    }

    Builder reason(String value) {
      reason = value;
      return this;
    }

    Builder detail(String value) {
      detail = value;
      return this;
    }

    Builder error(String value) {
      error = value;
      return this;
    }

    Builder retryable(Boolean value) {
      retryable = value;
      return this;
    }

    Builder holder(Holder value) {
      holder = value;
      return this;
    }

    Builder plan(SwitchPlan value) {
      plan = value;
      return this;
    }

    JournalEntry build() {
      return new JournalEntry(
          0,
          at,
          type,
          runId,
          state,
          action,
          step,
          weights,
          receipt,
          deadline,
          bakeEndsAt,
          gate,
          verdict,
          requestId,
          by,
          reason,
          detail,
          error,
          retryable,
          holder,
          plan);
    }
  }
}
