package dev.cutover.core.traffic.plan;

import dev.cutover.core.CutoverException;
import dev.cutover.core.traffic.MemberWeight;
import dev.cutover.core.traffic.RecordRef;
import dev.cutover.core.traffic.WeightScale;
import dev.cutover.core.traffic.WeightSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The immutable plan of one switch: every step's target weights in the provider's units and the
 * inverse of every step (the pre-switch weights a rollback restores). Built once from the settings
 * and the weights read live just before the switch; {@code plan} and {@code start --dry-run} print
 * it, the runner applies it, and the journal's {@code begin} entry keeps it so that {@code resume}
 * and {@code rollback} work from any machine.
 *
 * <p>Each step gives green {@code p} % of the traffic blue and green share and blue the rest; other
 * members of the record set keep their weights. Weights are converted from basis points with the
 * router's {@link WeightScale} (Route 53: 5 % is 95/5; Traffic Manager: 950/50, a 0 disables the
 * endpoint).
 *
 * @param settings what was asked
 * @param scale the router's units
 * @param preSwitch the weights read before step 1
 * @param steps in order
 */
public record SwitchPlan(
    SwitchSettings settings, WeightScale scale, WeightSnapshot preSwitch, List<PlanStep> steps) {

  public SwitchPlan {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(scale, "scale");
    Objects.requireNonNull(preSwitch, "preSwitch");
    steps = List.copyOf(steps);
  }

  /**
   * Builds the steps.
   *
   * @throws CutoverException if the record set lacks blue or green, if the pre-switch weights or a
   *     step's weights are all zero (Route 53 would then answer for every member equally: <a
   *     href="https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/routing-policy-weighted.html">weighted
   *     routing</a>), or if the deadline does not exceed the bake plus the record's TTL
   */
  public static SwitchPlan build(
      SwitchSettings settings, WeightScale scale, WeightSnapshot preSwitch) {
    RecordRef record = settings.record();
    for (String id : List.of(record.blue(), record.green())) {
      if (preSwitch.member(id).isEmpty()) {
        throw new CutoverException(
            record.spec()
                + ": no member '"
                + id
                + "' in the weighted set; members: "
                + preSwitch.members().stream()
                    .map(MemberWeight::id)
                    .collect(Collectors.joining(", ")));
      }
    }
    if (preSwitch.totalEffectiveWeight() == 0) {
      throw new CutoverException(
          record.spec()
              + ": every member's weight is 0 now (answered equally); give blue its weight"
              + " before switching, so that a rollback has weights to restore");
    }
    long ttl = preSwitch.ttlSeconds();
    if (settings.deadline().compareTo(settings.bake().plusSeconds(ttl)) <= 0) {
      throw new CutoverException(
          "--deadline "
              + Durations.format(settings.deadline())
              + " is not longer than --bake "
              + Durations.format(settings.bake())
              + " plus the record's TTL "
              + ttl
              + "s: every step would revert before its bake ends");
    }
    List<PlanStep> steps = new ArrayList<>();
    int number = 1;
    for (int bp : settings.stepsBasisPoints()) {
      WeightSnapshot target = target(record, scale, preSwitch, bp);
      if (target.totalEffectiveWeight() == 0) {
        throw new CutoverException(
            record.spec()
                + ": step "
                + SwitchSettings.percent(bp)
                + " % gives every member weight 0, which the switch refuses");
      }
      steps.add(new PlanStep(number++, bp, greenShare(target, record), target, preSwitch));
    }
    return new SwitchPlan(settings, scale, preSwitch, steps);
  }

  public RecordRef record() {
    return settings.record();
  }

  /**
   * Step {@code number} (1-based).
   *
   * @throws CutoverException if there is no such step
   */
  public PlanStep step(int number) {
    if (number < 1 || number > steps.size()) {
      throw new CutoverException(
          record().spec() + ": the plan has no step " + number + " (1–" + steps.size() + ")");
    }
    return steps.get(number - 1);
  }

  /**
   * Green's share of the traffic blue and green get, in basis points; 0 when both are 0. Exposed so
   * that status shows live shares the same way.
   */
  public static int greenShare(WeightSnapshot weights, RecordRef record) {
    int green = weights.member(record.green()).map(MemberWeight::effectiveWeight).orElse(0);
    int blue = weights.member(record.blue()).map(MemberWeight::effectiveWeight).orElse(0);
    return blue + green == 0 ? 0 : (int) Math.round(green * 10000.0 / (blue + green));
  }

  private static WeightSnapshot target(
      RecordRef record, WeightScale scale, WeightSnapshot preSwitch, int greenBasisPoints) {
    List<MemberWeight> members = new ArrayList<>();
    for (MemberWeight member : preSwitch.members()) {
      if (member.id().equals(record.green())) {
        members.add(scale.member(member.id(), greenBasisPoints));
      } else if (member.id().equals(record.blue())) {
        members.add(scale.member(member.id(), 10000 - greenBasisPoints));
      } else {
        members.add(member);
      }
    }
    return new WeightSnapshot(members, preSwitch.ttlSeconds());
  }
}
