package dev.cutover.core.compare;

import dev.cutover.core.compare.flow.Addresses;
import dev.cutover.core.compare.flow.FirewallFlows;
import dev.cutover.core.compare.flow.FlowSpace;
import dev.cutover.core.model.Cidrs;
import dev.cutover.core.model.Inventory;
import dev.cutover.core.model.Network;
import inet.ipaddr.IPAddressSeqRangeList;
import java.util.List;

/**
 * The address space of one cloud's networks in an inventory, by family: what {@code
 * tag:VirtualNetwork} stands for and {@code tag:Internet} excludes. Not modified after creation.
 */
record NetworkSpace(IPAddressSeqRangeList v4, IPAddressSeqRangeList v6) {

  static NetworkSpace of(Inventory inventory, String cloud) {
    IPAddressSeqRangeList v4 = new IPAddressSeqRangeList();
    IPAddressSeqRangeList v6 = new IPAddressSeqRangeList();
    inventory
        .ofType(Network.class)
        .filter(n -> n.meta().cloud().equals(cloud))
        .flatMap(n -> n.cidrs().stream())
        .forEach(
            cidr ->
                (Addresses.family(cidr).equals(FlowSpace.IPV4) ? v4 : v6).add(Cidrs.parse(cidr)));
    return new NetworkSpace(v4, v6);
  }

  FirewallFlows.Context context(List<String> universe) {
    return new FirewallFlows.Context(v4, v6, universe);
  }
}
