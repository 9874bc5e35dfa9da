package dev.cutover.core.compare;

import static dev.cutover.core.compare.Canonical.in;
import static dev.cutover.core.compare.Canonical.inventory;
import static dev.cutover.core.compare.Canonical.out;
import static dev.cutover.core.compare.Canonical.sg;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.cutover.core.model.Action;
import dev.cutover.core.model.Direction;
import dev.cutover.core.model.FirewallRule;
import dev.cutover.core.model.FirewallRuleSet;
import dev.cutover.core.spi.DriftNormalizer;
import java.util.List;
import org.junit.jupiter.api.Test;

class FirewallDriftTest {

  private static Report drift(
      FirewallRuleSet state, FirewallRuleSet live, DriftNormalizer normalizer) {
    return Drift.compare(
        inventory("state:aws.tfstate", state), inventory("aws:us-east-1", live), normalizer);
  }

  private static Report drift(FirewallRuleSet state, FirewallRuleSet live) {
    return drift(state, live, DriftNormalizer.NONE);
  }

  @Test
  void drift_sshOpenedToInternetLive_reportsHighChangedRule() {
    FirewallRuleSet state = sg("sg-0123", "app", in("tcp", 443, 443, "0.0.0.0/0"));
    FirewallRuleSet live =
        sg("sg-0123", "app", in("tcp", 443, 443, "0.0.0.0/0"), in("tcp", 22, 22, "0.0.0.0/0"));

    List<Finding> findings = drift(state, live).findings();

    assertThat(findings).hasSize(1);
    Finding finding = findings.get(0);
    assertThat(finding.severity()).isEqualTo(Severity.HIGH);
    assertThat(finding.rule()).isEqualTo("firewall.flow");
    assertThat(finding.type()).isEqualTo(FindingType.CHANGED);
    assertThat(finding.attribute()).isEqualTo("rules");
    assertThat(finding.leftValue()).isNull();
    assertThat(finding.rightValue()).isEqualTo("ingress tcp/22 from 0.0.0.0/0");
    assertThat(finding.message())
        .isEqualTo("ingress tcp/22 from 0.0.0.0/0 is allowed live but not in state");
  }

  @Test
  void drift_ruleAddedLiveFromPrivateRange_isMedium() {
    FirewallRuleSet live = sg("sg-0123", "app", in("tcp", 22, 22, "10.0.0.0/8"));

    assertThat(drift(sg("sg-0123", "app"), live).findings())
        .extracting(Finding::severity, Finding::message)
        .containsExactly(
            tuple(
                Severity.MEDIUM,
                "ingress tcp/22 from 10.0.0.0/8 is allowed live but not in state"));
  }

  @Test
  void drift_ruleRemovedLive_isMediumWithStateValue() {
    FirewallRuleSet state = sg("sg-0123", "app", in("tcp", 5432, 5432, "sg:sg-0456"));

    Finding finding = drift(state, sg("sg-0123", "app")).findings().get(0);

    assertThat(finding.severity()).isEqualTo(Severity.MEDIUM);
    assertThat(finding.leftValue()).isEqualTo("ingress tcp/5432 from sg:sg-0456");
    assertThat(finding.message())
        .isEqualTo("ingress tcp/5432 from sg:sg-0456 is allowed in state but not live");
  }

  @Test
  void drift_sameRulesInOtherOrderAndNotation_isClean() {
    FirewallRuleSet state =
        sg(
            "sg-0123",
            "app",
            in("tcp", 443, 443, "10.0.0.0/16"),
            out("-1", 0, 0, "0.0.0.0/0"),
            in("6", 80, 80, "2001:DB8::/32"));
    FirewallRuleSet live =
        sg(
            "SG-0123",
            "app",
            in("TCP", 80, 80, "2001:db8:0::/32"),
            out("all", null, null, "0.0.0.0/0"),
            in("tcp", 443, 443, "10.0.0.5/16"));

    assertThat(drift(state, live).findings()).isEmpty();
  }

  private static FirewallRule httpsDescribed(String description) {
    return new FirewallRule(
        Direction.INGRESS,
        Action.ALLOW,
        "tcp",
        443,
        443,
        "0.0.0.0/0",
        null,
        null,
        description,
        null,
        false);
  }

  @Test
  void drift_onlyDescriptionChanged_isLowLabelFinding() {
    FirewallRule declared = httpsDescribed("https");
    FirewallRule changed = httpsDescribed("HTTPS from the CDN");

    assertThat(drift(sg("sg-1", "web", declared), sg("sg-1", "web", changed)).findings())
        .extracting(Finding::rule, Finding::severity)
        .containsExactly(tuple("firewall.labels", Severity.LOW));
  }

  @Test
  void drift_realNsgDefaultRulesLiveOnly_areNeverReported() {
    // State mappers may or may not add the six default rules; live always has them.
    FirewallRuleSet state = Canonical.realNsg(false);
    FirewallRuleSet live = Canonical.realNsg(true);

    assertThat(live.rules()).hasSizeGreaterThan(state.rules().size());
    assertThat(
            Drift.compare(
                    inventory("state:azure.tfstate", state),
                    inventory("azure:subid/rg1", live),
                    DriftNormalizer.NONE)
                .findings())
        .isEmpty();
  }

  @Test
  void drift_providerNormalizerDropsAwsDefaultEgress_isClean() {
    FirewallRuleSet state = sg("sg-0123", "app", in("tcp", 443, 443, "0.0.0.0/0"));
    FirewallRuleSet live =
        sg("sg-0123", "app", in("tcp", 443, 443, "0.0.0.0/0"), out("-1", 0, 0, "0.0.0.0/0"));
    DriftNormalizer dropsDefaultEgress =
        (declared, actual) ->
            ((FirewallRuleSet) actual)
                .withRules(
                    ((FirewallRuleSet) actual)
                        .rules().stream().filter(r -> r.direction() == Direction.INGRESS).toList());

    assertThat(drift(state, live).findings())
        .extracting(Finding::message)
        .containsExactly("egress all protocols to 0.0.0.0/0 is allowed live but not in state");
    assertThat(drift(state, live, dropsDefaultEgress).findings()).isEmpty();
  }
}
