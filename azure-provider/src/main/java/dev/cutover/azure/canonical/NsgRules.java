package dev.cutover.azure.canonical;

import dev.cutover.core.CutoverException;
import dev.cutover.core.model.Action;
import dev.cutover.core.model.Cidrs;
import dev.cutover.core.model.Direction;
import dev.cutover.core.model.FirewallRule;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Network security group rules in canonical form, one definition for the state mapper and the live
 * scan so that the same NSG compares equal from both sides.
 *
 * <p>One NSG rule becomes one {@link FirewallRule} per (peer prefix × local prefix × destination
 * port range):
 *
 * <ul>
 *   <li>Inbound: peer = source, local = destination; Outbound: peer = destination, local = source.
 *   <li>Address prefixes: {@code *}, {@code Any} and {@code 0.0.0.0/0} are {@code 0.0.0.0/0} as a
 *       peer and null (anything the NSG protects) as local; a CIDR or address is its canonical
 *       CIDR; anything else is a service tag, {@code tag:<Name>} ({@code Internet}, {@code
 *       VirtualNetwork}, {@code AzureLoadBalancer}, {@code Storage.WestEurope}, ...); an
 *       application security group is {@code sg:<asg id>}.
 *   <li>Destination ports: {@code *} is 0–65535, {@code 80} is 80–80, {@code 8000-8100} is
 *       8000–8100; ICMP rules carry no ports (any type and code). Source ports are not part of the
 *       canonical rule: a source range other than {@code *} is kept as {@code srcports=<ranges>} at
 *       the start of the description.
 *   <li>{@code priority} and {@code name} as the NSG has them.
 * </ul>
 *
 * <p>Sources: "Network security groups" and "Security rules" (Microsoft Learn,
 * learn.microsoft.com/azure/virtual-network/network-security-groups-overview); "Virtual network
 * service tags" (learn.microsoft.com/azure/virtual-network/service-tags-overview).
 */
public final class NsgRules {

  /**
   * One NSG rule as both Terraform ({@code security_rule}, {@code azurerm_network_security_rule})
   * and ARM ({@code securityRules}, {@code defaultSecurityRules}) describe it. Singular and plural
   * forms of a field ({@code source_address_prefix} and {@code source_address_prefixes}) are
   * concatenated by the caller; null or empty lists mean {@code *}.
   */
  public record Spec(
      String name,
      String description,
      Integer priority,
      String direction,
      String access,
      String protocol,
      List<String> sourcePrefixes,
      List<String> sourceAsgIds,
      List<String> destinationPrefixes,
      List<String> destinationAsgIds,
      List<String> sourcePortRanges,
      List<String> destinationPortRanges) {}

  /**
   * The six rules Azure adds to every NSG, as the ARM API returns them in {@code
   * defaultSecurityRules} (names, priorities, prefixes and descriptions): "Default security rules",
   * learn.microsoft.com/azure/virtual-network/network-security-groups-overview#default-security-rules.
   */
  private static final List<Spec> DEFAULT_SPECS =
      List.of(
          defaultSpec(
              "AllowVnetInBound",
              "Allow inbound traffic from all VMs in VNET",
              65000,
              "Inbound",
              "Allow",
              "VirtualNetwork",
              "VirtualNetwork"),
          defaultSpec(
              "AllowAzureLoadBalancerInBound",
              "Allow inbound traffic from azure load balancer",
              65001,
              "Inbound",
              "Allow",
              "AzureLoadBalancer",
              "*"),
          defaultSpec(
              "DenyAllInBound", "Deny all inbound traffic", 65500, "Inbound", "Deny", "*", "*"),
          defaultSpec(
              "AllowVnetOutBound",
              "Allow outbound traffic from all VMs to all VMs in VNET",
              65000,
              "Outbound",
              "Allow",
              "VirtualNetwork",
              "VirtualNetwork"),
          defaultSpec(
              "AllowInternetOutBound",
              "Allow outbound traffic from all VMs to Internet",
              65001,
              "Outbound",
              "Allow",
              "*",
              "Internet"),
          defaultSpec(
              "DenyAllOutBound", "Deny all outbound traffic", 65500, "Outbound", "Deny", "*", "*"));

  private static final List<FirewallRule> DEFAULT_RULES =
      DEFAULT_SPECS.stream().flatMap(spec -> expand(spec, true).stream()).toList();

  private NsgRules() {}

  /** The six default rules of every NSG in canonical form, each marked {@code builtin}. */
  public static List<FirewallRule> defaults() {
    return DEFAULT_RULES;
  }

  /**
   * The canonical rules of one NSG rule.
   *
   * @param builtin true for rules Azure adds by itself ({@code defaultSecurityRules})
   * @return the rules; empty if the rule lacks its direction or access (a partial object)
   * @throws CutoverException naming the rule for a destination port range that is not a port, a
   *     range or {@code *}
   */
  public static List<FirewallRule> expand(Spec spec, boolean builtin) {
    if (spec.direction() == null || spec.access() == null) {
      return List.of();
    }
    Direction direction = Direction.parse(spec.direction());
    Action action = Action.parse(spec.access());
    String protocol = FirewallRule.canonicalProtocol(spec.protocol());
    boolean inbound = direction == Direction.INGRESS;
    Set<String> sources = prefixes(spec.sourcePrefixes(), spec.sourceAsgIds());
    Set<String> destinations = prefixes(spec.destinationPrefixes(), spec.destinationAsgIds());
    Set<String> peers = inbound ? sources : destinations;
    Set<String> locals = inbound ? destinations : sources;
    String description = description(spec.description(), spec.sourcePortRanges());
    boolean icmp = protocol.equals("icmp") || protocol.equals("icmpv6");
    List<int[]> ranges = icmp ? List.of(new int[0]) : portRanges(spec);
    // Ports only exist for TCP and UDP: protocol Any with a port range matches TCP and UDP traffic
    // to those ports, not every protocol on every port (Azure "Network security groups: security
    // rules"). Canonical "all" always spans every port, so split it.
    List<String> protocols =
        protocol.equals("all") && !coversAllPorts(ranges)
            ? List.of("tcp", "udp")
            : List.of(protocol);

    List<FirewallRule> rules = new ArrayList<>();
    for (String peer : peers) {
      for (String local : locals) {
        for (int[] range : ranges) {
          for (String ruleProtocol : protocols) {
            rules.add(
                new FirewallRule(
                    direction,
                    action,
                    ruleProtocol,
                    range.length == 0 ? null : range[0],
                    range.length == 0 ? null : range[1],
                    peerForm(peer),
                    spec.priority(),
                    spec.name(),
                    description,
                    localForm(local),
                    builtin));
          }
        }
      }
    }
    return rules;
  }

  private static boolean coversAllPorts(List<int[]> ranges) {
    return ranges.stream()
        .anyMatch(r -> r.length == 2 && r[0] == 0 && r[1] == FirewallRule.MAX_PORT);
  }

  private static Spec defaultSpec(
      String name,
      String description,
      int priority,
      String direction,
      String access,
      String source,
      String destination) {
    return new Spec(
        name,
        description,
        priority,
        direction,
        access,
        "*",
        List.of(source),
        List.of(),
        List.of(destination),
        List.of(),
        List.of("*"),
        List.of("*"));
  }

  /** Address prefixes and ASG references of one side, {@code *} if the rule names none. */
  private static Set<String> prefixes(List<String> prefixes, List<String> asgIds) {
    Set<String> all = new LinkedHashSet<>();
    if (prefixes != null) {
      prefixes.stream().filter(p -> p != null && !p.isBlank()).map(String::trim).forEach(all::add);
    }
    if (asgIds != null) {
      asgIds.stream()
          .filter(id -> id != null && !id.isBlank())
          .map(id -> "sg:" + id)
          .forEach(all::add);
    }
    if (all.isEmpty()) {
      all.add("*");
    }
    return all;
  }

  private static boolean isAny(String prefix) {
    return prefix.equals("*") || prefix.equalsIgnoreCase("Any") || prefix.equals("0.0.0.0/0");
  }

  private static String peerForm(String prefix) {
    if (isAny(prefix)) {
      return "0.0.0.0/0";
    }
    if (prefix.startsWith("sg:")) {
      return prefix;
    }
    return Cidrs.isCidr(prefix) ? Cidrs.canonical(prefix) : "tag:" + prefix;
  }

  private static String localForm(String prefix) {
    return isAny(prefix) ? null : peerForm(prefix);
  }

  private static List<int[]> portRanges(Spec spec) {
    List<String> given = spec.destinationPortRanges();
    List<String> ranges =
        given == null ? List.of() : given.stream().filter(r -> r != null && !r.isBlank()).toList();
    if (ranges.isEmpty()) {
      ranges = List.of("*");
    }
    List<int[]> parsed = new ArrayList<>();
    for (String range : ranges) {
      parsed.add(portRange(range.trim(), spec.name()));
    }
    return parsed;
  }

  private static int[] portRange(String range, String rule) {
    if (range.equals("*")) {
      return new int[] {0, FirewallRule.MAX_PORT};
    }
    int dash = range.indexOf('-');
    try {
      if (dash < 0) {
        int port = Integer.parseInt(range);
        return new int[] {port, port};
      }
      return new int[] {
        Integer.parseInt(range.substring(0, dash).trim()),
        Integer.parseInt(range.substring(dash + 1).trim())
      };
    } catch (NumberFormatException e) {
      throw new CutoverException(
          "NSG rule '"
              + rule
              + "': destination port range '"
              + range
              + "' is not a port, a range (8000-8100) or *",
          e);
    }
  }

  /** The description, led by {@code srcports=<ranges>} when the source ports are not {@code *}. */
  private static String description(String description, List<String> sourcePortRanges) {
    List<String> ranges =
        sourcePortRanges == null
            ? List.of()
            : sourcePortRanges.stream()
                .filter(r -> r != null && !r.isBlank() && !r.trim().equals("*"))
                .map(String::trim)
                .toList();
    String text = description == null || description.isBlank() ? null : description;
    if (ranges.isEmpty()) {
      return text;
    }
    String note = "srcports=" + String.join(",", ranges);
    return text == null ? note : note + " " + text;
  }
}
