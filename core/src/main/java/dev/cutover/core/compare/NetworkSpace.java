package dev.cutover.core.compare;

import dev.cutover.core.compare.flow.Addresses;
import dev.cutover.core.compare.flow.FirewallFlows;
import dev.cutover.core.compare.flow.FlowSpace;
import dev.cutover.core.model.Cidrs;
import dev.cutover.core.model.Inventory;
import dev.cutover.core.model.Network;
import inet.ipaddr.IPAddressSeqRangeList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The address space of one cloud's networks in an inventory, by family: what {@code
 * tag:VirtualNetwork} stands for and {@code tag:Internet} excludes. Not modified after {@link
 * #byCloud(Inventory)} returns, so one instance serves every firewall of its cloud.
 */
record NetworkSpace(IPAddressSeqRangeList v4, IPAddressSeqRangeList v6) {

  /** A space without addresses: a cloud of which the inventory holds no network. */
  static NetworkSpace none() {
    return new NetworkSpace(new IPAddressSeqRangeList(), new IPAddressSeqRangeList());
  }

  /**
   * The space of each cloud's networks in the inventory, by cloud id (clouds with networks only).
   */
  static Map<String, NetworkSpace> byCloud(Inventory inventory) {
    Map<String, NetworkSpace> spaces = new HashMap<>();
    inventory
        .ofType(Network.class)
        .forEach(
            network -> {
              NetworkSpace space = spaces.computeIfAbsent(network.meta().cloud(), cloud -> none());
              for (String cidr : network.cidrs()) {
                (Addresses.family(cidr).equals(FlowSpace.IPV4) ? space.v4 : space.v6)
                    .add(Cidrs.parse(cidr));
              }
            });
    return spaces;
  }

  FirewallFlows.Context context(List<String> universe) {
    return new FirewallFlows.Context(v4, v6, universe);
  }
}
