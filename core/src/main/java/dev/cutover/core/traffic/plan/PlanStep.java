package dev.cutover.core.traffic.plan;

import dev.cutover.core.traffic.WeightSnapshot;

/**
 * One step of a {@link SwitchPlan}.
 *
 * @param number 1-based
 * @param greenBasisPoints green's share of blue + green traffic asked for, in basis points
 * @param effectiveGreenBasisPoints the share the provider weights actually give after the router's
 *     rounding ({@link dev.cutover.core.traffic.WeightScale#toUnits}); equal to {@code
 *     greenBasisPoints} when the scale expresses it exactly
 * @param target every member's weight in the provider's units at this step
 * @param inverse the weights a rollback from this step writes: the pre-switch weights
 */
public record PlanStep(
    int number,
    int greenBasisPoints,
    int effectiveGreenBasisPoints,
    WeightSnapshot target,
    WeightSnapshot inverse) {

  /** How far rounding moved the share, in basis points (effective minus asked). */
  public int roundingBasisPoints() {
    return effectiveGreenBasisPoints - greenBasisPoints;
  }
}
