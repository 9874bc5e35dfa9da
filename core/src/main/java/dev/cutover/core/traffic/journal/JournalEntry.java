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
    return new JournalEntry(
        0,
        at,
        Type.BEGIN,
        runId,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        holder,
        plan);
  }

  public static JournalEntry state(
      Instant at,
      String runId,
      SwitchState state,
      Integer step,
      Instant deadline,
      Instant bakeEndsAt,
      String reason) {
    return new JournalEntry(
        0,
        at,
        Type.STATE,
        runId,
        state,
        null,
        step,
        null,
        null,
        deadline,
        bakeEndsAt,
        null,
        null,
        null,
        null,
        reason,
        null,
        null,
        null,
        null,
        null);
  }

  public static JournalEntry intent(
      Instant at,
      String runId,
      String action,
      Integer step,
      WeightSnapshot weights,
      Instant deadline) {
    return new JournalEntry(
        0,
        at,
        Type.INTENT,
        runId,
        null,
        action,
        step,
        weights,
        null,
        deadline,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  public static JournalEntry outcome(
      Instant at, String runId, String action, Integer step, ChangeReceipt receipt) {
    return new JournalEntry(
        0,
        at,
        Type.OUTCOME,
        runId,
        null,
        action,
        step,
        null,
        receipt,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  public static JournalEntry failure(
      Instant at, String runId, String action, Integer step, String error, boolean retryable) {
    return new JournalEntry(
        0,
        at,
        Type.OUTCOME,
        runId,
        null,
        action,
        step,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        error,
        retryable,
        null,
        null);
  }

  public static JournalEntry live(
      Instant at, String runId, Integer step, WeightSnapshot weights, Instant bakeEndsAt) {
    return new JournalEntry(
        0,
        at,
        Type.LIVE,
        runId,
        null,
        null,
        step,
        weights,
        null,
        null,
        bakeEndsAt,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  public static JournalEntry gate(Instant at, String runId, Integer step, GateResult result) {
    return new JournalEntry(
        0,
        at,
        Type.GATE,
        runId,
        null,
        null,
        step,
        null,
        null,
        null,
        null,
        result.gate(),
        result.verdict(),
        null,
        null,
        null,
        result.detail(),
        null,
        null,
        null,
        null);
  }

  public static JournalEntry request(
      Instant at, String runId, String requestId, String action, String by) {
    return new JournalEntry(
        0,
        at,
        Type.REQUEST,
        runId,
        null,
        action,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        requestId,
        by,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  public static JournalEntry note(Instant at, String runId, String detail) {
    return new JournalEntry(
        0, at, Type.NOTE, runId, null, null, null, null, null, null, null, null, null, null, null,
        null, detail, null, null, null, null);
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
}
