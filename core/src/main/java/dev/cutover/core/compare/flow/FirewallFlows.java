package dev.cutover.core.compare.flow;

import dev.cutover.core.compare.flow.FlowSpace.Key;
import dev.cutover.core.model.Action;
import dev.cutover.core.model.Cidrs;
import dev.cutover.core.model.FirewallRule;
import inet.ipaddr.IPAddressSeqRangeList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The flows a firewall's rules let through.
 *
 * <p>Rules are evaluated by ascending priority, first match wins: a rule decides the flows no
 * earlier rule decided, allowing or denying them (NSG semantics, <a
 * href="https://learn.microsoft.com/en-us/azure/virtual-network/network-security-groups-overview#security-rules">NSG
 * security rules</a>). Rules without a priority (AWS security groups, allow-only, <a
 * href="https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html">security group
 * rules</a>) come after, which for allow rules is their union.
 *
 * <p>Peers: a CIDR is its range; {@code tag:Internet} is the whole IPv4 space minus the side's
 * virtual network space, and the whole IPv6 space minus it when the side has IPv6 space (without it
 * no IPv6 traffic flows, and mappers write NSG {@code *} as {@code 0.0.0.0/0}); {@code
 * tag:VirtualNetwork} is that space (a symbol when the side has no network); any other service tag,
 * {@code sg:} or {@code pl:} peer is a symbol. What a {@code tag:VirtualNetwork} rule allows is
 * kept apart: {@link Scope#covering()} holds it as addresses, {@link Scope#strict()} as the symbol
 * {@code tag:VirtualNetwork}.
 *
 * <p>Flows of an address family none of the side's networks has cannot occur and are left out (an
 * AWS rule to {@code ::/0} in a VPC without IPv6); with no network known, every family counts.
 *
 * <p>Rules with a {@code local} prefix (an NSG rule for some destinations only) are evaluated per
 * such prefix ({@link Scope#local()}); the general scope {@link #GENERAL} holds the rules that
 * apply to everything the firewall protects.
 */
public final class FirewallFlows {

  /** The scope of rules without a local prefix. */
  public static final String GENERAL = "";

  /** Protocols every comparison distinguishes; others are added as the rules name them. */
  private static final List<String> BASE_PROTOCOLS = List.of("tcp", "udp", "icmp", "icmpv6");

  /** The bucket of every protocol no rule names. */
  public static final String OTHER = "other";

  private static final String VNET_TAG = "tag:virtualnetwork";
  private static final String INTERNET_TAG = "tag:internet";

  private FirewallFlows() {}

  /**
   * What evaluation needs besides the rules.
   *
   * @param vnet4 the IPv4 address space of the side's virtual networks (empty if none known)
   * @param vnet6 the IPv6 address space of the side's virtual networks
   * @param protocols the protocol universe {@code all} expands to ({@link #universe(Collection)})
   */
  public record Context(
      IPAddressSeqRangeList vnet4, IPAddressSeqRangeList vnet6, List<String> protocols) {

    boolean vnetKnown() {
      return !vnet4.isEmpty() || !vnet6.isEmpty();
    }

    /**
     * Whether flows of a key can occur on this side: symbolic peers always; an address family only
     * if the side's networks have space of that family, or if no network is known.
     */
    boolean carries(Key key) {
      if (key.symbolic() || !vnetKnown()) {
        return true;
      }
      return !(key.peer().equals(FlowSpace.IPV4) ? vnet4 : vnet6).isEmpty();
    }
  }

  /**
   * What one rule decided to allow: for a rule with a priority, the flows no earlier rule decided;
   * for one without, all it allows.
   */
  public record Contribution(FirewallRule rule, FlowSpace allowed) {}

  /**
   * The evaluation for one scope.
   *
   * @param local the local prefix, or {@link #GENERAL}
   * @param strict allowed flows, with {@code tag:VirtualNetwork} allowances as a symbol
   * @param covering allowed flows, with {@code tag:VirtualNetwork} allowances as addresses
   * @param contributions what each allow rule decided, in evaluation order
   * @param rules the rules of this scope, in evaluation order
   * @param platformDefaults the symbolic flows (as in {@code strict}) that builtin rules allow: the
   *     NSG default rules' VNet-internal and Azure load balancer traffic, which every NSG has
   */
  public record Scope(
      String local,
      FlowSpace strict,
      FlowSpace covering,
      List<Contribution> contributions,
      List<FirewallRule> rules,
      FlowSpace platformDefaults) {}

  /** The protocol universe of a comparison: tcp, udp, icmp, icmpv6, named numbers, other. */
  public static List<String> universe(Collection<FirewallRule> rules) {
    Set<String> protocols = new LinkedHashSet<>(BASE_PROTOCOLS);
    rules.stream()
        .map(FirewallRule::protocol)
        .filter(p -> !p.equals("all"))
        .sorted()
        .forEach(protocols::add);
    protocols.add(OTHER);
    return List.copyOf(protocols);
  }

  /** Evaluates the rules per scope; the general scope comes first. */
  public static Map<String, Scope> evaluate(Collection<FirewallRule> rules, Context context) {
    List<FirewallRule> ordered =
        rules.stream()
            .sorted(
                Comparator.comparing(
                        FirewallRule::priority, Comparator.nullsLast(Comparator.naturalOrder()))
                    .thenComparing(Comparator.naturalOrder()))
            .toList();
    Set<String> scopes = new TreeSet<>();
    ordered.stream()
        .map(FirewallRule::local)
        .filter(local -> local != null && !isVnetTag(local))
        .forEach(scopes::add);
    Map<String, Scope> result = new LinkedHashMap<>();
    result.put(GENERAL, evaluateScope(GENERAL, ordered, context));
    for (String scope : scopes) {
      result.put(scope, evaluateScope(scope, ordered, context));
    }
    return result;
  }

  private static Scope evaluateScope(String scope, List<FirewallRule> ordered, Context context) {
    List<FirewallRule> rules = ordered.stream().filter(r -> applies(r, scope)).toList();
    FlowSpace decided = FlowSpace.EMPTY;
    FlowSpace denied = FlowSpace.EMPTY;
    FlowSpace concrete = FlowSpace.EMPTY;
    FlowSpace vnet = FlowSpace.EMPTY;
    FlowSpace platformDefaults = FlowSpace.EMPTY;
    List<Contribution> contributions = new ArrayList<>();
    for (FirewallRule rule : rules) {
      FlowSpace box = box(rule, context);
      FlowSpace fresh = box.minus(decided);
      if (rule.action() == Action.ALLOW) {
        if (isVnetTag(rule.peer()) && context.vnetKnown()) {
          // Everything of its box that no earlier rule denied is allowed to the VirtualNetwork
          // peers, including flows an earlier allow rule decided.
          vnet = vnet.union(box.minus(denied));
          if (rule.builtin()) {
            platformDefaults = platformDefaults.union(asSymbol(box.minus(denied)));
          }
        } else {
          concrete = concrete.union(fresh);
          if (rule.builtin()) {
            platformDefaults = platformDefaults.union(fresh.filter(FlowSpace.Key::symbolic));
          }
        }
        contributions.add(new Contribution(rule, rule.priority() == null ? box : fresh));
      } else {
        denied = denied.union(fresh);
      }
      decided = decided.union(box);
    }
    return new Scope(
        scope,
        concrete.union(asSymbol(vnet)).filter(context::carries),
        concrete.union(vnet).filter(context::carries),
        contributions,
        rules,
        platformDefaults.filter(context::carries));
  }

  /** Whether a rule takes part in the evaluation of a scope. */
  private static boolean applies(FirewallRule rule, String scope) {
    String local = rule.local();
    if (local == null || isVnetTag(local)) {
      return true;
    }
    if (scope.equals(GENERAL)) {
      return false;
    }
    if (local.equals(scope)) {
      return true;
    }
    return isCidr(local) && isCidr(scope) && Cidrs.parse(local).contains(Cidrs.parse(scope));
  }

  /** Every flow the rule matches, whatever its action. */
  public static FlowSpace box(FirewallRule rule, Context context) {
    List<String> protocols =
        rule.protocol().equals("all") ? context.protocols() : List.of(rule.protocol());
    Map<String, IPAddressSeqRangeList> peers = peers(rule.peer(), context);
    FlowSpace box = FlowSpace.EMPTY;
    for (String protocol : protocols) {
      int[] ports = portRange(rule, protocol);
      for (Map.Entry<String, IPAddressSeqRangeList> peer : peers.entrySet()) {
        box =
            box.union(
                FlowSpace.of(
                    new Key(rule.direction(), protocol, peer.getKey()),
                    PortMap.of(ports[0], ports[1], peer.getValue())));
      }
    }
    return box;
  }

  /**
   * The port range a rule covers for one protocol of its expansion: tcp/udp ports (null bounds are
   * open), ICMP {@code type * 256 + code} (a null or out-of-range type or code is any; Azure's
   * 0–65535 is any), everything for {@code all} and port-less protocols.
   */
  public static int[] portRange(FirewallRule rule, String protocol) {
    int max = PortMap.MAX;
    if (rule.protocol().equals("all")) {
      return new int[] {0, max};
    }
    switch (protocol) {
      case "tcp":
      case "udp":
        int from = rule.fromPort() == null ? 0 : Math.max(0, rule.fromPort());
        int to = rule.toPort() == null ? max : Math.min(max, rule.toPort());
        return new int[] {from, to};
      case "icmp":
      case "icmpv6":
        Integer type = rule.fromPort();
        Integer code = rule.toPort();
        if (type == null || type > 255 || (type == 0 && code != null && code == max)) {
          return new int[] {0, max};
        }
        int base = type * 256;
        return code == null || code > 255
            ? new int[] {base, base + 255}
            : new int[] {base + code, base + code};
      default:
        return new int[] {0, max};
    }
  }

  /** The peer's address sets by family, or its symbol. */
  private static Map<String, IPAddressSeqRangeList> peers(String peer, Context context) {
    Map<String, IPAddressSeqRangeList> peers = new LinkedHashMap<>();
    String lower = peer.toLowerCase(Locale.ROOT);
    if (isCidr(peer)) {
      peers.put(Addresses.family(peer), Addresses.of(peer));
    } else if (lower.equals(INTERNET_TAG)) {
      peers.put(FlowSpace.IPV4, Addresses.whole(FlowSpace.IPV4).removeIntoList(context.vnet4()));
      if (!context.vnet6().isEmpty()) {
        peers.put(FlowSpace.IPV6, Addresses.whole(FlowSpace.IPV6).removeIntoList(context.vnet6()));
      }
    } else if (lower.equals(VNET_TAG) && context.vnetKnown()) {
      peers.put(FlowSpace.IPV4, context.vnet4());
      peers.put(FlowSpace.IPV6, context.vnet6());
    } else {
      peers.put(symbol(peer), FlowSpace.symbol());
    }
    return peers;
  }

  /**
   * The key of a symbolic peer: security group and prefix list ids compared case-insensitively,
   * service tags as given.
   */
  public static String symbol(String peer) {
    return peer.startsWith("sg:") || peer.startsWith("pl:") ? peer.toLowerCase(Locale.ROOT) : peer;
  }

  /** The ports of every family of a space, as one {@code tag:VirtualNetwork} symbol. */
  private static FlowSpace asSymbol(FlowSpace vnet) {
    FlowSpace symbolic = FlowSpace.EMPTY;
    for (Map.Entry<Key, PortMap> part : vnet.parts().entrySet()) {
      for (PortMap.Segment segment : part.getValue().segments()) {
        Key key =
            new Key(part.getKey().direction(), part.getKey().protocol(), "tag:VirtualNetwork");
        symbolic =
            symbolic.union(
                FlowSpace.of(key, PortMap.of(segment.from(), segment.to(), FlowSpace.symbol())));
      }
    }
    return symbolic;
  }

  private static boolean isVnetTag(String peer) {
    return peer.toLowerCase(Locale.ROOT).equals(VNET_TAG);
  }

  private static boolean isCidr(String peer) {
    return !peer.startsWith("sg:") && !peer.startsWith("pl:") && !peer.startsWith("tag:");
  }
}
