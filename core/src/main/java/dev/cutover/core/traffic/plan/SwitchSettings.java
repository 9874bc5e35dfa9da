package dev.cutover.core.traffic.plan;

import dev.cutover.core.CutoverException;
import dev.cutover.core.traffic.RecordRef;
import dev.cutover.core.traffic.gate.GateSpec;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a switch is asked to do, from flags or the {@code switch:} section of {@code cutover.yaml},
 * before the live weights are known. {@link SwitchPlan#build} turns it into steps.
 *
 * @param record the weighted record set and its blue/green members
 * @param stepsBasisPoints green's share of traffic at each step in basis points (1 % = 100),
 *     strictly rising, each in (0, 10000]; default 5, 10, 25, 50, 75, 100 %
 * @param bake how long each step must stay healthy, counted from the moment the provider confirms
 *     the change is live plus the record's TTL; default 10 minutes
 * @param deadline how long an applied step may stand without being superseded by the next step or
 *     promoted before the weights revert to the pre-switch weights, counted from the step's write;
 *     default 30 minutes; must exceed {@code bake} plus the TTL
 * @param interval how often gates are evaluated during a bake; default 30 seconds
 * @param maxTtl the largest record TTL preflight accepts (a long TTL keeps clients on the old
 *     weights after a rollback); default 60 seconds
 * @param liveTimeout how long to wait for the provider to confirm a change (Route 53 INSYNC) before
 *     rolling back; default 10 minutes
 * @param gates gates evaluated during every bake, in {@link GateSpec} syntax
 * @param blueGates gates evaluated once against blue before step 1 (is the way back healthy?)
 * @param autoPromote promote as soon as the last step's bake passes, instead of waiting for {@code
 *     promote} until the deadline
 */
public record SwitchSettings(
    RecordRef record,
    List<Integer> stepsBasisPoints,
    Duration bake,
    Duration deadline,
    Duration interval,
    Duration maxTtl,
    Duration liveTimeout,
    List<String> gates,
    List<String> blueGates,
    boolean autoPromote) {

  /** 5, 10, 25, 50, 75, 100 % in basis points. */
  public static final List<Integer> DEFAULT_STEPS = List.of(500, 1000, 2500, 5000, 7500, 10000);

  public static final Duration DEFAULT_BAKE = Duration.ofMinutes(10);
  public static final Duration DEFAULT_DEADLINE = Duration.ofMinutes(30);
  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);
  public static final Duration DEFAULT_MAX_TTL = Duration.ofSeconds(60);
  public static final Duration DEFAULT_LIVE_TIMEOUT = Duration.ofMinutes(10);

  /**
   * Fills defaults for null values and validates.
   *
   * @throws CutoverException for steps not strictly rising in (0, 100] %, a non-positive duration,
   *     a deadline not longer than the bake, or a gate that does not parse
   */
  public SwitchSettings {
    Objects.requireNonNull(record, "record");
    stepsBasisPoints = stepsBasisPoints == null ? DEFAULT_STEPS : List.copyOf(stepsBasisPoints);
    bake = bake == null ? DEFAULT_BAKE : bake;
    deadline = deadline == null ? DEFAULT_DEADLINE : deadline;
    interval = interval == null ? DEFAULT_INTERVAL : interval;
    maxTtl = maxTtl == null ? DEFAULT_MAX_TTL : maxTtl;
    liveTimeout = liveTimeout == null ? DEFAULT_LIVE_TIMEOUT : liveTimeout;
    gates = gates == null ? List.of() : List.copyOf(gates);
    blueGates = blueGates == null ? List.of() : List.copyOf(blueGates);
    if (stepsBasisPoints.isEmpty()) {
      throw new CutoverException("--steps: at least one step is required");
    }
    int previous = 0;
    for (int bp : stepsBasisPoints) {
      if (bp <= previous || bp > 10000) {
        throw new CutoverException(
            "--steps: "
                + percent(bp)
                + " % after "
                + percent(previous)
                + " %; steps must rise strictly, each above 0 and at most 100");
      }
      previous = bp;
    }
    positive(bake, "--bake");
    positive(deadline, "--deadline");
    positive(interval, "--interval");
    positive(liveTimeout, "--live-timeout");
    if (deadline.compareTo(bake) <= 0) {
      throw new CutoverException(
          "--deadline "
              + Durations.format(deadline)
              + " is not longer than --bake "
              + Durations.format(bake)
              + ": every step would revert before its bake ends");
    }
    gates.forEach(GateSpec::parse);
    blueGates.forEach(GateSpec::parse);
  }

  /**
   * Parses {@code --steps}: comma-separated percentages with at most two decimals ({@code 5,10,25},
   * {@code 0.5,1,5}).
   *
   * @throws CutoverException for anything else
   */
  public static List<Integer> parseSteps(String text) {
    List<Integer> steps = new ArrayList<>();
    for (String part : text.split(",", -1)) {
      String value = part.trim().endsWith("%") ? part.trim().replace("%", "") : part.trim();
      try {
        steps.add(new BigDecimal(value).movePointRight(2).intValueExact());
      } catch (NumberFormatException | ArithmeticException e) {
        throw new CutoverException(
            "--steps: '"
                + part.trim()
                + "' is not a percentage with at most two decimals (e.g. 5,10,25,50,75,100)");
      }
    }
    return steps;
  }

  /** {@code 500} as {@code "5"}, {@code 50} as {@code "0.5"}. */
  public static String percent(int basisPoints) {
    return BigDecimal.valueOf(basisPoints, 2).stripTrailingZeros().toPlainString();
  }

  private static void positive(Duration duration, String what) {
    if (duration.isNegative() || duration.isZero()) {
      throw new CutoverException(what + ": must be longer than 0s");
    }
  }
}
