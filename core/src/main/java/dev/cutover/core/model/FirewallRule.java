package dev.cutover.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Comparator;
import java.util.Locale;
import java.util.Objects;

/**
 * One canonical firewall rule: one peer, one protocol, one port range.
 *
 * <p>Normalised on construction, so that rules from state and from the APIs compare equal:
 *
 * <ul>
 *   <li>{@code protocol} is {@code tcp|udp|icmp|icmpv6|all} or the IANA protocol number as a string
 *       for others; AWS {@code -1}, Azure {@code *} and {@code Any} become {@code all}, and the
 *       numbers 6, 17, 1 and 58 their names, and Azure {@code Esp}/{@code Ah} their numbers 50/51
 *       (IANA Protocol Numbers registry).
 *   <li>{@code all} spans ports 0–65535, whatever was given.
 *   <li>For {@code icmp}/{@code icmpv6}, {@code fromPort} is the ICMP type and {@code toPort} the
 *       code (the AWS convention); {@code -1} (any) becomes null.
 *   <li>A CIDR {@code peer} takes the canonical form of {@link Cidrs#canonical(String)}.
 * </ul>
 *
 * @param direction ingress or egress
 * @param action allow or deny
 * @param protocol as above
 * @param fromPort first port (inclusive), or null for any
 * @param toPort last port (inclusive), or null for any
 * @param peer a CIDR (IPv4 or IPv6), {@code sg:<id>} for a security-group reference, {@code
 *     pl:<id>} for an AWS prefix list, or {@code tag:<ServiceTag>} for an Azure service tag
 * @param priority the NSG priority (100–4096, defaults 65000+); null for AWS
 * @param name the NSG rule name; null for AWS
 * @param description free text from the cloud; null if empty
 * @param local for NSG rules, the prefix on the protected side (destination of an inbound rule,
 *     source of an outbound one) in the same forms as {@code peer}; null where the rule applies to
 *     whatever the group is attached to (AWS, and NSG {@code *})
 * @param builtin true for rules the cloud adds by itself (NSG default rules)
 */
public record FirewallRule(
    Direction direction,
    Action action,
    String protocol,
    Integer fromPort,
    Integer toPort,
    String peer,
    @JsonInclude(JsonInclude.Include.ALWAYS) Integer priority,
    @JsonInclude(JsonInclude.Include.NON_NULL) String name,
    @JsonInclude(JsonInclude.Include.NON_NULL) String description,
    @JsonInclude(JsonInclude.Include.NON_NULL) String local,
    @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean builtin)
    implements Comparable<FirewallRule> {

  /** The whole port range, which protocol {@code all} always spans. */
  public static final int MAX_PORT = 65535;

  private static final Comparator<String> NULLS_FIRST = Comparator.nullsFirst(String::compareTo);
  private static final Comparator<Integer> INT_NULLS_FIRST =
      Comparator.nullsFirst(Integer::compareTo);

  /** Canonical order: direction, priority, action, protocol, ports, peer, local, name. */
  private static final Comparator<FirewallRule> ORDER =
      Comparator.comparing(FirewallRule::direction)
          .thenComparing(FirewallRule::priority, INT_NULLS_FIRST)
          .thenComparing(FirewallRule::action)
          .thenComparing(FirewallRule::protocol)
          .thenComparing(FirewallRule::fromPort, INT_NULLS_FIRST)
          .thenComparing(FirewallRule::toPort, INT_NULLS_FIRST)
          .thenComparing(FirewallRule::peer, NULLS_FIRST)
          .thenComparing(FirewallRule::local, NULLS_FIRST)
          .thenComparing(FirewallRule::name, NULLS_FIRST);

  public FirewallRule {
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(peer, "peer");
    protocol = canonicalProtocol(protocol);
    if (protocol.equals("all")) {
      fromPort = 0;
      toPort = MAX_PORT;
    } else if (protocol.equals("icmp") || protocol.equals("icmpv6")) {
      fromPort = fromPort == null || fromPort < 0 ? null : fromPort;
      toPort = toPort == null || toPort < 0 ? null : toPort;
    }
    peer = canonicalPeer(peer);
    local = local == null ? null : canonicalPeer(local);
    description = description == null || description.isBlank() ? null : description;
  }

  /** An AWS-style rule: allow, no priority, no name, no local side. */
  public static FirewallRule allow(
      Direction direction, String protocol, Integer fromPort, Integer toPort, String peer) {
    return new FirewallRule(
        direction, Action.ALLOW, protocol, fromPort, toPort, peer, null, null, null, null, false);
  }

  /** A copy without the fields that do not change what traffic passes (name, description). */
  public FirewallRule withoutLabels() {
    return new FirewallRule(
        direction, action, protocol, fromPort, toPort, peer, priority, null, null, local, builtin);
  }

  /**
   * The canonical protocol name for {@code tcp}, {@code TCP}, {@code 6}, {@code -1}, {@code *},
   * {@code Any}, ... (IANA Protocol Numbers: 1 icmp, 6 tcp, 17 udp, 58 ipv6-icmp).
   */
  public static String canonicalProtocol(String protocol) {
    if (protocol == null) {
      return "all";
    }
    String p = protocol.trim().toLowerCase(Locale.ROOT);
    switch (p) {
      case "-1":
      case "*":
      case "any":
      case "all":
      case "":
        return "all";
      case "6":
      case "tcp":
        return "tcp";
      case "17":
      case "udp":
        return "udp";
      case "1":
      case "icmp":
        return "icmp";
      case "58":
      case "icmpv6":
      case "ipv6-icmp":
        return "icmpv6";
      case "esp":
        return "50";
      case "ah":
        return "51";
      default:
        return p;
    }
  }

  private static String canonicalPeer(String peer) {
    if (peer.startsWith("sg:") || peer.startsWith("pl:") || peer.startsWith("tag:")) {
      return peer;
    }
    return Cidrs.canonical(peer);
  }

  @Override
  public int compareTo(FirewallRule other) {
    return ORDER.compare(this, other);
  }
}
