package dev.cutover.core.traffic;

/**
 * How a provider expresses weights, so that core converts the switch's basis points (0–10000 of
 * traffic) to provider units in one place and reports the rounding.
 *
 * @param unitsPerWhole provider units that stand for 100 % when the other side has 0 (Route 53:
 *     100, so 5 % is weights 95/5; Traffic Manager: 1000, so 5 % is 950/50)
 * @param min the smallest weight the provider accepts (Route 53 0, Traffic Manager 1)
 * @param max the largest (Route 53 255, Traffic Manager 1000)
 * @param zeroDisables true where a weight of 0 cannot be written and the member is disabled instead
 *     (Traffic Manager: {@code endpointStatus: Disabled})
 * @param source the provider document these limits come from
 */
public record WeightScale(
    int unitsPerWhole, int min, int max, boolean zeroDisables, String source) {

  /**
   * The provider weight for a share in basis points: {@code round(bp * unitsPerWhole / 10000)},
   * clamped to [min, max]; 0 where the provider has no 0 is returned as 0 and the caller disables
   * the member.
   */
  public int toUnits(int basisPoints) {
    long units = Math.round(basisPoints * (double) unitsPerWhole / 10000.0);
    if (units == 0) {
      return 0;
    }
    return (int) Math.max(min, Math.min(max, units));
  }

  /** The member for a share: disabled at 0 where the provider has no weight 0. */
  public MemberWeight member(String id, int basisPoints) {
    int units = toUnits(basisPoints);
    if (units == 0 && zeroDisables) {
      return new MemberWeight(id, min, false);
    }
    return new MemberWeight(id, units, true);
  }
}
