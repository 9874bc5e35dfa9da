package dev.cutover.core.compare.flow;

import dev.cutover.core.compare.flow.FlowSpace.Key;
import dev.cutover.core.model.Direction;
import dev.cutover.core.model.FirewallRule;
import inet.ipaddr.IPAddressSeqRangeList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Flows and rules in the user's terms: {@code ingress tcp/22 from 0.0.0.0/0}. */
public final class FlowText {

  private FlowText() {}

  /**
   * One reportable piece of a flow space.
   *
   * @param direction ingress or egress
   * @param text e.g. {@code ingress tcp/8080 from 0.0.0.0/0}
   * @param space exactly the flows the text names
   */
  public record Item(Direction direction, String text, FlowSpace space) {}

  /** A rule's match, without its action: {@code ingress tcp/22 from 0.0.0.0/0 to 10.0.1.4/32}. */
  public static String rule(FirewallRule rule) {
    String what =
        rule.protocol().equals("all")
            ? "all protocols"
            : ports(rule.protocol(), FirewallFlows.portRange(rule, rule.protocol()));
    return rule.direction() + " " + what + peerPhrase(rule.direction(), rule.peer(), rule.local());
  }

  /** {@link #rule(FirewallRule)} with the NSG priority and name when it has them. */
  public static String ruleWithPlace(FirewallRule rule) {
    String text = rule(rule);
    if (rule.priority() != null) {
      text += " (priority " + rule.priority() + (rule.name() == null ? "" : ", " + rule.name());
      text += ")";
    } else if (rule.name() != null) {
      text += " (" + rule.name() + ")";
    }
    return text;
  }

  /**
   * Splits a space into items: per direction and peer, the flows every protocol of the universe
   * shares first ({@code all protocols}, or {@code all protocols other than tcp/443} when that is
   * shorter), then each protocol's port ranges.
   *
   * @param local the scope's local prefix, or {@link FirewallFlows#GENERAL}
   */
  public static List<Item> items(FlowSpace space, List<String> universe, String local) {
    String scope = local.equals(FirewallFlows.GENERAL) ? null : local;
    Map<Group, FlowSpace> groups = new LinkedHashMap<>();
    space
        .parts()
        .forEach(
            (key, ports) ->
                groups.merge(
                    new Group(key.direction(), key.peer()),
                    FlowSpace.of(key, ports),
                    FlowSpace::union));
    List<Item> items = new ArrayList<>();
    groups.forEach(
        (group, flows) -> {
          FlowSpace rest = flows;
          Item all = allProtocols(group, flows, universe, scope);
          if (all != null) {
            items.add(all);
            rest = rest.minus(all.space());
          }
          for (String protocol : universe) {
            Key key = new Key(group.direction(), protocol, group.peer());
            for (PortMap.Segment segment : rest.get(key).segments()) {
              String text =
                  group.direction()
                      + " "
                      + ports(protocol, new int[] {segment.from(), segment.to()})
                      + peerPhrase(
                          group.direction(), peer(group.peer(), segment.addresses()), scope);
              PortMap ports = PortMap.of(segment.from(), segment.to(), segment.addresses());
              items.add(new Item(group.direction(), text, FlowSpace.of(key, ports)));
            }
          }
        });
    return items;
  }

  /**
   * The flows of one direction and peer that every protocol shares, as one item ({@code all
   * protocols}, {@code all protocols other than tcp/443}), or null when listing them protocol by
   * protocol is as short.
   */
  private static Item allProtocols(
      Group group, FlowSpace flows, List<String> universe, String scope) {
    IPAddressSeqRangeList common = inEveryProtocol(group, flows, universe);
    if (common == null || common.isEmpty()) {
      return null;
    }
    FlowSpace all = FlowSpace.EMPTY;
    for (String protocol : universe) {
      Key key = new Key(group.direction(), protocol, group.peer());
      all = all.union(FlowSpace.of(key, PortMap.of(0, PortMap.MAX, common)));
    }
    FlowSpace held = flows.intersect(all);
    List<String> except = exceptions(all.minus(held), common);
    if (except.size() >= parts(held)) {
      return null;
    }
    String text =
        group.direction()
            + " all protocols"
            + (except.isEmpty() ? "" : " other than " + String.join(", ", except))
            + peerPhrase(group.direction(), peer(group.peer(), common), scope);
    return new Item(group.direction(), text, held);
  }

  private record Group(Direction direction, String peer) {}

  /** The addresses every protocol of the universe holds on some port, or null. */
  private static IPAddressSeqRangeList inEveryProtocol(
      Group group, FlowSpace flows, List<String> universe) {
    IPAddressSeqRangeList common = null;
    for (String protocol : universe) {
      PortMap ports = flows.get(new Key(group.direction(), protocol, group.peer()));
      if (ports.isEmpty()) {
        return null;
      }
      IPAddressSeqRangeList here = new IPAddressSeqRangeList();
      for (PortMap.Segment segment : ports.segments()) {
        here = here.joinIntoList(segment.addresses());
      }
      common = common == null ? here : common.intersectIntoList(here);
    }
    return common;
  }

  /** What an "all protocols" item leaves out: {@code tcp/443}, {@code udp/53 from 10.0.0.0/8}. */
  private static List<String> exceptions(FlowSpace missing, IPAddressSeqRangeList common) {
    List<String> texts = new ArrayList<>();
    for (Map.Entry<Key, PortMap> part : missing.parts().entrySet()) {
      for (PortMap.Segment segment : part.getValue().segments()) {
        String ports = ports(part.getKey().protocol(), new int[] {segment.from(), segment.to()});
        texts.add(
            segment.addresses().equals(common)
                ? ports
                : ports + " for " + peer(part.getKey().peer(), segment.addresses()));
      }
    }
    return texts;
  }

  private static int parts(FlowSpace space) {
    return space.parts().values().stream().mapToInt(p -> p.segments().size()).sum();
  }

  private static String peer(String peer, IPAddressSeqRangeList addresses) {
    return FlowSpace.IPV4.equals(peer) || FlowSpace.IPV6.equals(peer)
        ? Addresses.describe(addresses)
        : peer;
  }

  private static String peerPhrase(Direction direction, String peer, String local) {
    boolean in = direction == Direction.INGRESS;
    return (in ? " from " : " to ")
        + peer
        + (local == null ? "" : (in ? " to " : " from ") + local);
  }

  /**
   * A protocol with a port range: {@code tcp/443}, {@code udp/8000-8100}, {@code icmp type 8},
   * {@code protocol 50}, {@code other protocols}.
   */
  static String ports(String protocol, int[] range) {
    int from = range[0];
    int to = range[1];
    switch (protocol) {
      case "tcp":
      case "udp":
        return protocol + "/" + (from == to ? String.valueOf(from) : from + "-" + to);
      case "icmp":
      case "icmpv6":
        return protocol + icmp(from, to);
      case FirewallFlows.OTHER:
        return "other protocols";
      default:
        return "protocol " + protocol;
    }
  }

  private static String icmp(int from, int to) {
    if (from == 0 && to == PortMap.MAX) {
      return "";
    }
    int fromType = from / 256;
    int toType = to / 256;
    if (from % 256 == 0 && to % 256 == 255) {
      return fromType == toType ? " type " + fromType : " types " + fromType + "-" + toType;
    }
    if (from == to) {
      return " type " + fromType + " code " + from % 256;
    }
    return " type/code " + fromType + "/" + from % 256 + "-" + toType + "/" + to % 256;
  }
}
