package dev.cutover.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cutover.core.CutoverException;
import dev.cutover.core.compare.Comparison;
import dev.cutover.core.compare.Finding;
import dev.cutover.core.compare.FindingType;
import dev.cutover.core.compare.Report;
import dev.cutover.core.compare.ResourceRef;
import dev.cutover.core.compare.Severity;
import dev.cutover.core.env.EnvironmentConfig;
import dev.cutover.core.model.ResourceKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyTest {

  private static final ResourceRef LEGACY =
      new ResourceRef(
          "aws", ResourceKind.FIREWALL, "sg-0LEGACY", "aws_security_group.legacy", "legacy");
  private static final ResourceRef WEB =
      new ResourceRef("aws", ResourceKind.FIREWALL, "sg-0web", "aws_security_group.web", "web");

  private static Finding finding(Severity severity, String rule, ResourceRef left) {
    return new Finding(
        severity, rule, FindingType.CHANGED, left, left, "rules", null, null, "m", null);
  }

  private static Report report(Finding... findings) {
    return new Report(Comparison.PARITY, "a", "b", List.of(findings));
  }

  @Test
  void defaults_highOrMediumBlocks_lowAndInfoDoNot() {
    Policy policy = Policy.defaults();

    assertThat(policy.exitCode(report(finding(Severity.MEDIUM, "db.backup-retention", WEB))))
        .isEqualTo(2);
    assertThat(policy.exitCode(report(finding(Severity.HIGH, "firewall.flow", WEB)))).isEqualTo(2);
    assertThat(
            policy.exitCode(
                report(
                    finding(Severity.LOW, "resource.tags", WEB),
                    finding(Severity.INFO, "network.overlap", WEB))))
        .isEqualTo(0);
    assertThat(policy.exitCode(report())).isEqualTo(0);
  }

  @Test
  void failOn_onlyHigh_letsMediumPass() {
    assertThat(
            new Policy(Set.of(Severity.HIGH))
                .exitCode(report(finding(Severity.MEDIUM, "db.backup-retention", WEB))))
        .isEqualTo(0);
  }

  @Test
  void ignore_byRuleAndResource_silencesOnlyThatResource() {
    Policy policy =
        new Policy(
            null,
            List.of(new Policy.Ignore("firewall.flow", "sg-0legacy", "retired after cutover")));

    assertThat(policy.exitCode(report(finding(Severity.HIGH, "firewall.flow", LEGACY))))
        .isEqualTo(0);
    assertThat(policy.exitCode(report(finding(Severity.HIGH, "firewall.flow", WEB)))).isEqualTo(2);
    assertThat(
            policy.exitCode(
                report(
                    finding(Severity.HIGH, "firewall.flow", LEGACY),
                    finding(Severity.HIGH, "lb.routes", LEGACY))))
        .isEqualTo(2);
  }

  @Test
  void ignore_prefixPatternAndAddress_matchEitherSide() {
    Policy policy =
        new Policy(
            null, List.of(new Policy.Ignore("firewall.*", "aws_security_group.legacy", null)));
    Finding unmanagedRight =
        new Finding(
            Severity.HIGH,
            "firewall.not-comparable",
            FindingType.UNMANAGED,
            null,
            LEGACY,
            null,
            null,
            null,
            "m",
            null);

    assertThat(policy.ignores(unmanagedRight)).isTrue();
    assertThat(policy.ignores(finding(Severity.HIGH, "lb.routes", LEGACY))).isFalse();
  }

  @Test
  void apply_dropsIgnoredFindingsAndRecountsSummary() {
    Policy policy = new Policy(null, List.of(new Policy.Ignore("network.cidrs", null, null)));

    Report applied =
        policy.apply(
            report(
                finding(Severity.MEDIUM, "network.cidrs", WEB),
                finding(Severity.LOW, "resource.tags", WEB)));

    assertThat(applied.findings()).extracting(Finding::rule).containsExactly("resource.tags");
    assertThat(applied.summary().get(Severity.MEDIUM)).isZero();
    assertThat(applied.summary().get(Severity.LOW)).isEqualTo(1);
  }

  @Test
  void ignore_unknownRule_isRejectedWithKnownIds() {
    assertThatThrownBy(() -> new Policy.Ignore("firewall.flows", null, null))
        .isInstanceOf(CutoverException.class)
        .hasMessageStartingWith(
            "policy.ignore: unknown rule 'firewall.flows'; known rules: resource.missing,");
    assertThatThrownBy(() -> new Policy.Ignore(null, null, "why"))
        .isInstanceOf(CutoverException.class)
        .hasMessage("policy.ignore: an entry needs a rule, a resource or both");
  }

  @Test
  void cutoverYaml_policyWithIgnore_loads(@TempDir Path dir) throws IOException {
    Files.writeString(
        dir.resolve("cutover.yaml"),
        """
        source: {live: "aws:us-east-1"}
        target: {live: "azure:sub/rg"}
        policy:
          failOn: [high]
          ignore:
            - rule: network.cidrs
              reason: the target is renumbered on purpose
            - resource: aws_security_group.legacy
        """);

    Policy policy = EnvironmentConfig.load(dir).policy();

    assertThat(policy.failOn()).containsExactly(Severity.HIGH);
    assertThat(policy.ignore())
        .extracting(Policy.Ignore::rule, Policy.Ignore::resource)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("network.cidrs", null),
            org.assertj.core.groups.Tuple.tuple(null, "aws_security_group.legacy"));
  }

  @Test
  void cutoverYaml_ignoreWithUnknownRule_failsNamingTheFile(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("cutover.yaml"), "policy:\n  ignore:\n    - rule: nope\n");

    assertThatThrownBy(() -> EnvironmentConfig.load(dir))
        .isInstanceOf(CutoverException.class)
        .hasMessageContaining("cutover.yaml")
        .hasMessageContaining("unknown rule 'nope'");
  }
}
