package dev.cutover.core.compare.flow;

import inet.ipaddr.IPAddressSeqRangeList;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.BinaryOperator;

/**
 * A set of (port, address) pairs for one direction, protocol and peer family: sorted, disjoint port
 * intervals, each with the address ranges it holds. Adjacent intervals with equal addresses are
 * merged, so equal sets have equal segments. Immutable. Address sets are IPAddress library range
 * lists: unions, differences and intersections are the library's, not bit arithmetic here.
 *
 * <p>For ICMP the "port" is {@code type * 256 + code}; for protocols without ports it is always the
 * whole range 0–65535.
 */
public final class PortMap {

  /** The whole port range. */
  public static final int MAX = 65535;

  /**
   * One interval of ports with its addresses.
   *
   * @param from first port, inclusive
   * @param to last port, inclusive
   * @param addresses non-empty address ranges of one IP family
   */
  public record Segment(int from, int to, IPAddressSeqRangeList addresses) {}

  static final PortMap EMPTY = new PortMap(List.of());

  private final List<Segment> segments;

  private PortMap(List<Segment> segments) {
    this.segments = List.copyOf(segments);
  }

  /** The ports {@code from..to} with these addresses (empty if there are none). */
  public static PortMap of(int from, int to, IPAddressSeqRangeList addresses) {
    if (from > to || addresses.isEmpty()) {
      return EMPTY;
    }
    return new PortMap(List.of(new Segment(from, to, addresses.clone())));
  }

  public List<Segment> segments() {
    return segments;
  }

  public boolean isEmpty() {
    return segments.isEmpty();
  }

  public PortMap union(PortMap other) {
    return combine(other, (a, b) -> a.joinIntoList(b));
  }

  public PortMap minus(PortMap other) {
    return combine(other, (a, b) -> a.removeIntoList(b));
  }

  public PortMap intersect(PortMap other) {
    return combine(other, (a, b) -> a.intersectIntoList(b));
  }

  /** Applies {@code op} on every elementary port interval of the two maps, then merges. */
  private PortMap combine(PortMap other, BinaryOperator<IPAddressSeqRangeList> op) {
    TreeSet<Integer> bounds = new TreeSet<>();
    for (PortMap map : List.of(this, other)) {
      for (Segment s : map.segments) {
        bounds.add(s.from());
        bounds.add(s.to() + 1);
      }
    }
    List<Segment> out = new ArrayList<>();
    Cursor mine = new Cursor(segments);
    Cursor theirs = new Cursor(other.segments);
    Integer start = bounds.isEmpty() ? null : bounds.first();
    while (start != null) {
      Integer next = bounds.higher(start);
      if (next == null) {
        break;
      }
      IPAddressSeqRangeList result = op.apply(mine.at(start), theirs.at(start));
      if (!result.isEmpty()) {
        Segment last = out.isEmpty() ? null : out.get(out.size() - 1);
        if (last != null && last.to() + 1 == start && last.addresses().equals(result)) {
          out.set(out.size() - 1, new Segment(last.from(), next - 1, result));
        } else {
          out.add(new Segment(start, next - 1, result));
        }
      }
      start = next;
    }
    return new PortMap(out);
  }

  /** Walks sorted segments with ascending ports. */
  private static final class Cursor {
    private final IPAddressSeqRangeList none = new IPAddressSeqRangeList();
    private final List<Segment> segments;
    private int index;

    Cursor(List<Segment> segments) {
      this.segments = segments;
    }

    /** The addresses at a port (ports asked in ascending order); empty outside every segment. */
    IPAddressSeqRangeList at(int port) {
      while (index < segments.size() && segments.get(index).to() < port) {
        index++;
      }
      return index < segments.size() && segments.get(index).from() <= port
          ? segments.get(index).addresses()
          : none;
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PortMap other && segments.equals(other.segments);
  }

  @Override
  public int hashCode() {
    return segments.hashCode();
  }

  @Override
  public String toString() {
    return segments.toString();
  }
}
