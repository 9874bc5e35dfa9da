package dev.cutover.aws.mapping;

import dev.cutover.core.CutoverException;
import dev.cutover.core.model.Action;
import dev.cutover.core.model.Direction;
import dev.cutover.core.model.FirewallRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Canonical firewall rules from AWS security group permissions, the same way for Terraform state
 * and for {@code DescribeSecurityGroups}: one rule per peer and port range (brief, "Firewall
 * rules"). A permission names its peers as IPv4 CIDRs, IPv6 CIDRs, prefix lists ({@code pl:<id>}),
 * security groups ({@code sg:<id>}, any {@code ACCOUNT/} prefix stripped) and {@code self} ({@code
 * sg:<own id>}); each becomes one rule, action allow, no priority, no local side. Protocol {@code
 * -1} spans all ports; ICMP ports are type and code (EC2 API Reference, "IpPermission").
 */
public final class SecurityGroupRules {

  private static final Logger LOG = LoggerFactory.getLogger(SecurityGroupRules.class);

  private SecurityGroupRules() {}

  /**
   * The peers of one permission.
   *
   * @param ipv4 IPv4 CIDRs
   * @param ipv6 IPv6 CIDRs
   * @param prefixLists prefix list ids ({@code pl-...})
   * @param groups referenced group ids, optionally {@code ACCOUNT/sg-...}
   * @param self true if the group references itself
   */
  public record Peers(
      List<String> ipv4,
      List<String> ipv6,
      List<String> prefixLists,
      List<String> groups,
      boolean self) {

    public Peers {
      ipv4 = ipv4 == null ? List.of() : List.copyOf(ipv4);
      ipv6 = ipv6 == null ? List.of() : List.copyOf(ipv6);
      prefixLists = prefixLists == null ? List.of() : List.copyOf(prefixLists);
      groups = groups == null ? List.of() : List.copyOf(groups);
    }

    /** The peers in canonical peer form ({@code 10.0.0.0/8}, {@code pl:..}, {@code sg:..}). */
    List<String> canonical(String ownGroupId) {
      List<String> peers = new ArrayList<>();
      peers.addAll(ipv4);
      peers.addAll(ipv6);
      prefixLists.forEach(id -> peers.add("pl:" + id));
      groups.forEach(id -> peers.add(groupPeer(id)));
      if (self && ownGroupId != null) {
        peers.add(groupPeer(ownGroupId));
      }
      return peers;
    }
  }

  /**
   * One rule per peer of a permission.
   *
   * @param protocol AWS protocol name or number; {@code -1} for all
   * @param fromPort first port or ICMP type; null or -1 for any
   * @param toPort last port or ICMP code; null or -1 for any
   * @param ownGroupId the id of the group the permission belongs to (for {@code self})
   * @param description the permission's description, or null
   * @param where the state address or API resource, for the log line of a skipped peer
   */
  public static List<FirewallRule> rules(
      Direction direction,
      String protocol,
      Integer fromPort,
      Integer toPort,
      Peers peers,
      String ownGroupId,
      String description,
      String where) {
    List<FirewallRule> rules = new ArrayList<>();
    for (String peer : peers.canonical(ownGroupId)) {
      rule(direction, protocol, fromPort, toPort, peer, description, where).ifPresent(rules::add);
    }
    return rules;
  }

  /**
   * One rule for one peer already in canonical peer form; empty (and logged) if the peer is not a
   * CIDR or reference, so that one bad value does not fail a whole read.
   */
  public static Optional<FirewallRule> rule(
      Direction direction,
      String protocol,
      Integer fromPort,
      Integer toPort,
      String peer,
      String description,
      String where) {
    if (peer == null || peer.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new FirewallRule(
              direction,
              Action.ALLOW,
              protocol,
              fromPort,
              toPort,
              peer,
              null,
              null,
              description,
              null,
              false));
    } catch (CutoverException e) {
      LOG.warn("{}: rule peer '{}' is not a CIDR or reference; rule skipped", where, peer);
      return Optional.empty();
    }
  }

  /**
   * The canonical peer of a group reference: {@code sg:<id>}, without the {@code ACCOUNT/} prefix
   * cross-account references carry.
   */
  public static String groupPeer(String groupRef) {
    int slash = groupRef.lastIndexOf('/');
    return "sg:" + (slash < 0 ? groupRef : groupRef.substring(slash + 1));
  }
}
