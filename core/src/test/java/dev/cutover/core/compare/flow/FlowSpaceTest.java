package dev.cutover.core.compare.flow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutover.core.compare.flow.FlowSpace.Key;
import dev.cutover.core.model.Direction;
import dev.cutover.core.model.FirewallRule;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlowSpaceTest {

  private static final Key TCP_V4 = new Key(Direction.INGRESS, "tcp", FlowSpace.IPV4);

  private static FlowSpace tcp(int from, int to, String cidr) {
    return FlowSpace.of(TCP_V4, PortMap.of(from, to, Addresses.of(cidr)));
  }

  @Test
  void minus_portHole_splitsIntoTwoSegments() {
    FlowSpace rest = tcp(0, 65535, "0.0.0.0/0").minus(tcp(22, 22, "0.0.0.0/0"));

    assertThat(rest.get(TCP_V4).segments())
        .extracting(PortMap.Segment::from, PortMap.Segment::to)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(0, 21),
            org.assertj.core.groups.Tuple.tuple(23, 65535));
  }

  @Test
  void minus_addressHole_keepsPortsWithRemainingAddresses() {
    FlowSpace rest = tcp(443, 443, "0.0.0.0/0").minus(tcp(443, 443, "10.0.0.0/8"));

    assertThat(Addresses.describe(rest.get(TCP_V4).segments().get(0).addresses()))
        .isEqualTo("0.0.0.0/0 except 10.0.0.0/8");
  }

  @Test
  void union_adjacentRangesWithSameAddresses_mergeIntoOneSegment() {
    FlowSpace merged = tcp(80, 80, "10.0.0.0/16").union(tcp(81, 90, "10.0.0.0/16"));

    assertThat(merged).isEqualTo(tcp(80, 90, "10.0.0.0/16"));
  }

  @Test
  void union_thenMinus_sameSpace_isEmpty() {
    FlowSpace a = tcp(80, 90, "10.0.0.0/16").union(tcp(85, 100, "10.1.0.0/16"));

    assertThat(a.minus(tcp(0, 65535, "10.0.0.0/15")).isEmpty()).isTrue();
    assertThat(a.minus(tcp(0, 65535, "10.0.0.0/16")).isEmpty()).isFalse();
  }

  @Test
  void describe_rangeWithHole_namesCoverAndException() {
    assertThat(
            Addresses.describe(
                Addresses.of("10.0.0.0/8").removeIntoList(Addresses.of("10.1.0.0/16"))))
        .isEqualTo("10.0.0.0/8 except 10.1.0.0/16");
  }

  @Test
  void describe_fewBlocks_listsThem() {
    assertThat(Addresses.describe(Addresses.of(List.of("10.0.0.0/16", "10.2.0.0/16"))))
        .isEqualTo("10.0.0.0/16, 10.2.0.0/16");
    assertThat(Addresses.describe(Addresses.whole(FlowSpace.IPV6))).isEqualTo("::/0");
  }

  @Test
  void portRange_icmpTypeWithoutCode_isEveryCodeOfThatType() {
    FirewallRule echo = FirewallRule.allow(Direction.INGRESS, "icmp", 8, -1, "0.0.0.0/0");

    assertThat(FirewallFlows.portRange(echo, "icmp")).containsExactly(8 * 256, 8 * 256 + 255);
    assertThat(FlowText.rule(echo)).isEqualTo("ingress icmp type 8 from 0.0.0.0/0");
  }

  @Test
  void portRange_azureIcmpStar_isEveryTypeAndCode() {
    FirewallRule any = FirewallRule.allow(Direction.INGRESS, "Icmp", 0, 65535, "0.0.0.0/0");

    assertThat(FirewallFlows.portRange(any, "icmp")).containsExactly(0, 65535);
  }

  @Test
  void items_everyProtocolOnEveryPort_isOneAllProtocolsItem() {
    List<String> universe = FirewallFlows.universe(List.of());
    FirewallRule all = FirewallRule.allow(Direction.EGRESS, "-1", null, null, "0.0.0.0/0");
    FlowSpace box =
        FirewallFlows.box(
            all,
            new FirewallFlows.Context(Addresses.of(List.of()), Addresses.of(List.of()), universe));

    assertThat(FlowText.items(box, universe, FirewallFlows.GENERAL))
        .extracting(FlowText.Item::text)
        .containsExactly("egress all protocols to 0.0.0.0/0");
  }
}
