package dev.cutover.core.compare;

import dev.cutover.core.compare.flow.Addresses;
import dev.cutover.core.compare.flow.FlowSpace;
import dev.cutover.core.model.Network;
import dev.cutover.core.model.Subnet;
import inet.ipaddr.IPAddressSeqRangeList;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Parity of networks and subnets: address ranges compared as sets ({@code network.cidrs}, {@code
 * subnet.cidrs}), and overlap between the two networks ({@code network.overlap}).
 */
final class NetworkParity {

  private NetworkParity() {}

  static void networks(Network source, Network target, Findings out) {
    Findings.Pair pair = out.about(source, target);
    ranges(Rules.NETWORK_CIDRS, "address space", pair, source.cidrs(), target.cidrs());
    List<String> overlap = new ArrayList<>();
    for (String family : List.of(FlowSpace.IPV4, FlowSpace.IPV6)) {
      addDescribed(
          overlap, of(source.cidrs(), family).intersectIntoList(of(target.cidrs(), family)));
    }
    if (!overlap.isEmpty()) {
      pair.changed(Rules.NETWORK_OVERLAP)
          .attribute("cidrs")
          .values(source.cidrs(), target.cidrs())
          .fix(
              "nothing to do for a DNS-only cutover; renumber one side before connecting the"
                  + " clouds by VPN or peering")
          .add(
              "source and target address spaces overlap in "
                  + String.join(", ", overlap)
                  + ": the two networks cannot be connected by VPN or peering as they are");
    }
  }

  static void subnets(Subnet source, Subnet target, Findings out) {
    ranges(Rules.SUBNET_CIDRS, "subnet", out.about(source, target), cidrs(source), cidrs(target));
  }

  /** A subnet's ranges: its primary range and any further ones. */
  static List<String> cidrs(Subnet subnet) {
    return Stream.concat(Stream.ofNullable(subnet.cidr()), subnet.additionalCidrs().stream())
        .toList();
  }

  private static void ranges(
      Rule rule, String what, Findings.Pair pair, List<String> source, List<String> target) {
    List<String> missing = new ArrayList<>();
    List<String> extra = new ArrayList<>();
    for (String family : List.of(FlowSpace.IPV4, FlowSpace.IPV6)) {
      IPAddressSeqRangeList s = of(source, family);
      IPAddressSeqRangeList t = of(target, family);
      addDescribed(missing, s.removeIntoList(t));
      addDescribed(extra, t.removeIntoList(s));
    }
    if (!missing.isEmpty()) {
      pair.changed(rule)
          .attribute("cidrs")
          .values(source, target)
          .fix(
              "add "
                  + String.join(", ", missing)
                  + " to the target "
                  + what
                  + ", or ignore "
                  + rule.id()
                  + " for this resource in the policy if the target is renumbered on purpose")
          .add("target " + what + " lacks " + String.join(", ", missing) + " that the source has");
    }
    if (!extra.isEmpty()) {
      pair.changed(rule)
          .severity(Severity.LOW)
          .attribute("cidrs")
          .values(source, target)
          .add("target " + what + " also has " + String.join(", ", extra));
    }
  }

  private static void addDescribed(List<String> texts, IPAddressSeqRangeList ranges) {
    if (!ranges.isEmpty()) {
      texts.add(Addresses.describe(ranges));
    }
  }

  private static IPAddressSeqRangeList of(List<String> cidrs, String family) {
    return Addresses.of(cidrs.stream().filter(c -> Addresses.family(c).equals(family)).toList());
  }
}
