package dev.cutover.core.compare;

import static dev.cutover.core.compare.Canonical.AWS;
import static dev.cutover.core.compare.Canonical.AZURE;
import static dev.cutover.core.compare.Canonical.allowIn;
import static dev.cutover.core.compare.Canonical.denyIn;
import static dev.cutover.core.compare.Canonical.in;
import static dev.cutover.core.compare.Canonical.inventory;
import static dev.cutover.core.compare.Canonical.network;
import static dev.cutover.core.compare.Canonical.nsg;
import static dev.cutover.core.compare.Canonical.out;
import static dev.cutover.core.compare.Canonical.sg;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cutover.core.model.Action;
import dev.cutover.core.model.Direction;
import dev.cutover.core.model.FirewallRule;
import dev.cutover.core.model.FirewallRuleSet;
import dev.cutover.core.model.Resource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FirewallParityTest {

  private static final Resource AWS_VPC = network(AWS, "vpc-0a1b2c", "web", "10.0.0.0/16");
  private static final Resource AZURE_VNET =
      network(
          AZURE,
          "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/web",
          "web",
          "10.1.0.0/16");

  /** A typical web tier: HTTPS from anywhere, AWS default egress. */
  private static FirewallRuleSet awsWeb(FirewallRule... extra) {
    List<FirewallRule> rules =
        new java.util.ArrayList<>(
            List.of(in("tcp", 443, 443, "0.0.0.0/0"), out("-1", 0, 0, "0.0.0.0/0")));
    rules.addAll(List.of(extra));
    return sg("sg-0123", "web", rules.toArray(FirewallRule[]::new));
  }

  /** The firewall findings of a parity of two firewalls within their networks. */
  private static List<Finding> parity(FirewallRuleSet source, FirewallRuleSet target) {
    return Parity.compare(
            inventory("state:aws", AWS_VPC, source),
            inventory("state:azure", AZURE_VNET, target),
            Pairing.byTagAndName())
        .findings()
        .stream()
        .filter(f -> f.rule().startsWith("firewall."))
        .toList();
  }

  private static List<Finding> flows(List<Finding> findings) {
    return findings.stream().filter(f -> f.rule().equals("firewall.flow")).toList();
  }

  @Test
  void parity_equivalentNsgWithRealDefaultRules_reportsNothing() {
    List<Finding> findings =
        parity(awsWeb(), nsg("web", allowIn("allow-https", 100, "Tcp", 443, "0.0.0.0/0")));

    // AllowVnetInBound, AllowAzureLoadBalancerInBound and AllowVnetOutBound have no AWS
    // counterpart, but they are the platform's, in every NSG: not a difference to report.
    assertThat(findings).isEmpty();
  }

  @Test
  void parity_userRuleFromServiceTagWithoutCounterpart_isNotComparableInfo() {
    List<Finding> findings =
        parity(
            awsWeb(),
            nsg(
                "web",
                allowIn("allow-https", 100, "Tcp", 443, "0.0.0.0/0"),
                allowIn("allow-storage", 110, "Tcp", 5432, "tag:Storage")));

    assertThat(flows(findings)).isEmpty();
    assertThat(findings)
        .extracting(Finding::rule, Finding::severity, Finding::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "firewall.not-comparable",
                Severity.INFO,
                "not comparable: target allows ingress tcp/5432 from tag:Storage; the source has"
                    + " no rule for this peer"));
  }

  @Test
  void parity_targetAllowsPortSourceDoesNot_reportsExposureWithRuleToRemove() {
    List<Finding> findings =
        parity(
            awsWeb(),
            nsg(
                "web",
                allowIn("allow-https", 100, "Tcp", 443, "0.0.0.0/0"),
                allowIn("allow-8080", 200, "Tcp", 8080, "0.0.0.0/0")));

    assertThat(flows(findings)).hasSize(1);
    Finding finding = flows(findings).get(0);
    assertThat(finding.severity()).isEqualTo(Severity.HIGH);
    assertThat(finding.type()).isEqualTo(FindingType.CHANGED);
    assertThat(finding.message())
        .isEqualTo("target allows ingress tcp/8080 from 0.0.0.0/0; source does not");
    assertThat(finding.rightValue()).isEqualTo("ingress tcp/8080 from 0.0.0.0/0");
    assertThat(finding.leftValue()).isNull();
    assertThat(finding.remediation())
        .isEqualTo(
            "in web ("
                + Canonical.NSG_PREFIX
                + "web), remove or narrow rule ingress tcp/8080 from"
                + " 0.0.0.0/0 (priority 200, allow-8080), or add a Deny rule for ingress tcp/8080"
                + " from 0.0.0.0/0 at priority 199");
  }

  @Test
  void parity_sourceAllowsPortTargetDoesNot_reportsBreakageWithPriorityToUse() {
    List<Finding> findings =
        parity(
            awsWeb(in("tcp", 22, 22, "10.0.0.0/8")),
            nsg("web", allowIn("allow-https", 100, "Tcp", 443, "0.0.0.0/0")));

    Finding finding = flows(findings).get(0);
    assertThat(flows(findings)).hasSize(1);
    assertThat(finding.severity()).isEqualTo(Severity.HIGH);
    assertThat(finding.message())
        .isEqualTo(
            "source allows ingress tcp/22 from 10.0.0.0/8 except 10.1.0.0/16; target does not");
    assertThat(finding.remediation())
        .endsWith(
            "add an Allow rule for ingress tcp/22 from 10.0.0.0/8 except 10.1.0.0/16 at priority 110"
                + " (before ingress all protocols from 0.0.0.0/0 (priority 65500, DenyAllInBound))");
  }

  @Test
  void parity_sameDifferenceBothDirections_exposureOneWayBreakageTheOther() {
    FirewallRuleSet narrow = sg("sg-1", "app", in("tcp", 443, 443, "0.0.0.0/0"));
    FirewallRuleSet wide =
        sg("sg-2", "app", in("tcp", 443, 443, "0.0.0.0/0"), in("tcp", 8080, 8080, "0.0.0.0/0"));

    List<Finding> forward = flows(parity(narrow, wide));
    List<Finding> backward = flows(parity(wide, narrow));

    assertThat(forward)
        .extracting(Finding::message)
        .containsExactly("target allows ingress tcp/8080 from 0.0.0.0/0; source does not");
    assertThat(forward.get(0).remediation())
        .isEqualTo(
            "in security group app (sg-2), remove or narrow ingress tcp/8080 from 0.0.0.0/0");
    assertThat(backward)
        .extracting(Finding::message)
        .containsExactly("source allows ingress tcp/8080 from 0.0.0.0/0; target does not");
    assertThat(backward.get(0).remediation())
        .isEqualTo(
            "in security group app (sg-1), add a rule allowing ingress tcp/8080 from 0.0.0.0/0");
  }

  @Test
  void parity_nsgDenyBeforeWideAllow_firstMatchWins() {
    FirewallRuleSet source =
        sg("sg-1", "web", in("tcp", 0, 65535, "0.0.0.0/0"), out("-1", 0, 0, "0.0.0.0/0"));
    FirewallRuleSet target =
        nsg(
            "web",
            denyIn("deny-ssh", 100, "Tcp", 22, "0.0.0.0/0"),
            Canonical.nsgRule(
                "allow-all-tcp",
                200,
                Direction.INGRESS,
                Action.ALLOW,
                "Tcp",
                0,
                65535,
                "0.0.0.0/0"));

    assertThat(flows(parity(source, target)))
        .extracting(Finding::message)
        .containsExactly("source allows ingress tcp/22 from 0.0.0.0/0; target does not");
  }

  @Test
  void parity_nsgAllowBeforeDeny_allowWins() {
    FirewallRuleSet source = awsWeb(in("tcp", 22, 22, "0.0.0.0/0"));
    FirewallRuleSet target =
        nsg(
            "web",
            allowIn("allow-https", 100, "Tcp", 443, "0.0.0.0/0"),
            allowIn("allow-ssh", 110, "Tcp", 22, "0.0.0.0/0"),
            denyIn("deny-ssh", 200, "Tcp", 22, "0.0.0.0/0"));

    assertThat(flows(parity(source, target))).isEmpty();
  }

  @Test
  void parity_awsDefaultEgressAgainstNsgDefaultOutboundRules_isEquivalent() {
    // AllowInternetOutBound (Internet = everything but the VNet) + AllowVnetOutBound cover
    // 0.0.0.0/0.
    FirewallRuleSet source = sg("sg-1", "web", out("-1", 0, 0, "0.0.0.0/0"));

    assertThat(flows(parity(source, nsg("web")))).isEmpty();
  }

  @Test
  void parity_ipv6RulesInVpcWithoutIpv6_cannotOccurAndAreNotCompared() {
    FirewallRuleSet source = awsWeb(out("-1", 0, 0, "::/0"), in("tcp", 443, 443, "::/0"));
    FirewallRuleSet target = nsg("web", allowIn("allow-https", 100, "Tcp", 443, "0.0.0.0/0"));

    assertThat(flows(parity(source, target))).isEmpty();
  }

  @Test
  void parity_ipv6RulesInVpcWithIpv6_areBreakageWhenTheTargetLacksThem() {
    Resource dualStack = network(AWS, "vpc-0a1b2c", "web", "10.0.0.0/16", "2600:1f18:abcd::/56");
    Resource dualVnet =
        network(
            AZURE,
            "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/web6",
            "web6",
            "10.1.0.0/16",
            "fd00:db8::/48");
    FirewallRuleSet source = awsWeb(in("tcp", 443, 443, "::/0"), out("-1", 0, 0, "::/0"));
    FirewallRuleSet target = nsg("web", allowIn("allow-https", 100, "Tcp", 443, "0.0.0.0/0"));

    List<Finding> findings =
        Parity.compare(
                inventory("state:aws", dualStack, source),
                inventory("state:azure", dualVnet, target),
                Pairing.byTagAndName())
            .findings();

    assertThat(flows(findings))
        .extracting(Finding::message)
        .containsExactly(
            "source allows ingress tcp/443 from ::/0 except fd00:db8::/48; target does not");
  }

  @Test
  void parity_internetTagAgainstPrivateSource_exposesEverythingOutsideSourceRange() {
    FirewallRuleSet source =
        sg("sg-1", "web", in("tcp", 443, 443, "10.0.0.0/8"), out("-1", 0, 0, "0.0.0.0/0"));
    FirewallRuleSet target = nsg("web", allowIn("https-internet", 100, "Tcp", 443, "tag:Internet"));

    assertThat(flows(parity(source, target)))
        .extracting(Finding::message)
        .containsExactly(
            "target allows ingress tcp/443 from 0.0.0.0/0 except 10.0.0.0/8; source does not");
  }

  @Test
  void parity_allProtocolsOpenInTarget_reportsOneAllProtocolsFlow() {
    FirewallRuleSet target =
        sg("sg-2", "web", in("-1", null, null, "0.0.0.0/0"), out("-1", 0, 0, "0.0.0.0/0"));

    assertThat(flows(parity(awsWeb(), target)))
        .extracting(Finding::message)
        .containsExactly(
            "target allows ingress all protocols other than tcp/443 from 0.0.0.0/0; source does not");
  }

  @Test
  void parity_icmpEchoOnlyAgainstAnyIcmp_reportsOtherIcmpTypes() {
    FirewallRuleSet source =
        sg("sg-1", "web", in("icmp", 8, -1, "0.0.0.0/0"), out("-1", 0, 0, "0.0.0.0/0"));
    FirewallRuleSet target =
        nsg(
            "web",
            Canonical.nsgRule(
                "icmp", 100, Direction.INGRESS, Action.ALLOW, "Icmp", 0, 65535, "0.0.0.0/0"));

    assertThat(flows(parity(source, target)))
        .extracting(Finding::message)
        .containsExactly(
            "target allows ingress icmp types 0-7 from 0.0.0.0/0; source does not",
            "target allows ingress icmp types 9-255 from 0.0.0.0/0; source does not");
  }

  @Test
  void parity_nsgRuleForOneDestination_reportsExposureToThatDestination() {
    FirewallRule sshToJumpHost =
        new FirewallRule(
            Direction.INGRESS,
            Action.ALLOW,
            "Tcp",
            22,
            22,
            "0.0.0.0/0",
            300,
            "ssh-jump",
            null,
            "10.1.0.4",
            false);

    assertThat(
            flows(
                parity(
                    awsWeb(),
                    nsg(
                        "web",
                        allowIn("allow-https", 100, "Tcp", 443, "0.0.0.0/0"),
                        sshToJumpHost))))
        .extracting(Finding::message)
        .containsExactly(
            "target allows ingress tcp/22 from 0.0.0.0/0 to 10.1.0.4/32; source does not");
  }

  @Test
  void parity_groupReferencePairedThroughPairing_comparesAsTheTargetGroup() {
    FirewallRuleSet sourceLb = sg("sg-lb-old", "lb");
    FirewallRuleSet sourceApp = sg("sg-app-old", "app", in("tcp", 8080, 8080, "sg:sg-lb-old"));
    FirewallRuleSet targetLb = sg("sg-lb-new", "lb");
    FirewallRuleSet targetApp = sg("sg-app-new", "app", in("tcp", 8080, 8080, "sg:sg-lb-new"));

    Report report =
        Parity.compare(
            inventory("aws:us-east-1", sourceLb, sourceApp),
            inventory("aws:eu-west-1", targetLb, targetApp),
            Pairing.byTagAndName());

    assertThat(report.findings()).isEmpty();
  }

  @Test
  void parity_groupReferenceWithoutCounterpart_isNotComparableInfo() {
    FirewallRuleSet source = sg("sg-app-old", "app", in("tcp", 8080, 8080, "sg:sg-elsewhere"));
    FirewallRuleSet target = sg("sg-app-new", "app", in("tcp", 8080, 8080, "10.1.0.0/24"));

    List<Finding> findings = parity(source, target);

    assertThat(findings)
        .extracting(Finding::rule, Finding::severity, Finding::message)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(
                "firewall.flow",
                Severity.HIGH,
                "target allows ingress tcp/8080 from 10.1.0.0/24; source does not"),
            org.assertj.core.groups.Tuple.tuple(
                "firewall.not-comparable",
                Severity.INFO,
                "not comparable: source allows ingress tcp/8080 from sg:sg-elsewhere; the target has no rule for this peer"));
  }

  @Test
  void parity_explicitEntryToApplicationSecurityGroup_mapsSourceGroupReferences() {
    String asg =
        "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/applicationSecurityGroups/asg-lb";
    FirewallRuleSet sourceApp = sg("sg-app", "app", in("tcp", 8080, 8080, "sg:sg-lb"));
    FirewallRuleSet sourceLb = sg("sg-lb", "lb");
    FirewallRuleSet targetApp = nsg("app", allowIn("from-lb", 100, "Tcp", 8080, "sg:" + asg));

    Report report =
        Parity.compare(
            inventory("state:aws", sourceApp, sourceLb),
            inventory("state:azure", targetApp),
            Pairing.of(Map.of("sg-lb", asg)));

    assertThat(report.findings())
        .filteredOn(f -> f.rule().startsWith("firewall."))
        .extracting(Finding::message)
        .noneMatch(m -> m.contains("8080"));
  }
}
