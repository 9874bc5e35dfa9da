package dev.cutover.core.compare.flow;

import dev.cutover.core.model.Cidrs;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressSeqRangeList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Address sets of one family, through the IPAddress library's range lists. */
public final class Addresses {

  private static final String ALL_V4 = "0.0.0.0/0";
  private static final String ALL_V6 = "::/0";

  private Addresses() {}

  /** The family key ({@link FlowSpace#IPV4} or {@link FlowSpace#IPV6}) of a CIDR. */
  public static String family(String cidr) {
    return Cidrs.parse(cidr).isIPv4() ? FlowSpace.IPV4 : FlowSpace.IPV6;
  }

  /** The set holding exactly this CIDR. */
  public static IPAddressSeqRangeList of(String cidr) {
    IPAddressSeqRangeList list = new IPAddressSeqRangeList();
    list.add(Cidrs.parse(cidr));
    return list;
  }

  /** The set holding these CIDRs of one family (empty if none). */
  public static IPAddressSeqRangeList of(List<String> cidrs) {
    IPAddressSeqRangeList list = new IPAddressSeqRangeList();
    cidrs.forEach(cidr -> list.add(Cidrs.parse(cidr)));
    return list;
  }

  /** The whole address space of a family. */
  public static IPAddressSeqRangeList whole(String family) {
    return of(family.equals(FlowSpace.IPV4) ? ALL_V4 : ALL_V6);
  }

  /** The CIDR blocks spanning the set exactly, canonical. */
  public static List<String> blocks(IPAddressSeqRangeList set) {
    return Arrays.stream(set.spanWithPrefixBlocks())
        .map(IPAddress::toCanonicalString)
        .collect(Collectors.toList());
  }

  /**
   * The set as a person reads it: its CIDR blocks ({@code 10.0.0.0/16, 10.2.0.0/16}), or the
   * smallest block covering it with exceptions when that is shorter ({@code 0.0.0.0/0 except
   * 10.1.0.0/16}, {@code 10.0.0.0/8 except 10.1.0.0/16}).
   */
  public static String describe(IPAddressSeqRangeList set) {
    List<String> blocks = blocks(set);
    if (blocks.size() <= 1) {
      return blocks.isEmpty() ? "(none)" : blocks.get(0);
    }
    IPAddress cover = set.coverWithPrefixBlock();
    IPAddressSeqRangeList rest = new IPAddressSeqRangeList();
    rest.add(cover);
    List<String> except = blocks(rest.removeIntoList(set));
    if (except.size() + 1 < blocks.size()) {
      return cover.toCanonicalString() + " except " + String.join(", ", except);
    }
    return String.join(", ", blocks);
  }
}
