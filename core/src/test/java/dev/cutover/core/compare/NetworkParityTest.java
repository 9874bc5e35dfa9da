package dev.cutover.core.compare;

import static dev.cutover.core.compare.Canonical.AWS;
import static dev.cutover.core.compare.Canonical.AZURE;
import static dev.cutover.core.compare.Canonical.meta;
import static dev.cutover.core.compare.Canonical.network;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.cutover.core.model.Network;
import dev.cutover.core.model.Subnet;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkParityTest {

  private static List<Finding> compare(Network source, Network target) {
    Findings out = new Findings();
    NetworkParity.networks(source, target, out);
    return out.list();
  }

  private static Network vpc(String... cidrs) {
    return network(AWS, "vpc-1", "main", cidrs);
  }

  private static Network vnet(String... cidrs) {
    return network(
        AZURE,
        "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/main",
        "main",
        cidrs);
  }

  @Test
  void networks_targetLacksRange_isMedium_extraRangeIsLow() {
    List<Finding> findings =
        compare(vpc("10.0.0.0/16", "10.2.0.0/16"), vnet("10.0.0.0/16", "10.9.0.0/16"));

    assertThat(findings)
        .extracting(Finding::rule, Finding::severity, Finding::message)
        .containsExactly(
            tuple(
                "network.cidrs",
                Severity.MEDIUM,
                "target address space lacks 10.2.0.0/16 that the source has"),
            tuple("network.cidrs", Severity.LOW, "target address space also has 10.9.0.0/16"),
            tuple(
                "network.overlap",
                Severity.INFO,
                "source and target address spaces overlap in 10.0.0.0/16: the two networks cannot be"
                    + " connected by VPN or peering as they are"));
  }

  @Test
  void networks_rangesComparedAsSets_notAsStrings() {
    // 10.0.0.0/16 is exactly 10.0.0.0/17 + 10.0.128.0/17: no range missing either way.
    assertThat(compare(vpc("10.0.0.0/16"), vnet("10.0.128.0/17", "10.0.0.0/17")))
        .extracting(Finding::rule)
        .containsExactly("network.overlap");
  }

  @Test
  void networks_renumberedTarget_reportsBothDirectionsAndNoOverlap() {
    List<Finding> forward = compare(vpc("10.0.0.0/16"), vnet("10.1.0.0/16"));
    List<Finding> backward = compare(vpc("10.1.0.0/16"), vnet("10.0.0.0/16"));

    assertThat(forward)
        .extracting(Finding::message)
        .containsExactly(
            "target address space lacks 10.0.0.0/16 that the source has",
            "target address space also has 10.1.0.0/16");
    assertThat(backward)
        .extracting(Finding::message)
        .containsExactly(
            "target address space lacks 10.1.0.0/16 that the source has",
            "target address space also has 10.0.0.0/16");
  }

  @Test
  void subnets_primaryAndAdditionalRanges_comparedAsOneSet() {
    Subnet aws =
        new Subnet(
            meta(AWS, "subnet-1", "app"),
            "vpc-1",
            "10.0.1.0/24",
            List.of("2600:1f18:abcd:100::/64"),
            "us-east-1a");
    Subnet azure =
        new Subnet(
            meta(AZURE, "/subscriptions/s/x/subnets/app", "app"),
            "vnet",
            "10.0.1.0/24",
            List.of(),
            null);
    Findings out = new Findings();

    NetworkParity.subnets(aws, azure, out);

    assertThat(out.list())
        .extracting(Finding::rule, Finding::severity, Finding::message)
        .containsExactly(
            tuple(
                "subnet.cidrs",
                Severity.MEDIUM,
                "target subnet lacks 2600:1f18:abcd:100::/64 that the source has"));
  }
}
