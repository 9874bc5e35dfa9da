package dev.cutover.core.traffic;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The weights of every member of a weighted record set at one moment, in the provider's units, as
 * read from or written to the provider. Members other than blue and green are carried unchanged.
 *
 * @param members every member, sorted by id
 * @param ttlSeconds the record's TTL (Route 53 {@code TTL}, Traffic Manager {@code dnsConfig.ttl})
 */
public record WeightSnapshot(List<MemberWeight> members, long ttlSeconds) {

  public WeightSnapshot {
    members =
        members == null
            ? List.of()
            : members.stream().sorted((a, b) -> a.id().compareTo(b.id())).toList();
  }

  public Optional<MemberWeight> member(String id) {
    return members.stream().filter(m -> m.id().equals(id)).findFirst();
  }

  /** Sum of effective weights; 0 means no member would be chosen by weight. */
  public int totalEffectiveWeight() {
    return members.stream().mapToInt(MemberWeight::effectiveWeight).sum();
  }

  /**
   * The share of answers a member gets, in basis points (0–10000): its effective weight over the
   * sum (Route 53 and Traffic Manager both answer in proportion to weight).
   */
  public int shareBasisPoints(String id) {
    int total = totalEffectiveWeight();
    if (total == 0) {
      return 0;
    }
    return member(id).map(m -> (int) Math.round(m.effectiveWeight() * 10000.0 / total)).orElse(0);
  }

  /** True if both hold the same weights and states for the same members (TTL not compared). */
  public boolean sameWeights(WeightSnapshot other) {
    return Objects.equals(members, other.members);
  }

  /**
   * True if both give every member the same effective weight (a disabled Traffic Manager endpoint
   * counts as 0 whatever its stored weight): the same traffic, whatever the representation.
   */
  public boolean sameEffectiveWeights(WeightSnapshot other) {
    if (members.size() != other.members.size()) {
      return false;
    }
    for (int i = 0; i < members.size(); i++) {
      MemberWeight a = members.get(i);
      MemberWeight b = other.members.get(i);
      if (!a.id().equals(b.id()) || a.effectiveWeight() != b.effectiveWeight()) {
        return false;
      }
    }
    return true;
  }

  /** {@code blue=95 green=5}; a disabled member as {@code green=off}. */
  public String describe() {
    StringBuilder out = new StringBuilder();
    for (MemberWeight m : members) {
      if (out.length() > 0) {
        out.append(' ');
      }
      out.append(m.id()).append('=').append(m.enabled() ? String.valueOf(m.weight()) : "off");
    }
    return out.toString();
  }
}
