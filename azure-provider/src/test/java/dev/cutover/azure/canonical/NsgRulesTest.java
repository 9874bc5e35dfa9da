package dev.cutover.azure.canonical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cutover.core.CutoverException;
import dev.cutover.core.model.Action;
import dev.cutover.core.model.Direction;
import dev.cutover.core.model.FirewallRule;
import java.util.List;
import org.junit.jupiter.api.Test;

class NsgRulesTest {

  private static NsgRules.Spec spec(
      String direction,
      String protocol,
      List<String> sources,
      List<String> destinations,
      List<String> sourcePorts,
      List<String> destinationPorts) {
    return new NsgRules.Spec(
        "r",
        null,
        300,
        direction,
        "Deny",
        protocol,
        sources,
        List.of(),
        destinations,
        List.of(),
        sourcePorts,
        destinationPorts);
  }

  private static FirewallRule rule(
      Direction direction, String protocol, Integer from, Integer to, String peer, String local) {
    return new FirewallRule(
        direction, Action.DENY, protocol, from, to, peer, 300, "r", null, local, false);
  }

  @Test
  void defaults_areTheSixDocumentedRulesAllBuiltin() {
    assertThat(NsgRules.defaults())
        .containsExactlyInAnyOrder(
            new FirewallRule(
                Direction.INGRESS,
                Action.ALLOW,
                "all",
                0,
                65535,
                "tag:VirtualNetwork",
                65000,
                "AllowVnetInBound",
                "Allow inbound traffic from all VMs in VNET",
                "tag:VirtualNetwork",
                true),
            new FirewallRule(
                Direction.INGRESS,
                Action.ALLOW,
                "all",
                0,
                65535,
                "tag:AzureLoadBalancer",
                65001,
                "AllowAzureLoadBalancerInBound",
                "Allow inbound traffic from azure load balancer",
                null,
                true),
            new FirewallRule(
                Direction.INGRESS,
                Action.DENY,
                "all",
                0,
                65535,
                "0.0.0.0/0",
                65500,
                "DenyAllInBound",
                "Deny all inbound traffic",
                null,
                true),
            new FirewallRule(
                Direction.EGRESS,
                Action.ALLOW,
                "all",
                0,
                65535,
                "tag:VirtualNetwork",
                65000,
                "AllowVnetOutBound",
                "Allow outbound traffic from all VMs to all VMs in VNET",
                "tag:VirtualNetwork",
                true),
            new FirewallRule(
                Direction.EGRESS,
                Action.ALLOW,
                "all",
                0,
                65535,
                "tag:Internet",
                65001,
                "AllowInternetOutBound",
                "Allow outbound traffic from all VMs to Internet",
                null,
                true),
            new FirewallRule(
                Direction.EGRESS,
                Action.DENY,
                "all",
                0,
                65535,
                "0.0.0.0/0",
                65500,
                "DenyAllOutBound",
                "Deny all outbound traffic",
                null,
                true));
  }

  @Test
  void expand_inbound_peerIsSourceAndLocalDestinationOnePerPrefixAndRange() {
    List<FirewallRule> rules =
        NsgRules.expand(
            spec(
                "Inbound",
                "Tcp",
                List.of("Any", "10.0.0.5/24"),
                List.of("Storage.WestEurope"),
                List.of("*"),
                List.of("80", "8000-8100")),
            false);

    assertThat(rules)
        .containsExactlyInAnyOrder(
            rule(Direction.INGRESS, "tcp", 80, 80, "0.0.0.0/0", "tag:Storage.WestEurope"),
            rule(Direction.INGRESS, "tcp", 8000, 8100, "0.0.0.0/0", "tag:Storage.WestEurope"),
            rule(Direction.INGRESS, "tcp", 80, 80, "10.0.0.0/24", "tag:Storage.WestEurope"),
            rule(Direction.INGRESS, "tcp", 8000, 8100, "10.0.0.0/24", "tag:Storage.WestEurope"));
  }

  @Test
  void expand_outbound_peerIsDestinationAndAnyLocalIsNull() {
    List<FirewallRule> rules =
        NsgRules.expand(
            spec("Outbound", "Udp", List.of("*"), List.of("2001:DB8::1"), null, List.of("53")),
            false);

    assertThat(rules)
        .containsExactly(rule(Direction.EGRESS, "udp", 53, 53, "2001:db8::1/128", null));
  }

  @Test
  void expand_icmpCarriesNoPortsAndApplicationSecurityGroupsAreSgPeers() {
    NsgRules.Spec spec =
        new NsgRules.Spec(
            "ping",
            null,
            300,
            "Inbound",
            "Deny",
            "Icmp",
            List.of(),
            List.of("/asg/a"),
            List.of("*"),
            List.of(),
            List.of("*"),
            List.of("*"));

    assertThat(NsgRules.expand(spec, false))
        .containsExactly(
            new FirewallRule(
                Direction.INGRESS,
                Action.DENY,
                "icmp",
                null,
                null,
                "sg:/asg/a",
                300,
                "ping",
                null,
                null,
                false));
  }

  @Test
  void expand_sourcePortsOtherThanAnyAreKeptInTheDescription() {
    List<FirewallRule> rules =
        NsgRules.expand(
            spec(
                "Inbound",
                "Tcp",
                List.of("*"),
                List.of("*"),
                List.of("1024-65535", "*"),
                List.of("443")),
            false);

    assertThat(rules)
        .singleElement()
        .extracting(FirewallRule::description)
        .isEqualTo("srcports=1024-65535");
  }

  @Test
  void expand_partialRuleWithoutDirection_givesNoRule() {
    assertThat(NsgRules.expand(spec(null, "Tcp", null, null, null, null), false)).isEmpty();
  }

  @Test
  void expand_malformedPortRange_failsNamingTheRule() {
    assertThatThrownBy(
            () -> NsgRules.expand(spec("Inbound", "Tcp", null, null, null, List.of("http")), false))
        .isInstanceOf(CutoverException.class)
        .hasMessage(
            "NSG rule 'r': destination port range 'http' is not a port, a range (8000-8100) or *");
  }

  @Test
  void expand_anyProtocolWithOnePort_becomesTcpAndUdpOnThatPortOnly() {
    List<FirewallRule> rules =
        NsgRules.expand(
            spec("Inbound", "*", List.of("Internet"), List.of("*"), List.of("*"), List.of("80")),
            false);

    assertThat(rules)
        .containsExactlyInAnyOrder(
            rule(Direction.INGRESS, "tcp", 80, 80, "tag:Internet", null),
            rule(Direction.INGRESS, "udp", 80, 80, "tag:Internet", null));
  }

  @Test
  void expand_anyProtocolOnEveryPort_staysOneAllRule() {
    List<FirewallRule> rules =
        NsgRules.expand(
            spec("Inbound", "*", List.of("10.0.0.0/8"), List.of("*"), List.of("*"), List.of("*")),
            false);

    assertThat(rules).containsExactly(rule(Direction.INGRESS, "all", 0, 65535, "10.0.0.0/8", null));
  }
}
