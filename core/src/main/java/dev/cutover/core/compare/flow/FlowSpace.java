package dev.cutover.core.compare.flow;

import dev.cutover.core.model.Direction;
import inet.ipaddr.IPAddressSeqRangeList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * A set of flows: for each (direction, protocol, peer) key, the ports and peer addresses it holds.
 * The peer of a key is {@code ipv4} or {@code ipv6} for address ranges, or a symbol ({@code
 * tag:AzureLoadBalancer}, {@code sg:<id>}, {@code pl:<id>}) whose address set is a placeholder
 * ({@link #symbol()}). Immutable; keys with empty port maps are dropped.
 */
public final class FlowSpace {

  /** Peer names of the two address families. */
  public static final String IPV4 = "ipv4";

  public static final String IPV6 = "ipv6";

  /**
   * The key of a part of the space.
   *
   * @param direction ingress or egress
   * @param protocol a protocol of the comparison's universe ({@code tcp}, {@code icmp}, {@code 50},
   *     {@code other})
   * @param peer {@link #IPV4}, {@link #IPV6} or a symbol
   */
  public record Key(Direction direction, String protocol, String peer) {

    /** True for a symbolic peer (service tag, security group, prefix list). */
    public boolean symbolic() {
      return !peer.equals(IPV4) && !peer.equals(IPV6);
    }
  }

  private static final Comparator<Key> ORDER =
      Comparator.comparing(Key::direction)
          .thenComparing(Key::symbolic)
          .thenComparing(Key::peer)
          .thenComparing(Key::protocol);

  /** The address placeholder of a symbolic key (a fresh copy): the whole IPv4 space. */
  public static IPAddressSeqRangeList symbol() {
    return Addresses.whole(IPV4);
  }

  public static final FlowSpace EMPTY = new FlowSpace(new TreeMap<>(ORDER));

  private final TreeMap<Key, PortMap> parts;

  private FlowSpace(TreeMap<Key, PortMap> parts) {
    this.parts = parts;
  }

  /** One key's ports (empty space if the map is empty). */
  public static FlowSpace of(Key key, PortMap ports) {
    TreeMap<Key, PortMap> parts = new TreeMap<>(ORDER);
    if (!ports.isEmpty()) {
      parts.put(key, ports);
    }
    return new FlowSpace(parts);
  }

  /** The parts, in a stable order (direction, concrete before symbolic, peer, protocol). */
  public Map<Key, PortMap> parts() {
    return Collections.unmodifiableMap(parts);
  }

  public PortMap get(Key key) {
    return parts.getOrDefault(key, PortMap.EMPTY);
  }

  public boolean isEmpty() {
    return parts.isEmpty();
  }

  public FlowSpace union(FlowSpace other) {
    return combine(other, PortMap::union, true);
  }

  public FlowSpace minus(FlowSpace other) {
    return combine(other, PortMap::minus, false);
  }

  public FlowSpace intersect(FlowSpace other) {
    TreeMap<Key, PortMap> out = new TreeMap<>(ORDER);
    parts.forEach(
        (key, ports) -> {
          PortMap both = ports.intersect(other.get(key));
          if (!both.isEmpty()) {
            out.put(key, both);
          }
        });
    return new FlowSpace(out);
  }

  public boolean overlaps(FlowSpace other) {
    return !intersect(other).isEmpty();
  }

  /** Only the parts whose key passes the filter. */
  public FlowSpace filter(Predicate<Key> keep) {
    TreeMap<Key, PortMap> out = new TreeMap<>(ORDER);
    parts.forEach(
        (key, ports) -> {
          if (keep.test(key)) {
            out.put(key, ports);
          }
        });
    return new FlowSpace(out);
  }

  private FlowSpace combine(
      FlowSpace other, BiFunction<PortMap, PortMap, PortMap> op, boolean includeOtherKeys) {
    TreeMap<Key, PortMap> out = new TreeMap<>(ORDER);
    parts.forEach((key, ports) -> put(out, key, op.apply(ports, other.get(key))));
    if (includeOtherKeys) {
      other.parts.forEach(
          (key, ports) -> {
            if (!parts.containsKey(key)) {
              put(out, key, ports);
            }
          });
    }
    return new FlowSpace(out);
  }

  private static void put(TreeMap<Key, PortMap> out, Key key, PortMap ports) {
    if (!ports.isEmpty()) {
      out.put(key, ports);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FlowSpace other && parts.equals(other.parts);
  }

  @Override
  public int hashCode() {
    return parts.hashCode();
  }

  @Override
  public String toString() {
    return parts.toString();
  }
}
