package dev.cutover.core.traffic.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cutover.core.CutoverException;
import dev.cutover.core.traffic.MemberWeight;
import dev.cutover.core.traffic.RecordRef;
import dev.cutover.core.traffic.WeightScale;
import dev.cutover.core.traffic.WeightSnapshot;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SwitchPlanTest {

  /** Route 53: weight 0–255 (ChangeResourceRecordSets, Weight). */
  static final WeightScale ROUTE53 = new WeightScale(100, 0, 255, false, "route53");

  /** Traffic Manager: weight 1–1000, no 0: the endpoint is Disabled instead. */
  static final WeightScale TRAFFIC_MANAGER = new WeightScale(1000, 1, 1000, true, "tm");

  static final RecordRef RECORD = new RecordRef("route53", "Z1/www.example.com/A", "aws", "azure");

  static WeightSnapshot weights(MemberWeight... members) {
    return new WeightSnapshot(List.of(members), 60);
  }

  static SwitchSettings settings(List<Integer> steps) {
    return new SwitchSettings(RECORD, steps, null, null, null, null, null, null, null, false);
  }

  @Test
  void build_route53DefaultSteps_weightsPerHundredAndInverseIsPreSwitch() {
    WeightSnapshot pre =
        weights(new MemberWeight("aws", 100, true), new MemberWeight("azure", 0, true));

    SwitchPlan plan = SwitchPlan.build(settings(null), ROUTE53, pre);

    assertThat(plan.steps())
        .extracting(s -> s.target().describe())
        .containsExactly(
            "aws=95 azure=5",
            "aws=90 azure=10",
            "aws=75 azure=25",
            "aws=50 azure=50",
            "aws=25 azure=75",
            "aws=0 azure=100");
    assertThat(plan.steps()).allSatisfy(s -> assertThat(s.inverse()).isEqualTo(pre));
    assertThat(plan.steps()).allSatisfy(s -> assertThat(s.roundingBasisPoints()).isZero());
  }

  @Test
  void build_trafficManager_zeroDisablesTheEndpoint() {
    WeightSnapshot pre =
        weights(new MemberWeight("aws", 1000, true), new MemberWeight("azure", 1, false));

    SwitchPlan plan = SwitchPlan.build(settings(List.of(500, 10000)), TRAFFIC_MANAGER, pre);

    assertThat(plan.step(1).target().describe()).isEqualTo("aws=950 azure=50");
    assertThat(plan.step(2).target().member("aws").orElseThrow())
        .isEqualTo(new MemberWeight("aws", 1, false));
    assertThat(plan.step(2).effectiveGreenBasisPoints()).isEqualTo(10000);
  }

  @Test
  void build_halfPercentOnRoute53_reportsTheRounding() {
    WeightSnapshot pre =
        weights(new MemberWeight("aws", 100, true), new MemberWeight("azure", 0, true));

    PlanStep step = SwitchPlan.build(settings(List.of(50)), ROUTE53, pre).step(1);

    assertThat(step.target().describe()).isEqualTo("aws=100 azure=1");
    assertThat(step.effectiveGreenBasisPoints()).isEqualTo(99);
    assertThat(step.roundingBasisPoints()).isEqualTo(49);
  }

  @Test
  void build_thirdMemberKeepsItsWeight() {
    WeightSnapshot pre =
        weights(
            new MemberWeight("aws", 100, true),
            new MemberWeight("azure", 0, true),
            new MemberWeight("canary", 7, true));

    SwitchPlan plan = SwitchPlan.build(settings(List.of(5000)), ROUTE53, pre);

    assertThat(plan.step(1).target().describe()).isEqualTo("aws=50 azure=50 canary=7");
  }

  @Test
  void build_allZeroPreSwitch_refused() {
    WeightSnapshot pre =
        weights(new MemberWeight("aws", 0, true), new MemberWeight("azure", 0, true));

    assertThatThrownBy(() -> SwitchPlan.build(settings(null), ROUTE53, pre))
        .isInstanceOf(CutoverException.class)
        .hasMessageContaining("every member's weight is 0");
  }

  @Test
  void build_memberMissing_namesTheMembers() {
    WeightSnapshot pre =
        weights(new MemberWeight("aws", 100, true), new MemberWeight("gcp", 0, true));

    assertThatThrownBy(() -> SwitchPlan.build(settings(null), ROUTE53, pre))
        .hasMessage(
            "route53:Z1/www.example.com/A: no member 'azure' in the weighted set; members: aws, gcp");
  }

  @Test
  void build_deadlineNotLongerThanBakePlusTtl_refused() {
    SwitchSettings tight =
        new SwitchSettings(
            RECORD,
            null,
            Duration.ofMinutes(10),
            Duration.ofSeconds(630),
            null,
            null,
            null,
            null,
            null,
            false);
    WeightSnapshot pre =
        weights(new MemberWeight("aws", 100, true), new MemberWeight("azure", 0, true));

    assertThatThrownBy(() -> SwitchPlan.build(tight, ROUTE53, pre))
        .hasMessageContaining("plus the record's TTL 60s");
  }

  @Test
  void settings_stepsParseAndValidate() {
    assertThat(SwitchSettings.parseSteps("0.5, 5,10%,100")).containsExactly(50, 500, 1000, 10000);
    assertThatThrownBy(() -> SwitchSettings.parseSteps("5,ten"))
        .hasMessageContaining("'ten' is not a percentage");
    assertThatThrownBy(() -> settings(List.of(500, 500)))
        .hasMessageContaining("must rise strictly");
    assertThatThrownBy(() -> settings(List.of(500, 10100))).hasMessageContaining("at most 100");
  }

  @Test
  void durations_parseAndFormat() {
    assertThat(Durations.parse("90s", "--bake")).isEqualTo(Duration.ofSeconds(90));
    assertThat(Durations.parse("1h30m", "--bake")).isEqualTo(Duration.ofMinutes(90));
    assertThat(Durations.parse("500ms", "--bake")).isEqualTo(Duration.ofMillis(500));
    assertThat(Durations.format(Duration.ofSeconds(90))).isEqualTo("1m30s");
    assertThatThrownBy(() -> Durations.parse("10 minutes", "--bake"))
        .hasMessage(
            "--bake: '10 minutes' is not a duration; expected e.g. 90s, 10m, 1h, 1h30m, 500ms");
  }
}
