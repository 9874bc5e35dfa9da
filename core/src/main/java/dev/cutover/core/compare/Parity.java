package dev.cutover.core.compare;

import dev.cutover.core.model.Database;
import dev.cutover.core.model.DnsRecordSet;
import dev.cutover.core.model.FirewallRuleSet;
import dev.cutover.core.model.Inventory;
import dev.cutover.core.model.LoadBalancer;
import dev.cutover.core.model.Network;
import dev.cutover.core.model.Resource;
import dev.cutover.core.model.ResourceKind;
import dev.cutover.core.model.Subnet;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Parity: the source (left) against the target (right), usually across clouds, comparing meaning
 * rather than fields (a security group and an NSG as the flows each allows). The rules are listed
 * in {@link Rules} and {@code docs/rules.md}.
 *
 * <p>Resources pair by the explicit map, then the pairing tag, then the name (see {@link Pairing}).
 * An unpaired source resource is {@code missing} (high for firewalls, load balancers, databases and
 * DNS record sets, medium for networks and subnets); an unpaired target resource {@code unmanaged}
 * (low). DNS record sets take part only when the switch can move them: a record set that is itself
 * weighted, named in the explicit map, or of the name and type of a weighted set on the other side
 * (so a weighted source record whose target counterpart is simple gets {@code dns.weighted}, not
 * {@code missing}); the others (NS, SOA, MX, ...) are not compared. What a cloud creates by itself
 * ({@link dev.cutover.core.model.ResourceMeta#cloudDefault()}: AWS's default VPC, subnets and
 * security groups) is compared when it pairs and not reported when it does not.
 */
public final class Parity {

  private Parity() {}

  /**
   * Compares two inventories.
   *
   * @param source the source inventory (live, state or snapshot)
   * @param target the target inventory
   * @param pairing how resources pair
   * @return the findings, with {@code left}/{@code right} of the report set to the inventories'
   *     sources
   * @throws dev.cutover.core.CutoverException for an explicit pair that names several resources,
   *     pairs two kinds, or pairs a resource twice
   */
  public static Report compare(Inventory source, Inventory target, Pairing pairing) {
    Findings out = new Findings();
    Map<String, NetworkSpace> sourceSpaces = NetworkSpace.byCloud(source);
    Map<String, NetworkSpace> targetSpaces = NetworkSpace.byCloud(target);
    Pairer.Result result =
        Pairer.pair(
            participating(source.resources(), pairing.explicit().keySet(), weighted(target)),
            participating(target.resources(), pairing.explicit().values(), weighted(source)),
            pairing);
    for (Pairer.Pair pair : result.pairs()) {
      compare(pair.source(), pair.target(), sourceSpaces, targetSpaces, result, out);
    }
    for (Resource missing : userMade(result.unpairedSource())) {
      boolean network =
          missing.kind() == ResourceKind.NETWORK || missing.kind() == ResourceKind.SUBNET;
      out.missing(Rules.RESOURCE_MISSING, ResourceRef.of(missing))
          .severity(network ? Severity.MEDIUM : Severity.HIGH)
          .fix(
              "build it in the target, or pair it with its counterpart in cutover.yaml (pairs:) or"
                  + " with the tag "
                  + pairing.tagKey())
          .add("source " + Kinds.label(missing.kind()) + " has no counterpart in the target");
    }
    for (Resource unmanaged : userMade(result.unpairedTarget())) {
      out.unmanaged(Rules.RESOURCE_UNMANAGED, ResourceRef.of(unmanaged))
          .fix("pair it in cutover.yaml (pairs:) if it stands for a source resource")
          .add("target " + Kinds.label(unmanaged.kind()) + " has no counterpart in the source");
    }
    return new Report(Comparison.PARITY, source.source(), target.source(), out.list());
  }

  private static List<Resource> userMade(List<Resource> resources) {
    return resources.stream().filter(r -> !r.meta().cloudDefault()).toList();
  }

  private static void compare(
      Resource s,
      Resource t,
      Map<String, NetworkSpace> sourceSpaces,
      Map<String, NetworkSpace> targetSpaces,
      Pairer.Result result,
      Findings out) {
    if (s instanceof Network sn && t instanceof Network tn) {
      NetworkParity.networks(sn, tn, out);
    } else if (s instanceof Subnet ss && t instanceof Subnet ts) {
      NetworkParity.subnets(ss, ts, out);
    } else if (s instanceof FirewallRuleSet sf && t instanceof FirewallRuleSet tf) {
      FirewallParity.compare(
          sf,
          tf,
          sourceSpaces.getOrDefault(sf.meta().cloud(), NetworkSpace.none()),
          targetSpaces.getOrDefault(tf.meta().cloud(), NetworkSpace.none()),
          result.groupMap(),
          out);
    } else if (s instanceof LoadBalancer sl && t instanceof LoadBalancer tl) {
      LoadBalancerParity.compare(sl, tl, out);
    } else if (s instanceof Database sd && t instanceof Database td) {
      DatabaseParity.compare(sd, td, out);
    } else if (s instanceof DnsRecordSet sr && t instanceof DnsRecordSet tr) {
      DnsParity.compare(sr, tr, out);
    }
  }

  /**
   * The resources that take part. DNS record sets take part when the switch could move them:
   * weighted, named in the explicit map, or of the name and type of a weighted set on the other
   * side (so a target that answers with a simple record is reported as not weighted, not as
   * missing).
   */
  private static List<Resource> participating(
      List<Resource> resources, Collection<String> explicit, Set<String> weightedOtherSide) {
    return resources.stream()
        .filter(
            r ->
                !(r instanceof DnsRecordSet dns)
                    || DnsParity.isWeighted(dns)
                    || weightedOtherSide.contains(Pairer.nameKey(dns))
                    || explicit.stream().anyMatch(ref -> Pairer.matches(r, ref)))
        .toList();
  }

  /** The name keys ({@link Pairer#nameKey}) of an inventory's weighted record sets. */
  private static Set<String> weighted(Inventory inventory) {
    return inventory
        .ofType(DnsRecordSet.class)
        .filter(DnsParity::isWeighted)
        .map(Pairer::nameKey)
        .collect(Collectors.toSet());
  }
}
